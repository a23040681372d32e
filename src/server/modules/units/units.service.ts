import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { UnitCreateBody, UnitUpdateBody } from '../../../shared/contracts/units.contract.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findEmployeeById } from '../employees/employees.repository.js';
import { findUnit, insertUnit, listUnits, rewriteSubtreePaths, unitNameKey, updateUnitRow, type UnitListRow, type UnitRow } from './units.repository.js';

/** The unit tree the actor may see: the whole tenant, or the subtree a pimpinan_unit heads. */
export async function getUnitTree(db: Db, ctx: RequestContext): Promise<UnitListRow[]> {
  const scope = requireScope(ctx.actor, 'unit.read');
  return listUnits(db, ctx.tenantId, scope === 'subtree' ? ctx.actor.scopeUnitPath! : undefined);
}

async function assertHeadExists(tx: DbOrTx, tenantId: string, headEmployeeId: string | null | undefined): Promise<void> {
  if (!headEmployeeId) return;
  if (!(await findEmployeeById(tx, tenantId, headEmployeeId))) {
    throw new AppError('VALIDATION_FAILED', { headEmployeeId: 'Pegawai kepala unit tidak ditemukan.' });
  }
}

async function loadParent(tx: DbOrTx, tenantId: string, parentId: string): Promise<UnitRow> {
  const parent = await findUnit(tx, tenantId, parentId);
  if (!parent) throw new AppError('VALIDATION_FAILED', { parentId: 'Unit induk tidak ditemukan.' });
  return parent;
}

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError('CONFLICT', { name: 'Sudah ada unit dengan nama ini di bawah unit induk yang sama.' });
  }
  throw error;
}

/** Adds a unit under an existing parent. */
export async function createUnit(db: Db, ctx: RequestContext, input: z.infer<typeof UnitCreateBody>): Promise<UnitRow> {
  requireScope(ctx.actor, 'unit.write');
  return db
    .transaction(async (tx) => {
      const parent = await loadParent(tx, ctx.tenantId, input.parentId);
      await assertHeadExists(tx, ctx.tenantId, input.headEmployeeId);
      const id = randomUUID();
      const created = await insertUnit(tx, {
        tenantId: ctx.tenantId,
        id,
        parentId: parent.id,
        name: input.name,
        nameKey: unitNameKey(input.name),
        code: input.code ?? null,
        unitType: input.unitType,
        headEmployeeId: input.headEmployeeId ?? null,
        path: `${parent.path}${id}/`,
      });
      await recordAudit(tx, ctx, { action: 'unit.create', entityType: 'unit', entityId: id, after: created });
      return created;
    })
    .catch(duplicateName);
}

/** Edits a unit's name, code, type, head or parent; moving it carries its whole subtree. */
export async function updateUnit(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof UnitUpdateBody>): Promise<UnitRow> {
  requireScope(ctx.actor, 'unit.write');
  return db
    .transaction(async (tx) => {
      const before = await findUnit(tx, ctx.tenantId, id);
      if (!before) throw notFound({ unitId: id });
      await assertHeadExists(tx, ctx.tenantId, input.headEmployeeId);
      let path = before.path;
      if (input.parentId !== undefined && input.parentId !== before.parentId) {
        const parent = await loadParent(tx, ctx.tenantId, input.parentId);
        if (parent.path.startsWith(before.path)) throw new AppError('UNIT_CYCLE', { parentId: input.parentId });
        path = `${parent.path}${before.id}/`;
        await rewriteSubtreePaths(tx, ctx.tenantId, before.path, path);
      }
      const after = await updateUnitRow(tx, ctx.tenantId, id, {
        ...input,
        ...(input.name !== undefined ? { nameKey: unitNameKey(input.name) } : {}),
        path,
      });
      await recordAudit(tx, ctx, { action: 'unit.update', entityType: 'unit', entityId: id, before, after });
      return after;
    })
    .catch(duplicateName);
}
