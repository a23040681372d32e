/**
 * Hand-off material: the case bundle (all documents + evidence index with hashes + timeline, one PDF)
 * for BKN (SBT/I'DIS) or Bawaslu, and the XLSX/CSV export in their fields. Both are audited.
 */
import { CASE_ORIGIN_LABELS, CASE_STATE_LABELS, CLOSE_REASON_LABELS, FORWARD_TARGET_LABELS, SANCTION_LABELS, TIER_LABELS, type ForwardTarget, type Sanction, type Tier } from '../../../shared/case-workflow.js';
import { ACT_KIND_LABELS, type ActKind } from '../../../shared/contracts/reports.contract.js';
import { EMPLOYEE_CATEGORY_LABELS, type EmployeeCategory } from '../../../shared/enums.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/context.js';
import { readStoredFile } from '../../lib/file-store.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { listItems } from '../catalogue/catalogue.service.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { exportRows, listDocuments, listEvents, listEvidence, recommendationDates } from './cases.repository.js';
import { readableCase } from './cases.service.js';
import { renderCaseBundle } from './documents/bundle.js';
import type { CaseExportRow } from './documents/case-document.types.js';
import { renderCasesCsv, renderCasesXlsx } from './documents/export.js';
import { CASE_DOCUMENT_LABELS, type CaseDocumentKind } from '../../../shared/case-workflow.js';

export async function caseBundle(deps: AppDeps, ctx: RequestContext, caseId: string) {
  const c = await readableCase(deps.db, ctx, caseId);
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  const documents = await listDocuments(deps.db, ctx.tenantId, caseId);
  const evidence = await listEvidence(deps.db, ctx.tenantId, caseId);
  const events = await listEvents(deps.db, ctx.tenantId, caseId);
  const bytes = await renderCaseBundle({
    head: { instansi: tenant.name, address: tenant.address },
    caseNumber: c.number,
    caseTitle: c.title,
    generatedAt: new Date().toISOString(),
    documents: await Promise.all(documents.map(async ({ d, storagePath }) => ({ title: CASE_DOCUMENT_LABELS[d.kind as CaseDocumentKind] ?? d.kind, number: d.number, bytes: await readStoredFile(storagePath) }))),
    evidenceIndex: evidence.map(({ e, reportNumber }) => ({ description: e.description, sha256: e.sha256, size: e.size, mimeType: e.mimeType, source: e.source === 'report' ? `Laporan ${reportNumber ?? ''}`.trim() : e.source === 'capture' ? 'Tangkapan pengawasan media sosial' : 'Unggahan Satgas' })),
    timeline: events.map((e) => ({ at: e.at.toISOString(), actor: e.actorLabel, text: e.toState ? `${e.kind} → ${CASE_STATE_LABELS[e.toState]}${e.reason ? `: ${e.reason}` : ''}` : `${e.kind}${e.reason ? `: ${e.reason}` : ''}` })),
  });
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.bundle', entityType: 'case', entityId: caseId, after: { documents: documents.length, evidence: evidence.length } }));
  return { bytes, fileName: `berkas-${c.number}.pdf` };
}

/** Optional narrowing (the periodic BKN/Bawaslu recap): one election, cases registered in a period (UTC days). */
export interface CaseExportFilter {
  eventId?: string | null;
  from?: string | null;
  to?: string | null;
}

export async function exportCases(deps: AppDeps, ctx: RequestContext, state: 'open' | 'closed' | 'all', format: 'xlsx' | 'csv', filter: CaseExportFilter = {}) {
  requireScope(ctx.actor, 'case.read');
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const rows = (await exportRows(deps.db, ctx.tenantId, state)).filter(
    ({ c }) => (!filter.eventId || c.electionEventId === filter.eventId) && (!filter.from || day(c.createdAt) >= filter.from) && (!filter.to || day(c.createdAt) <= filter.to),
  );
  const recommended = await recommendationDates(deps.db, ctx.tenantId);
  const itemCache = new Map<string, Awaited<ReturnType<typeof listItems>>>();
  const out: CaseExportRow[] = [];
  for (const { c, s, eventName, contestName } of rows) {
    if (c.catalogueId && !itemCache.has(c.catalogueId)) itemCache.set(c.catalogueId, await listItems(deps.db, ctx.tenantId, c.catalogueId));
    const item = s.itemCode && c.catalogueId ? itemCache.get(c.catalogueId)!.find((i) => i.code === s.itemCode) : undefined;
    const external = c.external as { target: ForwardTarget } | null;
    out.push({
      caseNumber: c.number,
      registeredOn: c.createdAt.toISOString().slice(0, 10),
      origin: CASE_ORIGIN_LABELS[c.origin],
      channelRef: c.originRef ? `${c.originRef.from} ${c.originRef.number} (${c.originRef.date})` : null,
      electionName: eventName,
      contestName,
      actDate: c.actDate,
      discoveredOn: c.discoveredOn,
      place: c.place,
      actKind: c.actKind ? (ACT_KIND_LABELS[c.actKind as ActKind] ?? c.actKind) : null,
      summary: c.summary,
      subjectName: s.name,
      subjectIdNumber: s.idNumber,
      subjectCategory: s.category ? (EMPLOYEE_CATEGORY_LABELS[s.category as EmployeeCategory] ?? s.category) : null,
      subjectPosition: s.position,
      subjectUnit: s.unitName,
      itemCode: s.itemCode,
      itemAct: item?.act ?? null,
      list: item ? (item.list === 'kode_etik' ? 'Kode etik' : 'Disiplin') : null,
      tier: s.tier ? TIER_LABELS[s.tier as Tier] : null,
      finding: s.finding === 'proven' ? 'Terbukti' : s.finding === 'not_proven' ? 'Tidak terbukti' : null,
      recommendedTier: s.recommendedTier ? TIER_LABELS[s.recommendedTier as Tier] : null,
      recommendedOn: recommended.get(c.id)?.toISOString().slice(0, 10) ?? null,
      sanction: s.sanction ? (SANCTION_LABELS[s.sanction as Sanction] ?? s.sanction) : null,
      skNumber: s.skNumber,
      skDate: s.skDate,
      executedOn: s.followUp?.executedOn ?? null,
      idisRecordedOn: s.followUp?.idisRecordedOn ?? null,
      state: CASE_STATE_LABELS[c.state],
      closeReason: c.closeReason ? CLOSE_REASON_LABELS[c.closeReason] : null,
      forwardedTo: external ? FORWARD_TARGET_LABELS[external.target] : null,
    });
  }
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.export', entityType: 'case', entityId: null, after: { rows: out.length, state, format, ...filter } }));
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv') return { bytes: Buffer.from(renderCasesCsv(out), 'utf8'), fileName: `kasus-netralitas-${stamp}.csv`, mimeType: 'text/csv; charset=utf-8' };
  return { bytes: await renderCasesXlsx(out), fileName: `kasus-netralitas-${stamp}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
