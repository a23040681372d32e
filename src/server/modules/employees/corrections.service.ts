/** Employees' reports of wrong master data (raised while signing), handled by BKPSDM. */
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { listCorrections, resolveCorrectionRow } from './employees.repository.js';

export async function getCorrections(db: Db, ctx: RequestContext, status: 'open' | 'resolved' | 'all') {
  requireScope(ctx.actor, 'employee.write');
  return (await listCorrections(db, ctx.tenantId, status)).map((r) => ({
    id: r.correction.id,
    employeeId: r.correction.employeeId,
    employeeName: r.employeeName,
    idNumber: r.idNumber,
    unitName: r.unitName,
    message: r.correction.message,
    status: r.correction.status as 'open' | 'resolved',
    createdAt: r.correction.createdAt.toISOString(),
  }));
}

/** Marks a report handled (the fix itself is an ordinary employee edit, audited on its own). */
export async function resolveCorrection(db: Db, ctx: RequestContext, id: string): Promise<void> {
  requireScope(ctx.actor, 'employee.write');
  await db.transaction(async (tx) => {
    const row = await resolveCorrectionRow(tx, ctx.tenantId, id);
    if (!row) throw notFound({ correctionId: id });
    await recordAudit(tx, ctx, { action: 'employee.correction.resolve', entityType: 'data_correction', entityId: id, after: { employeeId: row.employeeId } });
  });
}
