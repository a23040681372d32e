/**
 * The Satgas Netralitas ASN as its decree says (issue 5): number, date, signer, period, members and
 * their positions. Netra derives who handles cases from the active Pemda-wide decree (members linked to
 * a staff account) and prints the decree and its officers on letters.
 */
import type { z } from 'zod';
import type { Role } from '../../../shared/enums.js';
import type { SatgasAccountOption, SatgasDecreeBody, SatgasDecreeView } from '../../../shared/contracts/satgas.contract.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { localIsoDate } from '../../lib/dates.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { findUnit } from '../units/units.repository.js';
import { presentDecree } from './satgas.presenter.js';
import {
  findAccounts,
  findActiveTenantDecree,
  findDecree,
  findDecreeByNumber,
  findEmployeeIds,
  findOverlappingDecree,
  insertDecree,
  listAccountsWithRoles,
  listDecrees,
  listMembers,
  replaceMembers,
  updateDecreeRow,
} from './satgas.repository.js';

type DecreeView = z.infer<typeof SatgasDecreeView>;
type DecreeInput = z.output<typeof SatgasDecreeBody>;

/** Roles an account must hold to act for a Satgas member (the Satgas, BKPSDM as its secretariat, the Inspektorat). */
export const SATGAS_ACCOUNT_ROLES: readonly Role[] = ['satgas', 'admin', 'inspektorat'];

/** Field errors for links that do not hold (unit, employees, accounts), then the overlap rule. */
async function validateDecree(tx: DbOrTx, tenantId: string, input: DecreeInput, exceptId?: string): Promise<void> {
  const errors: Record<string, string> = {};
  if (input.scopeUnitId && !(await findUnit(tx, tenantId, input.scopeUnitId))) errors.scopeUnitId = 'Unit tidak ditemukan.';
  const employees = await findEmployeeIds(tx, tenantId, input.members.flatMap((m) => (m.employeeId ? [m.employeeId] : [])));
  const accounts = new Map((await findAccounts(tx, tenantId, input.members.flatMap((m) => (m.userId ? [m.userId] : [])))).map((a) => [a.id, a]));
  input.members.forEach((m, i) => {
    if (m.employeeId && !employees.has(m.employeeId)) errors[`members.${i}.employeeId`] = 'Pegawai tidak ditemukan.';
    if (!m.userId) return;
    const account = accounts.get(m.userId);
    if (!account || !account.isActive) errors[`members.${i}.userId`] = 'Akun tidak ditemukan atau nonaktif.';
    else if (!account.roles.some((r) => SATGAS_ACCOUNT_ROLES.includes(r))) errors[`members.${i}.userId`] = `Akun ${account.username ?? account.displayName} harus berperan satgas, admin atau inspektorat.`;
  });
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', errors);
  if (input.isActive) {
    // One active Satgas per scope at a time, so "who handles cases on day X" has one answer.
    const overlap = await findOverlappingDecree(tx, tenantId, input.scopeUnitId, input.periodStart, input.periodEnd, exceptId);
    if (overlap) throw new AppError('SATGAS_OVERLAP', { number: overlap.number, periodStart: overlap.periodStart, periodEnd: overlap.periodEnd });
  }
}

function memberRows(tenantId: string, decreeId: string, input: DecreeInput) {
  return input.members.map((m, i) => ({ tenantId, decreeId, id: m.id, position: m.position, name: m.name, title: m.title, employeeId: m.employeeId, userId: m.userId, ordinal: i + 1 }));
}

async function loadDecreeView(db: DbOrTx, tenantId: string, id: string): Promise<DecreeView> {
  const row = await findDecree(db, tenantId, id);
  if (!row) throw notFound({ decreeId: id });
  return presentDecree(row, await listMembers(db, tenantId, [id]));
}

const CONFLICT_NUMBER = () => new AppError('CONFLICT', { number: 'Sudah ada SK Satgas dengan nomor ini.' });

/** Every decree of the tenant with its members. */
export async function getDecrees(db: Db, ctx: RequestContext): Promise<DecreeView[]> {
  requireScope(ctx.actor, 'satgas.read');
  const rows = await listDecrees(db, ctx.tenantId);
  const members = await listMembers(db, ctx.tenantId, rows.map((r) => r.id));
  return rows.map((r) => presentDecree(r, members));
}

export async function getDecree(db: Db, ctx: RequestContext, id: string): Promise<DecreeView> {
  requireScope(ctx.actor, 'satgas.read');
  return loadDecreeView(db, ctx.tenantId, id);
}

/** Records a decree with its members (in the order given). */
export async function createDecree(db: Db, ctx: RequestContext, input: DecreeInput): Promise<DecreeView> {
  requireScope(ctx.actor, 'satgas.write');
  return db.transaction(async (tx) => {
    if (await findDecreeByNumber(tx, ctx.tenantId, input.number)) throw CONFLICT_NUMBER();
    await validateDecree(tx, ctx.tenantId, input);
    const { members: _m, ...fields } = input;
    const decree = await insertDecree(tx, { tenantId: ctx.tenantId, ...fields, createdBy: ctx.actor.userId });
    await replaceMembers(tx, ctx.tenantId, decree.id, memberRows(ctx.tenantId, decree.id, input));
    const view = await loadDecreeView(tx, ctx.tenantId, decree.id);
    await recordAudit(tx, ctx, { action: 'satgas.decree.create', entityType: 'satgas_decree', entityId: decree.id, after: view });
    return view;
  });
}

/** Replaces a decree's fields and members (members sent back with their id keep it). */
export async function updateDecree(db: Db, ctx: RequestContext, id: string, input: DecreeInput): Promise<DecreeView> {
  requireScope(ctx.actor, 'satgas.write');
  return db.transaction(async (tx) => {
    const before = await loadDecreeView(tx, ctx.tenantId, id);
    const sameNumber = await findDecreeByNumber(tx, ctx.tenantId, input.number);
    if (sameNumber && sameNumber.id !== id) throw CONFLICT_NUMBER();
    await validateDecree(tx, ctx.tenantId, input, id);
    const { members: _m, ...fields } = input;
    await updateDecreeRow(tx, ctx.tenantId, id, fields);
    await replaceMembers(tx, ctx.tenantId, id, memberRows(ctx.tenantId, id, input));
    const after = await loadDecreeView(tx, ctx.tenantId, id);
    await recordAudit(tx, ctx, { action: 'satgas.decree.update', entityType: 'satgas_decree', entityId: id, before, after });
    return after;
  });
}

/** Accounts an admin may link to members. */
export async function getLinkableAccounts(db: Db, ctx: RequestContext): Promise<z.infer<typeof SatgasAccountOption>[]> {
  requireScope(ctx.actor, 'satgas.write');
  return (await listAccountsWithRoles(db, ctx.tenantId, SATGAS_ACCOUNT_ROLES)).map((a) => ({ ...a, roles: [...a.roles] }));
}

/** Today in the tenant's time zone (a Satgas period is a range of calendar days there). */
export async function tenantToday(db: DbOrTx, tenantId: string): Promise<string> {
  const tenant = await findTenantById(db, tenantId);
  return localIsoDate(new Date(), tenant?.timezone ?? 'Asia/Jakarta');
}

/** The Pemda-wide decree in force on a day (today when left out), for the Satgas page. */
export async function getActiveSatgasView(db: Db, ctx: RequestContext, on?: string): Promise<{ on: string; decree: DecreeView | null }> {
  requireScope(ctx.actor, 'satgas.read');
  const day = on ?? (await tenantToday(db, ctx.tenantId));
  const active = await activeSatgas(db, ctx.tenantId, day);
  return { on: day, decree: active?.decree ?? null };
}

export interface ActiveSatgas {
  decree: DecreeView;
  members: DecreeView['members'];
}

/** The active Pemda-wide Satgas covering `onDay` (YYYY-MM-DD) with its members, or null. No permission check: for the case core. */
export async function activeSatgas(db: DbOrTx, tenantId: string, onDay: string): Promise<ActiveSatgas | null> {
  const row = await findActiveTenantDecree(db, tenantId, onDay);
  if (!row) return null;
  const decree = presentDecree(row, await listMembers(db, tenantId, [row.id]));
  return { decree, members: decree.members };
}

/** Linked members' accounts that are still active, in decree order. */
async function activeAccountsOf(db: DbOrTx, tenantId: string, members: DecreeView['members']): Promise<string[]> {
  const ids = [...new Set(members.flatMap((m) => (m.userId ? [m.userId] : [])))];
  const active = new Set((await findAccounts(db, tenantId, ids)).filter((a) => a.isActive).map((a) => a.id));
  return ids.filter((id) => active.has(id));
}

/** Accounts of the Satgas chair (ketua), falling back to the wakil ketua when the chair has none; [] when no Satgas. */
export async function satgasChairUserIds(db: DbOrTx, tenantId: string, onDay: string): Promise<string[]> {
  const active = await activeSatgas(db, tenantId, onDay);
  if (!active) return [];
  for (const position of ['ketua', 'wakil_ketua'] as const) {
    const ids = await activeAccountsOf(db, tenantId, active.members.filter((m) => m.position === position));
    if (ids.length > 0) return ids;
  }
  return [];
}

/** Accounts of every member linked to an account (who may be assigned cases); [] when no Satgas. */
export async function satgasHandlerUserIds(db: DbOrTx, tenantId: string, onDay: string): Promise<string[]> {
  const active = await activeSatgas(db, tenantId, onDay);
  return active ? activeAccountsOf(db, tenantId, active.members) : [];
}
