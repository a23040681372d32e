import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { TenantCreateBody } from '../../../shared/contracts/tenants.contract.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { ensureCatalogue } from '../catalogue/catalogue.service.js';
import { insertUser } from '../auth/auth.repository.js';
import { insertUnit, unitNameKey } from '../units/units.repository.js';
import { findRegion } from './regions.js';
import { findTenantBySlug, insertTenant, listActiveTenants, listTenantsWithCounts, type TenantRow } from './tenants.repository.js';

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

export async function listTenantsForPlatform(db: Db, ctx: RequestContext) {
  requireScope(ctx.actor, 'tenant.manage');
  return listTenantsWithCounts(db);
}

/**
 * Registers a new instansi with its root unit and first BKPSDM admin, in one transaction. The event
 * opens the new tenant's audit chain and is also written to the superadmin's own chain.
 */
export async function createTenant(deps: AppDeps, ctx: RequestContext, input: z.infer<typeof TenantCreateBody>): Promise<TenantRow> {
  requireScope(ctx.actor, 'tenant.manage');
  if (input.wilayahCode && !(await findRegion(input.wilayahCode))) {
    throw new AppError('VALIDATION_FAILED', { wilayahCode: 'Kode wilayah tidak ada dalam data Kemendagri.' });
  }
  const passwordHash = await deps.passwords.hash(input.admin.password);
  try {
    return await deps.db.transaction(async (tx) => {
      const tenant = await insertTenant(tx, { slug: input.slug, name: input.name, kind: input.kind, wilayahCode: input.wilayahCode, timezone: input.timezone, address: input.address ?? null });
      const rootId = randomUUID();
      await insertUnit(tx, { tenantId: tenant.id, id: rootId, parentId: null, name: input.name, nameKey: unitNameKey(input.name), unitType: 'pemda', path: `/${rootId}/` });
      const admin = await insertUser(tx, { tenantId: tenant.id, username: input.admin.username, displayName: input.admin.displayName, email: input.admin.email ?? null, passwordHash, roles: ['admin'] });
      const after = { slug: tenant.slug, name: tenant.name, wilayahCode: tenant.wilayahCode, timezone: tenant.timezone, admin: admin.username };
      await recordAudit(tx, { ...ctx, tenantId: tenant.id }, { action: 'tenant.create', entityType: 'tenant', entityId: tenant.id, after });
      await recordAudit(tx, ctx, { action: 'tenant.create', entityType: 'tenant', entityId: tenant.id, after });
      await ensureCatalogue(tx, tenant.id, { ...ctx, tenantId: tenant.id });
      return tenant;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', { slug: 'Kode instansi sudah dipakai.' });
    throw error;
  }
}
