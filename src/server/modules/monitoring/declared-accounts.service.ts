/**
 * The register of employees' declared public accounts (with the legal basis noted: only public posts
 * are monitored, UU 27/2022 on personal data protection) and employee suggestions for a capture:
 * a declared handle is a strong match, a display name resembling an employee's name a weak one.
 * Either way a person confirms the match before a case names the employee.
 */
import type { z } from 'zod';
import type { DeclaredAccountInput, DeclaredAccountList, DeclaredAccountPatch, DeclaredAccountQuery, DeclaredAccountView, SuggestionList, SuggestionQuery } from '../../../shared/contracts/monitoring.contract.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { presentDeclaredAccount } from './monitoring.presenter.js';
import {
  deleteDeclaredAccount,
  findDeclaredAccount,
  findDeclaredByHandle,
  findEmployeeRefs,
  findEmployeesByNameWords,
  insertDeclaredAccount,
  listDeclaredAccounts,
  updateDeclaredAccount,
  type EmployeeRefRow,
} from './monitoring.repository.js';

type View = z.infer<typeof DeclaredAccountView>;
const DUPLICATE = () => new AppError('CONFLICT', { handle: 'Akun ini sudah terdaftar.' }, 'Akun dengan platform dan nama akun ini sudah ada di daftar.');
const refOf = (e: EmployeeRefRow) => ({ id: e.id, name: e.name, idNumber: e.idNumber, unitName: e.unitName, position: e.position });

export async function listDeclared(db: Db, ctx: RequestContext, q: z.infer<typeof DeclaredAccountQuery>): Promise<z.infer<typeof DeclaredAccountList>> {
  requireScope(ctx.actor, 'monitoring.read');
  const { rows, total } = await listDeclaredAccounts(db, ctx.tenantId, q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map(presentDeclaredAccount), total, page: q.page, pageSize: q.pageSize };
}

async function viewOf(db: Db, ctx: RequestContext, id: string): Promise<View> {
  const row = await findDeclaredAccount(db, ctx.tenantId, id);
  if (!row) throw notFound({ declaredAccountId: id });
  return presentDeclaredAccount(row);
}

export async function createDeclared(db: Db, ctx: RequestContext, input: z.infer<typeof DeclaredAccountInput>): Promise<View> {
  requireScope(ctx.actor, 'monitoring.watchlist');
  if ((await findEmployeeRefs(db, ctx.tenantId, [input.employeeId])).length === 0) throw new AppError('VALIDATION_FAILED', { employeeId: 'Pegawai tidak ditemukan pada data kepegawaian.' });
  try {
    const id = await db.transaction(async (tx) => {
      const row = await insertDeclaredAccount(tx, { tenantId: ctx.tenantId, employeeId: input.employeeId, platform: input.platform, handle: input.handle, handleKey: input.handle.toLowerCase(), url: input.url ?? null, legalBasis: input.legalBasis, declaredOn: input.declaredOn, note: input.note ?? null, createdBy: ctx.actor.userId });
      await recordAudit(tx, ctx, { action: 'monitoring.declared_account.create', entityType: 'declared_account', entityId: row.id, after: { employeeId: row.employeeId, platform: row.platform, handle: row.handle, legalBasis: row.legalBasis, declaredOn: row.declaredOn } });
      return row.id;
    });
    return viewOf(db, ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw DUPLICATE();
    throw error;
  }
}

export async function updateDeclared(db: Db, ctx: RequestContext, id: string, patch: z.infer<typeof DeclaredAccountPatch>): Promise<View> {
  requireScope(ctx.actor, 'monitoring.watchlist');
  const before = await findDeclaredAccount(db, ctx.tenantId, id);
  if (!before) throw notFound({ declaredAccountId: id });
  if (patch.employeeId && (await findEmployeeRefs(db, ctx.tenantId, [patch.employeeId])).length === 0) throw new AppError('VALIDATION_FAILED', { employeeId: 'Pegawai tidak ditemukan pada data kepegawaian.' });
  const changes = {
    ...(patch.employeeId ? { employeeId: patch.employeeId } : {}),
    ...(patch.platform ? { platform: patch.platform } : {}),
    ...(patch.handle ? { handle: patch.handle, handleKey: patch.handle.toLowerCase() } : {}),
    ...(patch.url !== undefined ? { url: patch.url } : {}),
    ...(patch.legalBasis ? { legalBasis: patch.legalBasis } : {}),
    ...(patch.declaredOn ? { declaredOn: patch.declaredOn } : {}),
    ...(patch.note !== undefined ? { note: patch.note } : {}),
  };
  try {
    await db.transaction(async (tx) => {
      await updateDeclaredAccount(tx, ctx.tenantId, id, changes);
      const { a } = before;
      await recordAudit(tx, ctx, { action: 'monitoring.declared_account.update', entityType: 'declared_account', entityId: id, before: { employeeId: a.employeeId, platform: a.platform, handle: a.handle, url: a.url, legalBasis: a.legalBasis, declaredOn: a.declaredOn, note: a.note }, after: changes });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw DUPLICATE();
    throw error;
  }
  return viewOf(db, ctx, id);
}

/** Removes an account from the register (an employee closed it, or it was entered by mistake); audited with what it was. */
export async function deleteDeclared(db: Db, ctx: RequestContext, id: string): Promise<void> {
  requireScope(ctx.actor, 'monitoring.watchlist');
  const before = await findDeclaredAccount(db, ctx.tenantId, id);
  if (!before) throw notFound({ declaredAccountId: id });
  await db.transaction(async (tx) => {
    await deleteDeclaredAccount(tx, ctx.tenantId, id);
    const { a } = before;
    await recordAudit(tx, ctx, { action: 'monitoring.declared_account.delete', entityType: 'declared_account', entityId: id, before: { employeeId: a.employeeId, platform: a.platform, handle: a.handle, legalBasis: a.legalBasis, declaredOn: a.declaredOn } });
  });
}

/** Words of a display name worth matching (two letters or more, no emoji or digits). */
function nameWords(name: string): string[] {
  return [...new Set(name.toLowerCase().normalize('NFKC').split(/[^\p{L}']+/u).filter((w) => w.length >= 3))].slice(0, 4);
}

/** Employees a capture may belong to: declared handle first (strong), then by display name (weak). */
export async function suggestEmployees(db: Db, ctx: RequestContext, q: z.infer<typeof SuggestionQuery>): Promise<z.infer<typeof SuggestionList>> {
  requireScope(ctx.actor, 'monitoring.capture');
  const items: z.infer<typeof SuggestionList>['items'] = [];
  const handle = q.handle?.replace(/^@+/, '').trim().toLowerCase();
  if (handle) {
    for (const row of await findDeclaredByHandle(db, ctx.tenantId, handle, q.platform)) {
      items.push({ employee: refOf(row), matchedBy: 'declared_account', account: { platform: row.a.platform, handle: row.a.handle } });
    }
  }
  const words = q.name ? nameWords(q.name) : [];
  if (words.length) {
    for (const e of await findEmployeesByNameWords(db, ctx.tenantId, words, 5)) {
      if (!items.some((i) => i.employee.id === e.id)) items.push({ employee: refOf(e), matchedBy: 'name', account: null });
    }
  }
  return { items };
}
