import type { z } from 'zod';
import type { EmployeeListQuery, EmployeeUpdateBody } from '../../../shared/contracts/employees.contract.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope, type Permission } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUnit } from '../units/units.repository.js';
import { normalizeGolongan } from '../imports/import-normalize.js';
import {
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
