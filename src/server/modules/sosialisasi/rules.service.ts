/**
 * The public rules explainer: what an ASN may not do, online and offline, from the instansi's
 * current catalogue (so a new catalogue version updates the page), with the sanctions of each tier.
 */
import { SANCTION_LABELS, SANCTIONS, TIER_LABELS, TIERS, type Tier } from '../../../shared/case-workflow.js';
import type { z } from 'zod';
import type { RulesView } from '../../../shared/contracts/sosialisasi.contract.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/app-error.js';
import { findCurrentCatalogue, listCatalogueItems } from '../catalogue/catalogue.repository.js';
import { resolveTenantForSignIn } from '../tenants/tenants.service.js';

/** An item is about the online world when its act kinds or its wording say so. */
const ONLINE_KINDS = new Set(['kampanye_media_sosial', 'foto_gestur']);
const isOnline = (act: string, kinds: readonly string[]) => kinds.some((k) => ONLINE_KINDS.has(k)) || /media sosial|daring|unggah|posting/i.test(act);

export async function getRules(deps: AppDeps, tenantSlug: string | undefined): Promise<z.infer<typeof RulesView>> {
  const tenant = await resolveTenantForSignIn(deps.db, tenantSlug);
  const catalogue = await findCurrentCatalogue(deps.db, tenant.id);
  if (!catalogue) throw notFound({ catalogue: null });
  const items = await listCatalogueItems(deps.db, tenant.id, catalogue.id);
  const tiers = TIERS.filter((t) => items.some((i) => i.tier === t));
  return {
    tenant: { slug: tenant.slug, name: tenant.name },
    catalogueTitle: catalogue.title,
    items: items.map((i) => ({
      code: i.code,
      list: i.list,
      act: i.act,
      examples: i.examples,
      setting: isOnline(i.act, i.actKinds) ? ('online' as const) : ('offline' as const),
      stage: i.stage,
      tier: i.tier,
      tierLabel: TIER_LABELS[i.tier],
      legalBasis: i.legalBasis,
    })),
    sanctions: tiers.map((t: Tier) => ({ tier: t, label: TIER_LABELS[t], ladder: SANCTIONS[t].map((s) => SANCTION_LABELS[s]) })),
  };
}
