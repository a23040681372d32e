import type { Db } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { findTenantBySlug, listActiveTenants, type TenantRow } from './tenants.repository.js';

/** The tenant a public sign-in form refers to: by slug, or the only one of a single-tenant install. */
export async function resolveTenantForSignIn(db: Db, slug: string | undefined): Promise<TenantRow> {
  if (slug) {
    const found = await findTenantBySlug(db, slug);
    if (found?.isActive) return found;
    throw new AppError('VALIDATION_FAILED', { tenant: 'Instansi tidak dikenal.' });
  }
  const all = await listActiveTenants(db);
  if (all.length === 1) return all[0]!;
  throw new AppError('VALIDATION_FAILED', { tenant: 'Pilih instansi.' });
}
