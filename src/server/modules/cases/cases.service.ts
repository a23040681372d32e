/**
 * Case handling: the inbox, the case page (every read audited), actions through the workflow, and
 * the small edits around it (assignment, notes, subjects, corrections). Each change is one
 * transaction: lock the case, check the version the user saw, apply, append the event, write the
 * audit entry, issue documents, tell the reporter.
 */
import { CASE_ACTIONS, CASE_ACTION_FROM, CASE_ACTION_PERMISSION, DEFAULT_STEP_DAYS, type CaseState, type DeadlineStep } from '../../../shared/case-workflow.js';
import type { CaseActionBody, CaseListQuery, SubjectInput } from '../../../shared/contracts/cases.contract.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { localIsoDate } from '../../lib/dates.js';
import { requireScope, scopeFor } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCaseSettings, loadWorkingCalendar } from '../case-settings/case-settings.service.js';
import { listItems } from '../catalogue/catalogue.service.js';
import { attachReportToCase, postCaseUpdateToReporters } from '../reports/inbox.service.js';
import type { ReportKit } from '../reports/reports.kit.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { issueDocuments } from './case-documents.service.js';
import {
  appendEvent,
  copyEvidence,
  findCaseFor,
  insertSubjects,
  isExcluded,
  listCases,
  listSubjects,
  lockCase,
  moveReports,
  updateCaseIfVersion,
  updateSubject,
  type CaseRow,
  type SubjectRow,
} from './cases.repository.js';
import { listCaseReports, listEvents } from './cases.repository.js';
import { assignableUsers } from './assignment.js';
import { linkReportEvidence } from './case-evidence.service.js';
import { notifyUsers } from '../notifications/notifications.service.js';
import { presentCaseList } from './cases.presenter.js';
import { planAction, type Plan } from './cases.workflow.js';
import { refreshExclusions } from './exclusions.js';
import { buildSubjectRows } from './subjects.js';

export async function tenantToday(db: DbOrTx, tenantId: string, now = new Date()): Promise<{ today: string; timeZone: string }> {
  const tenant = (await findTenantById(db, tenantId))!;
  return { today: localIsoDate(now, tenant.timezone), timeZone: tenant.timezone };
}

/** Due date of a step: its working-day allowance counted from today on the tenant's calendar. */
export async function dueDateFor(db: DbOrTx, tenantId: string, state: CaseState, today: string): Promise<string | null> {
  if (state === 'closed') return null;
  const settings = await getCaseSettings(db, tenantId);
  const days = settings.stepDays[state as DeadlineStep] ?? DEFAULT_STEP_DAYS[state as DeadlineStep];
  const calendar = await loadWorkingCalendar(db, tenantId);
  return calendar.addWorkingDays(today, days);
}

/** A case the actor may see: exists in the tenant and the actor is not excluded (else it does not exist for them). */
export async function readableCase(db: DbOrTx, ctx: RequestContext, id: string, permission: 'case.read' | 'case.handle' | 'case.decide' = 'case.read'): Promise<CaseRow> {
  requireScope(ctx.actor, permission);
  const row = await findCaseFor(db, ctx.tenantId, id, ctx.actor.userId);
  if (!row) throw new AppError('NOT_FOUND', { caseId: id });
  return row;
}

export async function listCasesFor(deps: AppDeps, ctx: RequestContext, q: CaseListQuery) {
  requireScope(ctx.actor, 'case.read');
  const [{ today }, calendar] = await Promise.all([tenantToday(deps.db, ctx.tenantId), loadWorkingCalendar(deps.db, ctx.tenantId)]);
  const page = await listCases(deps.db, ctx.tenantId, ctx.actor.userId, today, q);
  return presentCaseList(page, q, today, calendar);
}

/** Which actions the actor may take now (the UI shows only these). */
export function allowedActionsFor(ctx: RequestContext, c: CaseRow) {
  return CASE_ACTIONS.filter((a) => CASE_ACTION_FROM[a].includes(c.state) && scopeFor(ctx.actor, CASE_ACTION_PERMISSION[a]) !== null);
}

interface Mutation {
  tx: Tx;
  row: CaseRow;
  today: string;
  /** Work to start after commit (mail deliveries). */
  after: (() => Promise<void>)[];
}

/**
 * The one way a case changes: lock, check the version, run `change`, bump the version. A stale
 * version is refused with CASE_CONFLICT naming who changed it, so no edit is lost silently.
 */
async function mutate<T>(deps: AppDeps, ctx: RequestContext, id: string, expectedVersion: number, permission: 'case.handle' | 'case.decide', change: (m: Mutation) => Promise<{ patch: Partial<CaseRow>; result?: T }>) {
  requireScope(ctx.actor, permission);
  const after: (() => Promise<void>)[] = [];
  const out = await deps.db.transaction(async (tx) => {
    const row = await lockCase(tx, ctx.tenantId, id);
    if (!row || (ctx.actor.userId && (await isExcluded(tx, ctx.tenantId, id, ctx.actor.userId)))) throw new AppError('NOT_FOUND', { caseId: id });
    if (row.version !== expectedVersion) {
      const events = await listEvents(tx, ctx.tenantId, id);
      const last = events[events.length - 1];
      throw new AppError('CASE_CONFLICT', { expectedVersion, currentVersion: row.version, lastChangeBy: last?.actorLabel ?? null, lastChangeAt: last?.at.toISOString() ?? null });
    }
    const { today } = await tenantToday(tx, ctx.tenantId);
    const { patch, result } = await change({ tx, row, today, after });
    const updated = await updateCaseIfVersion(tx, ctx.tenantId, id, row.version, patch);
    if (!updated) throw new AppError('CASE_CONFLICT', { expectedVersion });
    return { updated, result, after };
  });
  for (const fn of out.after) await fn();
  return { id: out.updated.id, number: out.updated.number, version: out.updated.version, state: out.updated.state, result: out.result };
}

/** A state change resets the step clock: new due date, escalation back to zero. */
async function stepPatch(tx: DbOrTx, tenantId: string, row: CaseRow, toState: CaseState, today: string): Promise<Partial<CaseRow>> {
  if (toState === row.state) return {};
  return { state: toState, dueOn: await dueDateFor(tx, tenantId, toState, today), stepStartedAt: new Date(), escalationLevel: 0, closedAt: toState === 'closed' ? new Date() : null };
}

export async function actOnCase(kit: ReportKit, deps: AppDeps, ctx: RequestContext, id: string, body: CaseActionBody) {
  const permission = CASE_ACTION_PERMISSION[body.action];
  return mutate(deps, ctx, id, body.expectedVersion, permission, async ({ tx, row, today, after }) => {
    const subjects = await listSubjects(tx, ctx.tenantId, id);
    const events = await listEvents(tx, ctx.tenantId, id);
    const settings = await getCaseSettings(tx, ctx.tenantId);
    const items = row.catalogueId ? await listItems(tx, ctx.tenantId, row.catalogueId) : [];
    const plan = planAction(row, subjects, events, body, {
      itemTier: (code) => items.find((i) => i.code === code)?.tier ?? null,
      ppkName: [settings.ppkTitle, settings.ppkName].filter(Boolean).join(' '),
      examinationTiers: settings.examinationTiers,
      today,
    });
    if (body.action === 'request_info') await requireLinkedReports(tx, ctx, id);
    if (plan.mergeInto) await mergeInto(tx, ctx, row, plan.mergeInto, subjects, body.action === 'merge' ? body.reason : '');
    for (const { id: subjectId, patch } of plan.subjectPatches) await updateSubject(tx, ctx.tenantId, id, subjectId, patch);
    const { expectedVersion: _v, action: _a, ...payload } = body as CaseActionBody & Record<string, unknown>;
    const event = await appendEvent(tx, {
      tenantId: ctx.tenantId,
      caseId: id,
      kind: body.action,
      fromState: row.state,
      toState: plan.toState !== row.state ? plan.toState : null,
      actorUserId: ctx.actor.userId,
      actorLabel: ctx.actor.label,
      reason: plan.reason,
      data: { ...payload, ...plan.eventData, ...(plan.closeReason ? { closeReason: plan.closeReason } : {}) },
    });
    const patch: Partial<CaseRow> = { ...(await stepPatch(tx, ctx.tenantId, row, plan.toState, today)) };
    if (plan.closeReason) patch.closeReason = plan.closeReason;
    if (plan.external !== undefined) patch.external = plan.external;
    if (plan.mergeInto) patch.mergedInto = plan.mergeInto;
    // The PPK follow-up board reads the recommendation and the decision from the case row.
    if (body.action === 'recommend') Object.assign(patch, { ppkName: String(plan.eventData.ppkName), recommendedAt: event.at, decidedAt: null });
    if (body.action === 'decide') patch.decidedAt = event.at;
    const documents = await issueDocuments(deps, tx, ctx, { ...row, ...patch } as CaseRow, event, plan.documents, today);
    await recordAudit(tx, ctx, { action: `case.${body.action}`, entityType: 'case', entityId: id, before: { state: row.state, version: row.version }, after: { state: plan.toState, seq: event.seq, documents: documents.map((d) => d.number) } });
    after.push(...(await tellReporters(kit, deps, tx, ctx, id, plan, body)));
    return { patch };
  });
}

async function requireLinkedReports(tx: DbOrTx, ctx: RequestContext, caseId: string) {
  if ((await listCaseReports(tx, ctx.tenantId, caseId)).length === 0) throw new AppError('CASE_REQUIREMENT', {}, 'Kasus ini tidak berasal dari laporan, jadi tidak ada pelapor yang dapat dihubungi.');
}

/** The reporter hears about state changes (and questions) in plain words through the receipt channel. */
async function tellReporters(kit: ReportKit, deps: AppDeps, tx: Tx, ctx: RequestContext, caseId: string, plan: Plan, body: CaseActionBody) {
  const message = body.action === 'request_info' ? body.message : plan.reporterMessage;
  if (!message) return [];
  return postCaseUpdateToReporters(kit, deps, tx, ctx, caseId, message, plan.toState === 'closed');
}

/** Merge: this case closes; its reports, new subjects and evidence move to the target, which records it. */
async function mergeInto(tx: Tx, ctx: RequestContext, source: CaseRow, targetId: string, sourceSubjects: SubjectRow[], reason: string) {
  const target = await lockCase(tx, ctx.tenantId, targetId);
  if (!target || (ctx.actor.userId && (await isExcluded(tx, ctx.tenantId, targetId, ctx.actor.userId)))) throw new AppError('NOT_FOUND', { targetCaseId: targetId });
  if (target.state === 'closed') throw new AppError('CASE_REQUIREMENT', { targetCaseId: targetId }, `Kasus tujuan ${target.number} sudah selesai.`);
  const targetSubjects = await listSubjects(tx, ctx.tenantId, targetId);
  const known = new Set(targetSubjects.map((s) => s.employeeId ?? `name:${s.name.toLowerCase()}`));
  const fresh = sourceSubjects.filter((s) => !known.has(s.employeeId ?? `name:${s.name.toLowerCase()}`));
  const added = await insertSubjects(
    tx,
    fresh.map(({ id: _id, caseId: _c, addedAt: _a, ...rest }) => ({ ...rest, caseId: targetId, finding: null, findingReason: null, recommendedTier: null, sanction: null, skNumber: null, skDate: null, followUp: null })),
  );
  const reports = await moveReports(tx, ctx.tenantId, source.id, targetId);
  const evidence = await copyEvidence(tx, ctx.tenantId, source.id, targetId);
  await refreshExclusions(tx, ctx.tenantId, targetId, [...targetSubjects, ...added]);
  await appendEvent(tx, { tenantId: ctx.tenantId, caseId: targetId, kind: 'merged_from', actorUserId: ctx.actor.userId, actorLabel: ctx.actor.label, reason, data: { sourceCaseId: source.id, sourceNumber: source.number, subjectsAdded: added.length, reportsMoved: reports.length, evidenceCopied: evidence } });
  await updateCaseIfVersion(tx, ctx.tenantId, targetId, target.version, {});
}

export async function assignCase(deps: AppDeps, ctx: RequestContext, id: string, expectedVersion: number, userId: string | null) {
  return mutate(deps, ctx, id, expectedVersion, 'case.handle', async ({ tx, row, after }) => {
    if (userId) {
      const allowed = await assignableUsers(tx, ctx.tenantId, id);
      if (!allowed.some((u) => u.id === userId)) throw new AppError('CASE_REQUIREMENT', { userId }, 'Petugas ini tidak dapat ditugaskan: bukan anggota Satgas aktif atau dikecualikan karena benturan kepentingan.');
    }
    await appendEvent(tx, { tenantId: ctx.tenantId, caseId: id, kind: 'assign', actorUserId: ctx.actor.userId, actorLabel: ctx.actor.label, data: { from: row.assigneeUserId, to: userId } });
    await recordAudit(tx, ctx, { action: 'case.assign', entityType: 'case', entityId: id, before: { assignee: row.assigneeUserId }, after: { assignee: userId } });
    if (userId && userId !== ctx.actor.userId) {
      after.push(...(await notifyUsers(deps, tx, ctx.tenantId, [userId], { kind: 'case.assigned', title: `Kasus ${row.number} ditugaskan kepada Anda`, body: row.title, link: `/kasus/${id}`, caseId: id, dedupeKey: null })));
    }
    return { patch: { assigneeUserId: userId } };
  });
}

export async function addCaseNote(deps: AppDeps, ctx: RequestContext, id: string, expectedVersion: number, body: string) {
  return mutate(deps, ctx, id, expectedVersion, 'case.handle', async ({ tx }) => {
    const event = await appendEvent(tx, { tenantId: ctx.tenantId, caseId: id, kind: 'note', actorUserId: ctx.actor.userId, actorLabel: ctx.actor.label, data: { body } });
    await recordAudit(tx, ctx, { action: 'case.note', entityType: 'case', entityId: id, after: { seq: event.seq } });
    return { patch: {} };
  });
}

/** Subjects are added while the facts are still being established (before the conclusion). */
export async function addCaseSubject(deps: AppDeps, ctx: RequestContext, id: string, expectedVersion: number, input: SubjectInput) {
  return mutate(deps, ctx, id, expectedVersion, 'case.handle', async ({ tx, row }) => {
    if (!['registered', 'verification', 'clarification'].includes(row.state)) throw new AppError('CASE_TRANSITION', { state: row.state }, 'Terlapor hanya dapat ditambahkan sebelum pemeriksaan.');
    const existing = await listSubjects(tx, ctx.tenantId, id);
    const rows = await buildSubjectRows(tx, ctx.tenantId, id, row, [input]);
    if (rows[0]!.employeeId && existing.some((s) => s.employeeId === rows[0]!.employeeId)) throw new AppError('CONFLICT', { employeeId: rows[0]!.employeeId }, 'Pegawai ini sudah menjadi terlapor pada kasus ini.');
    const [added] = await insertSubjects(tx, rows);
    const exclusions = await refreshExclusions(tx, ctx.tenantId, id, [...existing, added!]);
    await appendEvent(tx, { tenantId: ctx.tenantId, caseId: id, kind: 'subject_added', actorUserId: ctx.actor.userId, actorLabel: ctx.actor.label, data: { subjectId: added!.id, name: added!.name, proposedItemCode: added!.proposedItemCode } });
    await recordAudit(tx, ctx, { action: 'case.subject.add', entityType: 'case', entityId: id, after: { subjectId: added!.id, employeeId: added!.employeeId } });
    // An assignee who has just become conflicted loses the case.
    const unassign = row.assigneeUserId && exclusions.some((e) => e.userId === row.assigneeUserId);
    return { patch: unassign ? { assigneeUserId: null } : {} };
  });
}

/** A correction or withdrawal of an earlier event: a new event; the original stays as it was. */
export async function correctEvent(deps: AppDeps, ctx: RequestContext, id: string, input: { expectedVersion: number; correctsSeq: number; kind: 'correction' | 'withdrawal'; reason: string; corrected: Record<string, string> }) {
  return mutate(deps, ctx, id, input.expectedVersion, 'case.handle', async ({ tx }) => {
    const events = await listEvents(tx, ctx.tenantId, id);
    const target = events.find((e) => e.seq === input.correctsSeq);
    if (!target) throw new AppError('NOT_FOUND', { correctsSeq: input.correctsSeq });
    if (target.toState) throw new AppError('CASE_REQUIREMENT', { correctsSeq: input.correctsSeq }, 'Perpindahan tahap tidak dapat ditarik; catat koreksi dengan penjelasan atau lanjutkan dengan langkah berikutnya.');
    if (input.kind === 'withdrawal' && events.some((e) => e.kind === 'withdrawal' && e.correctsSeq === input.correctsSeq)) throw new AppError('CASE_REQUIREMENT', {}, 'Catatan ini sudah ditarik.');
    const event = await appendEvent(tx, { tenantId: ctx.tenantId, caseId: id, kind: input.kind, actorUserId: ctx.actor.userId, actorLabel: ctx.actor.label, reason: input.reason, correctsSeq: input.correctsSeq, data: { corrected: input.corrected, originalKind: target.kind } });
    await recordAudit(tx, ctx, { action: `case.${input.kind}`, entityType: 'case', entityId: id, after: { seq: event.seq, correctsSeq: input.correctsSeq } });
    return { patch: {} };
  });
}

/** Attaches a report to an existing case (from the report inbox's hand-over). */
export async function attachReport(deps: AppDeps, ctx: RequestContext, caseId: string, expectedVersion: number, reportId: string) {
  return mutate(deps, ctx, caseId, expectedVersion, 'case.handle', async ({ tx, row }) => {
    if (row.state === 'closed') throw new AppError('CASE_TRANSITION', { state: row.state }, 'Kasus sudah selesai; buat kasus baru untuk laporan ini.');
    await attachReportToCase(tx, ctx, reportId, caseId);
    const copied = await linkReportEvidence(tx, ctx, caseId, reportId);
    await appendEvent(tx, { tenantId: ctx.tenantId, caseId, kind: 'report_attached', actorUserId: ctx.actor.userId, actorLabel: ctx.actor.label, data: { reportId, evidence: copied } });
    await recordAudit(tx, ctx, { action: 'case.report.attach', entityType: 'case', entityId: caseId, after: { reportId } });
    return { patch: {} };
  });
}

