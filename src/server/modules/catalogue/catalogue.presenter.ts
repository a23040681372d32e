import type { z } from 'zod';
import type { CatalogueItemView, CatalogueVersionSummary } from '../../../shared/contracts/catalogue.contract.js';
import type { ActKind } from '../../../shared/contracts/reports.contract.js';
import type { CatalogueStage } from '../../../shared/contracts/catalogue.contract.js';
import type { CatalogueSummaryRow, ItemRow } from './catalogue.repository.js';

export function presentItem(row: ItemRow): z.infer<typeof CatalogueItemView> {
  return {
    code: row.code,
    list: row.list,
    ordinal: row.ordinal,
    act: row.act,
    examples: row.examples,
    stage: row.stage as CatalogueStage,
    tier: row.tier,
    tierSource: row.tierSource,
    legalBasis: row.legalBasis,
    actKinds: row.actKinds as ActKind[],
  };
}

export function presentSummary(row: CatalogueSummaryRow): z.infer<typeof CatalogueVersionSummary> {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    note: row.note,
    isCurrent: row.isCurrent,
    publishedAt: row.publishedAt.toISOString(),
    publishedByName: row.publishedByName,
    itemCount: row.itemCount,
  };
}
