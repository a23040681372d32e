import type { z } from 'zod';
import type { EmployeeCreateBody, EmployeeListQuery, EmployeeUpdateBody } from '../../../shared/contracts/employees.contract.js';
import { checkIdentityNumber, identityMismatches, normalizeIdentityNumber } from '../../../shared/identity-number.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope, type Permission } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findRootUnit, findUnit, listUnits } from '../units/units.repository.js';
import { idTypeFor, jabatanClassOf, normalizeGolongan } from '../imports/import-normalize.js';
import {
  employeeStats,
  insertEmployee,
  findEmployeeById,
  findEmployeeUnitPath,
  listEmployees,
  updateEmployeeRow,
  type EmployeeFilter,
  type EmployeeWithUnit,
} from './employees.repository.js';

const NO_EMPLOYEE = '00000000-0000-0000-0000-000000000000';

type ListQuery = z.infer<typeof EmployeeListQuery>;

/** Builds the repository filter from the query and the actor's scope (tenant, subtree or self). */
export async function employeeFilterFor(db: Db, ctx: RequestContext, permission: Permission, query: Omit<ListQuery, 'page' | 'pageSize'>): Promise<EmployeeFilter> {
  const scope = requireScope(ctx.actor, permission);
  const filter: EmployeeFilter = {
    q: query.q || undefined,
    category: query.category,
    jabatanClass: query.jabatanClass,
    isActive: query.status === 'all' ? undefined : query.status === 'active',
  };
  let chosenPath: string | undefined;
  if (query.unitId) {
    const chosen = await findUnit(db, ctx.tenantId, query.unitId);
    if (!chosen) throw notFound({ unitId: query.unitId });
    chosenPath = chosen.path;
    if (query.includeSubunits === 'true') filter.unitPath = chosen.path;
    else filter.unitId = chosen.id;
  }
  if (scope === 'subtree') {
    const own = ctx.actor.scopeUnitPath!;
    if (!chosenPath) filter.unitPath = own;
    // A unit outside the actor's subtree yields nothing rather than widening the scope.
    else if (!chosenPath.startsWith(own)) filter.employeeId = NO_EMPLOYEE;
  }
  if (scope === 'self') filter.employeeId = ctx.actor.employeeId!;
  return filter;
}

/** A page of the employee master, searchable by NIP or name. */
export async function searchEmployees(db: Db, ctx: RequestContext, query: ListQuery) {
  const filter = await employeeFilterFor(db, ctx, 'employee.read', query);
  const { rows, total } = await listEmployees(db, ctx.tenantId, filter, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { rows, total, page: query.page, pageSize: query.pageSize };
}

async function assertVisible(db: Db, ctx: RequestContext, permission: Permission, id: string): Promise<EmployeeWithUnit> {
  const scope = requireScope(ctx.actor, permission);
  const row = await findEmployeeById(db, ctx.tenantId, id);
  if (!row) throw notFound({ employeeId: id });
  if (scope === 'self' && row.id !== ctx.actor.employeeId) throw new AppError('FORBIDDEN');
  if (scope === 'subtree' && !(await findEmployeeUnitPath(db, ctx.tenantId, id))?.startsWith(ctx.actor.scopeUnitPath!)) {
    throw new AppError('FORBIDDEN');
  }
  return row;
}

/** One employee, if the actor may see them. */
export async function getEmployee(db: Db, ctx: RequestContext, id: string): Promise<EmployeeWithUnit> {
  return assertVisible(db, ctx, 'employee.read', id);
}

/** Admin correction of an employee's master data. */
export async function updateEmployee(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof EmployeeUpdateBody>): Promise<EmployeeWithUnit> {
  const before = await assertVisible(db, ctx, 'employee.write', id);
  const patch: Record<string, unknown> = { ...input };
  if (input.golongan !== undefined && input.golongan !== null) {
    const golongan = normalizeGolongan(input.golongan, before.category);
    if (!golongan.ok) throw new AppError('VALIDATION_FAILED', { golongan: golongan.reason });
    patch.golongan = golongan.value;
    patch.golonganScheme = golongan.scheme;
  }
  return db.transaction(async (tx) => {
    if (input.unitId && !(await findUnit(tx, ctx.tenantId, input.unitId))) {
      throw new AppError('VALIDATION_FAILED', { unitId: 'Unit tidak ditemukan.' });
    }
    if (input.supervisorId && (input.supervisorId === id || !(await findEmployeeById(tx, ctx.tenantId, input.supervisorId)))) {
      throw new AppError('VALIDATION_FAILED', { supervisorId: 'Atasan langsung tidak valid.' });
    }
    await updateEmployeeRow(tx, ctx.tenantId, id, patch);
    const after = (await findEmployeeById(tx, ctx.tenantId, id))!;
    await recordAudit(tx, ctx, { action: 'employee.update', entityType: 'employee', entityId: id, before, after });
    return after;
  });
}

/** Adds one employee by hand, with the same identity-number rules as the import. */
export async function createEmployee(db: Db, ctx: RequestContext, input: z.infer<typeof EmployeeCreateBody>): Promise<EmployeeWithUnit> {
  requireScope(ctx.actor, 'employee.write');
  const raw = normalizeIdentityNumber(input.idNumber);
  const idType = idTypeFor(input.category, raw);
  const check = checkIdentityNumber(idType, raw);
  if (!check.ok) throw new AppError('VALIDATION_FAILED', { idNumber: check.reason });
  const golongan = normalizeGolongan(input.golongan ?? '', input.category);
  if (!golongan.ok) throw new AppError('VALIDATION_FAILED', { golongan: golongan.reason });
  const jabatanName = input.jabatanName ?? null;
  const jabatanClass = input.jabatanClass ?? jabatanClassOf('', jabatanName ?? '', input.category) ?? 'lainnya';
  const warnings = identityMismatches(check, { sex: input.sex, birthDate: input.birthDate });
  return db
    .transaction(async (tx) => {
      if (!(await findUnit(tx, ctx.tenantId, input.unitId))) throw new AppError('VALIDATION_FAILED', { unitId: 'Unit tidak ditemukan.' });
      if (input.supervisorId && !(await findEmployeeById(tx, ctx.tenantId, input.supervisorId))) {
        throw new AppError('VALIDATION_FAILED', { supervisorId: 'Atasan langsung tidak ditemukan.' });
      }
      const created = await insertEmployee(tx, {
        tenantId: ctx.tenantId,
        idType,
        idNumber: check.value,
        name: input.name,
        category: input.category,
        unitId: input.unitId,
        golonganScheme: golongan.scheme,
        golongan: golongan.value,
        jabatanName,
        jabatanClass,
        sex: input.sex ?? null,
        birthDate: input.birthDate ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        supervisorId: input.supervisorId ?? null,
        dataWarnings: warnings,
      });
      const after = (await findEmployeeById(tx, ctx.tenantId, created.id))!;
      await recordAudit(tx, ctx, { action: 'employee.create', entityType: 'employee', entityId: created.id, after });
      return after;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', { idNumber: 'Nomor identitas ini sudah terdaftar.' });
      throw error;
    });
}

/** Headcounts for the dashboard: by category, jabatan class and child unit, within the actor's scope. */
export async function getEmployeeStats(db: Db, ctx: RequestContext, unitId?: string) {
  const scope = requireScope(ctx.actor, 'unit.read');
  const under = unitId ? await findUnit(db, ctx.tenantId, unitId) : scope === 'subtree' ? await findUnit(db, ctx.tenantId, ctx.actor.scopeUnitId!) : await findRootUnit(db, ctx.tenantId);
  if (!under) throw notFound({ unitId });
  if (scope === 'subtree' && !under.path.startsWith(ctx.actor.scopeUnitPath!)) throw new AppError('FORBIDDEN');
  const depth = under.path.split('/').filter(Boolean).length;
  const stats = await employeeStats(db, ctx.tenantId, { path: under.path, depth });
  const names = new Map((await listUnits(db, ctx.tenantId, under.path)).map((u) => [u.id, u.name]));
  const total = stats.byCategory.reduce((sum, r) => sum + r.count, 0);
  return {
    total,
    byCategory: stats.byCategory,
    byJabatanClass: stats.byJabatanClass,
    byUnit: stats.byChild
      .map((r) => ({ unitId: r.unitId, name: names.get(r.unitId) ?? '?', count: r.count }))
      .sort((a, b) => b.count - a.count),
  };
}
