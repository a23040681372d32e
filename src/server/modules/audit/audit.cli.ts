/** `npm run audit:verify`: walks every tenant's audit chain and reports the first broken link. */
import type { Db } from '../../db/client.js';
import { listAllTenants } from '../tenants/tenants.repository.js';
import { verifyAuditChain, type ChainVerification } from './audit.service.js';

export async function verifyAllChains(db: Db): Promise<{ ok: boolean; results: (ChainVerification & { slug: string })[] }> {
  const results = [];
  for (const tenant of await listAllTenants(db)) results.push({ ...(await verifyAuditChain(db, tenant.id)), slug: tenant.slug });
  return { ok: results.every((r) => r.ok), results };
}
