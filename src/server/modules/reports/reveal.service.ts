/**
 * Revealing a rahasia reporter's identity: two people, both on the record. A Satgas member asks with a
 * reason; a custodian (a different person; the database refuses self-approval too) approves or
 * refuses; only the requester may then read the identity, for a limited time, and every reading is
 * audited with the reason.
 */
import { ReporterIdentity } from '../../../shared/contracts/reports.contract.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope, scopeFor } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { presentReveal } from './reports.presenter.js';
import type { ReportKit } from './reports.kit.js';
import { findReport, insertReveal, listReveals, lockReveal, updateReveal } from './reports.repository.js';

/** How long an approval lets the requester read the identity. */
export const REVEAL_VALID_DAYS = 7;

export async function requestReveal(deps: AppDeps, ctx: RequestContext, reportId: string, reason: string) {
  requireScope(ctx.actor, 'report.reveal.request');
  const row = await findReport(deps.db, ctx.tenantId, reportId);
  if (!row) throw notFound({ reportId });
  if (!row.reporterSealed) throw new AppError('REVEAL_STATE', { identityMode: row.identityMode }, 'Laporan ini tidak memuat identitas rahasia yang dapat dibuka.');
  const mine = await listReveals(deps.db, ctx.tenantId, { reportId, statuses: ['pending'] });
  if (mine.some((r) => r.reveal.requestedBy === ctx.actor.userId)) throw new AppError('REVEAL_STATE', null, 'Anda sudah mengajukan permintaan yang belum diputuskan untuk laporan ini.');
  const id = await deps.db.transaction(async (tx) => {
    const revealId = await insertReveal(tx, { tenantId: ctx.tenantId, reportId, requestedBy: ctx.actor.userId!, reason });
    await recordAudit(tx, ctx, { action: 'report.reveal.request', entityType: 'report', entityId: reportId, after: { revealId, reason } });
    return revealId;
  });
  return presentReveal((await listReveals(deps.db, ctx.tenantId, { reportId })).find((r) => r.reveal.id === id)!, ctx.actor.userId);
}

/** Custodians see every request (to decide); Satgas members see their own. */
export async function listRevealRequests(db: Db, ctx: RequestContext) {
  const isCustodian = scopeFor(ctx.actor, 'report.reveal.approve') !== null;
  if (!isCustodian) requireScope(ctx.actor, 'report.reveal.request');
  const rows = await listReveals(db, ctx.tenantId, {});
  return { items: rows.filter((r) => isCustodian || r.reveal.requestedBy === ctx.actor.userId).map((r) => presentReveal(r, ctx.actor.userId)) };
}

export async function decideReveal(deps: AppDeps, ctx: RequestContext, revealId: string, approve: boolean, note: string | null) {
  requireScope(ctx.actor, 'report.reveal.approve');
  const reportId = await deps.db.transaction(async (tx) => {
    const reveal = await lockReveal(tx, ctx.tenantId, revealId);
    if (!reveal) throw notFound({ revealId });
    if (reveal.status !== 'pending') throw new AppError('REVEAL_STATE', { status: reveal.status }, 'Permintaan ini sudah diputuskan.');
    if (reveal.requestedBy === ctx.actor.userId) throw new AppError('REVEAL_NOT_ALLOWED', null, 'Permintaan tidak dapat diputuskan oleh orang yang mengajukannya.');
    await updateReveal(tx, ctx.tenantId, revealId, { status: approve ? 'approved' : 'rejected', decidedBy: ctx.actor.userId, decidedAt: new Date(), decisionNote: note });
    await recordAudit(tx, ctx, { action: approve ? 'report.reveal.approve' : 'report.reveal.reject', entityType: 'report', entityId: reveal.reportId, after: { revealId, note } });
    return reveal.reportId;
  });
  return presentReveal((await listReveals(deps.db, ctx.tenantId, { reportId })).find((r) => r.reveal.id === revealId)!, ctx.actor.userId);
}

/** The identity, for the requester of an approved, unexpired reveal; each reading is audited. */
export async function readRevealedIdentity(kit: ReportKit, deps: AppDeps, ctx: RequestContext, revealId: string) {
  requireScope(ctx.actor, 'report.reveal.request');
  return deps.db.transaction(async (tx) => {
    const reveal = await lockReveal(tx, ctx.tenantId, revealId);
    if (!reveal) throw notFound({ revealId });
    if (reveal.requestedBy !== ctx.actor.userId) throw new AppError('REVEAL_NOT_ALLOWED', null, 'Hanya pengaju permintaan yang disetujui yang dapat membaca identitas pelapor.');
    if (reveal.status !== 'approved') throw new AppError('REVEAL_NOT_ALLOWED', { status: reveal.status });
    if (reveal.decidedAt!.getTime() + REVEAL_VALID_DAYS * 86_400_000 < Date.now()) throw new AppError('REVEAL_NOT_ALLOWED', null, `Persetujuan berlaku ${REVEAL_VALID_DAYS} hari dan sudah habis; ajukan permintaan baru.`);
    const row = (await findReport(tx, ctx.tenantId, reveal.reportId))!;
    const identity = ReporterIdentity.parse(JSON.parse(kit.box.open(row.reporterSealed!, `reporter:${row.tenantId}:${row.id}`)));
    await recordAudit(tx, ctx, { action: 'report.reveal.read', entityType: 'report', entityId: row.id, after: { revealId, reason: reveal.reason } });
    return { ...identity, readVia: revealId };
  });
}
