/**
 * The Satgas/BKPSDM inbox: list and read reports, internal notes, messages to the reporter, status,
 * duplicates, triage and the hand-over to case handling. Reads need `report.read`, changes
 * `report.handle`; nobody else (pimpinan_unit, ppk, pegawai, the platform operator) sees a report.
 */
import type { z } from 'zod';
import { STATUS_LABELS, type InboxQuery, type ReportStatus } from '../../../shared/contracts/reports.contract.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { localIsoDate } from '../../lib/dates.js';
import { requireScope, scopeFor } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findEmployeeById } from '../employees/employees.repository.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { readStoredFile } from '../../lib/file-store.js';
import { assertFileCount, discardEvidence, insertEvidenceRows, needsCleanCopy, prepareEvidence, readOriginal } from './evidence.js';
import { enqueueCleanCopies } from './reports.jobs.js';
import { presentDetail, presentInboxItem } from './reports.presenter.js';
import type { ReportKit } from './reports.kit.js';
import { countReportFiles, findReport, findReportByNumber, insertMessage, insertNote, listInbox, listMessages, listNotes, listReportFiles, listReportIdsOfCase, listReveals, lockReport, updateReportRow, type ReportRow } from './reports.repository.js';
import { normaliseNumber, receiptPortalUrl } from './receipt.js';

/** Statuses from which nothing changes any more. */
const CLOSED = new Set<string>(['ditolak', 'selesai', 'duplikat']);

export async function listReports(db: Db, ctx: RequestContext, query: z.infer<typeof InboxQuery>) {
  requireScope(ctx.actor, 'report.read');
  const { rows, total } = await listInbox(db, ctx.tenantId, query);
  return { items: rows.map(presentInboxItem), total, page: query.page, pageSize: query.pageSize };
}

async function loadReport(db: DbOrTx, ctx: RequestContext, id: string, permission: 'report.read' | 'report.handle'): Promise<ReportRow> {
  requireScope(ctx.actor, permission);
  const row = await findReport(db, ctx.tenantId, id);
  if (!row) throw notFound({ reportId: id });
  return row;
}

/** One report with evidence, conversation, notes and reveal requests; never the sealed identity. */
export async function getReportDetail(db: Db, ctx: RequestContext, id: string) {
  const row = await loadReport(db, ctx, id, 'report.read');
  const duplicate = row.duplicateOf ? await findReport(db, ctx.tenantId, row.duplicateOf) : undefined;
  const canHandle = scopeFor(ctx.actor, 'report.handle') !== null;
  const open = canHandle && !CLOSED.has(row.status);
  return presentDetail(row, {
    duplicateOf: duplicate ? { id: duplicate.id, number: duplicate.number } : null,
    files: await listReportFiles(db, ctx.tenantId, id),
    messages: await listMessages(db, ctx.tenantId, id),
    notes: await listNotes(db, ctx.tenantId, id),
    reveals: await listReveals(db, ctx.tenantId, { reportId: id }),
    viewerId: ctx.actor.userId,
    can: { note: canHandle, message: canHandle, changeStatus: open, markDuplicate: open, handover: open && !row.handoverAt, requestReveal: row.reporterSealed !== null && scopeFor(ctx.actor, 'report.reveal.request') !== null },
  });
}

/** Runs a change under the report lock with its audit event. */
async function change(deps: AppDeps, ctx: RequestContext, id: string, work: (tx: DbOrTx, row: ReportRow) => Promise<unknown>) {
  await loadReport(deps.db, ctx, id, 'report.handle');
  await deps.db.transaction(async (tx) => {
    const row = (await lockReport(tx, ctx.tenantId, id))!;
    await work(tx, row);
  });
  return getReportDetail(deps.db, ctx, id);
}

function assertOpen(row: ReportRow) {
  if (CLOSED.has(row.status)) throw new AppError('REPORT_STATE', { status: row.status }, `Laporan berstatus "${STATUS_LABELS[row.status as ReportStatus]}" sudah ditutup.`);
}

/**
 * "Ada pembaruan" to the reporter's contact, if they left one: the e-mail says nothing about the
 * report (not even its number), only where to sign in with the receipt.
 */
async function queueUpdateNotice(kit: ReportKit, deps: AppDeps, tx: DbOrTx, row: ReportRow): Promise<(() => Promise<void>) | null> {
  if (!row.contactSealed) return null;
  const to = kit.box.open(row.contactSealed, `contact:${row.tenantId}:${row.id}`);
  return deps.mailer.queue(tx, row.tenantId, {
    to,
    subject: 'Ada pembaruan pada laporan Anda',
    body: `Ada pembaruan pada laporan Anda.\n\nUntuk melihatnya, buka ${receiptPortalUrl(deps.config.PUBLIC_URL)} lalu masuk dengan nomor laporan dan kunci tanda terima Anda.\n\nE-mail ini dikirim otomatis dan tidak memuat isi laporan.`,
    forgetRecipient: true,
  });
}

export async function addNote(deps: AppDeps, ctx: RequestContext, id: string, body: string) {
  return change(deps, ctx, id, async (tx) => {
    const noteId = await insertNote(tx, { tenantId: ctx.tenantId, reportId: id, body, authorUserId: ctx.actor.userId! });
    await recordAudit(tx, ctx, { action: 'report.note', entityType: 'report', entityId: id, after: { noteId } });
  });
}

/** A message to the reporter (shown in the receipt portal), with the content-free e-mail notice. */
export async function sendMessage(kit: ReportKit, deps: AppDeps, ctx: RequestContext, id: string, body: string) {
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  let afterCommit: (() => Promise<void>) | null = null;
  const detail = await change(deps, ctx, id, async (tx, row) => {
    const seq = await insertMessage(tx, { tenantId: ctx.tenantId, reportId: id, direction: 'to_reporter', body, authorUserId: ctx.actor.userId, sentOn: localIsoDate(new Date(), tenant.timezone) });
    afterCommit = await queueUpdateNotice(kit, deps, tx, row);
    await recordAudit(tx, ctx, { action: 'report.message', entityType: 'report', entityId: id, after: { seq, notified: afterCommit !== null } });
  });
  await (afterCommit as (() => Promise<void>) | null)?.();
  return detail;
}

export async function setStatus(kit: ReportKit, deps: AppDeps, ctx: RequestContext, id: string, status: ReportStatus, note: string | null) {
  let afterCommit: (() => Promise<void>) | null = null;
  const detail = await change(deps, ctx, id, async (tx, row) => {
    assertOpen(row);
    await updateReportRow(tx, ctx.tenantId, id, { status });
    if (note) await insertNote(tx, { tenantId: ctx.tenantId, reportId: id, body: note, authorUserId: ctx.actor.userId! });
    afterCommit = await queueUpdateNotice(kit, deps, tx, row);
    await recordAudit(tx, ctx, { action: 'report.status', entityType: 'report', entityId: id, before: { status: row.status }, after: { status } });
  });
  await (afterCommit as (() => Promise<void>) | null)?.();
  return detail;
}

/** Marks a report as a duplicate of another (by its number); the duplicate is closed. */
export async function markDuplicate(deps: AppDeps, ctx: RequestContext, id: string, numberInput: string) {
  return change(deps, ctx, id, async (tx, row) => {
    assertOpen(row);
    const target = await findReportByNumber(tx, ctx.tenantId, normaliseNumber(numberInput));
    if (!target) throw new AppError('VALIDATION_FAILED', { duplicateOfNumber: 'Nomor laporan tidak ditemukan.' });
    if (target.id === id || target.duplicateOf === id) throw new AppError('VALIDATION_FAILED', { duplicateOfNumber: 'Laporan tidak dapat menjadi duplikat dirinya sendiri.' });
    const canonical = target.duplicateOf ?? target.id; // point at the original, never at another duplicate
    await updateReportRow(tx, ctx.tenantId, id, { status: 'duplikat', duplicateOf: canonical });
    await recordAudit(tx, ctx, { action: 'report.duplicate', entityType: 'report', entityId: id, before: { status: row.status }, after: { duplicateOf: canonical } });
  });
}

/** Triage: links the reported person to the employee master (the public types free text). */
export async function setReportedEmployee(deps: AppDeps, ctx: RequestContext, id: string, employeeId: string | null) {
  return change(deps, ctx, id, async (tx, row) => {
    if (employeeId && !(await findEmployeeById(tx, ctx.tenantId, employeeId))) throw new AppError('VALIDATION_FAILED', { reportedEmployeeId: 'Pegawai tidak ditemukan.' });
    await updateReportRow(tx, ctx.tenantId, id, { reportedEmployeeId: employeeId });
    await recordAudit(tx, ctx, { action: 'report.triage', entityType: 'report', entityId: id, before: { reportedEmployeeId: row.reportedEmployeeId }, after: { reportedEmployeeId: employeeId } });
  });
}

/**
 * "Serahkan ke penanganan": records the intent to open a case. The case module (a later issue) picks
 * up reports with handover_at set and no case_id, and calls `attachReportToCase`.
 */
export async function requestHandover(deps: AppDeps, ctx: RequestContext, id: string, note: string | null) {
  return change(deps, ctx, id, async (tx, row) => {
    assertOpen(row);
    if (row.handoverAt) throw new AppError('REPORT_STATE', { handoverAt: row.handoverAt }, 'Laporan ini sudah diserahkan ke penanganan.');
    await updateReportRow(tx, ctx.tenantId, id, { handoverAt: new Date(), handoverBy: ctx.actor.userId, handoverNote: note, status: row.status === 'baru' ? 'diverifikasi' : row.status });
    await recordAudit(tx, ctx, { action: 'report.handover', entityType: 'report', entityId: id, after: { note } });
  });
}

/** For the case module: links a report to a case in the caller's transaction (and audits it). */
export async function attachReportToCase(tx: DbOrTx, ctx: RequestContext, reportId: string, caseId: string): Promise<void> {
  requireScope(ctx.actor, 'report.handle');
  const row = await lockReport(tx, ctx.tenantId, reportId);
  if (!row) throw notFound({ reportId });
  await updateReportRow(tx, ctx.tenantId, reportId, { caseId, status: row.status === 'baru' || row.status === 'diverifikasi' ? 'ditindaklanjuti' : row.status });
  await recordAudit(tx, ctx, { action: 'report.case.attach', entityType: 'report', entityId: reportId, before: { caseId: row.caseId }, after: { caseId } });
}

/**
 * For the case module: tells the reporters of a case's reports what happened, in plain words, through
 * the receipt channel (plus the content-free e-mail notice); a closed case closes its reports. Runs in
 * the caller's transaction; returns the deliveries to start after commit.
 */
export async function postCaseUpdateToReporters(kit: ReportKit, deps: AppDeps, tx: DbOrTx, ctx: RequestContext, caseId: string, body: string, caseClosed: boolean): Promise<(() => Promise<void>)[]> {
  const tenant = (await findTenantById(tx, ctx.tenantId))!;
  const after: (() => Promise<void>)[] = [];
  for (const reportId of await listReportIdsOfCase(tx, ctx.tenantId, caseId)) {
    const row = await lockReport(tx, ctx.tenantId, reportId);
    if (!row) continue;
    const seq = await insertMessage(tx, { tenantId: ctx.tenantId, reportId, direction: 'to_reporter', body, authorUserId: ctx.actor.userId, sentOn: localIsoDate(new Date(), tenant.timezone) });
    if (caseClosed && row.status !== 'selesai') await updateReportRow(tx, ctx.tenantId, reportId, { status: 'selesai' });
    const notice = await queueUpdateNotice(kit, deps, tx, row);
    if (notice) after.push(notice);
    await recordAudit(tx, ctx, { action: 'report.message', entityType: 'report', entityId: reportId, after: { seq, fromCase: caseId, closed: caseClosed } });
  }
  return after;
}

/**
 * An evidence file for download (always as an attachment): the clean copy by default; the original
 * (byte-exact, metadata and all) only on request, and that download is audited. An image whose clean
 * copy the job has not made yet is refused (EVIDENCE_PROCESSING, 409) rather than answered with the
 * original; one the job could not decode at all is refused for good (EVIDENCE_CLEAN_FAILED, 422: staff
 * download the original); a PDF or video has no clean copy and the default gives the original (audited).
 */
export async function downloadEvidence(kit: ReportKit, deps: AppDeps, ctx: RequestContext, id: string, fileId: string, variant: 'clean' | 'original') {
  await loadReport(deps.db, ctx, id, 'report.read');
  const entry = (await listReportFiles(deps.db, ctx.tenantId, id)).find((f) => f.file.fileId === fileId);
  if (!entry) throw notFound({ fileId });
  const ext = entry.file.mimeType.split('/')[1]!.replace('jpeg', 'jpg');
  if (variant === 'clean' && entry.cleanPath) {
    return { bytes: await readStoredFile(entry.cleanPath), mimeType: entry.cleanMime!, fileName: `bukti-${fileId}-bersih.${entry.cleanMime === 'image/png' ? 'png' : 'jpg'}` };
  }
  if (variant === 'clean' && entry.file.cleanFailedOn) throw new AppError('EVIDENCE_CLEAN_FAILED', { fileId });
  if (variant === 'clean' && needsCleanCopy(entry.file.mimeType)) throw new AppError('EVIDENCE_PROCESSING', { fileId });
  const bytes = await readOriginal(kit.box, ctx.tenantId, entry.originalPath, entry.file.sha256);
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'report.evidence.original', entityType: 'report', entityId: id, after: { fileId, sha256: entry.file.sha256 } }));
  return { bytes, mimeType: entry.file.mimeType, fileName: `bukti-${fileId}-asli.${ext}` };
}

/** Staff attach evidence they received with a report from another channel (a scanned letter, a screenshot). */
export async function addEvidenceAsStaff(kit: ReportKit, deps: AppDeps, ctx: RequestContext, id: string, uploads: Buffer[]) {
  if (uploads.length === 0) throw new AppError('VALIDATION_FAILED', { file: 'Pilih paling sedikit satu berkas.' });
  await loadReport(deps.db, ctx, id, 'report.handle');
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  const day = localIsoDate(new Date(), tenant.timezone);
  assertFileCount(await countReportFiles(deps.db, ctx.tenantId, id), uploads.length, deps.config.REPORT_MAX_FILES);
  const files = await prepareEvidence(deps, kit.box, ctx.tenantId, tenant.timezone, day, uploads, 'by_job');
  try {
    await change(deps, ctx, id, async (tx) => {
      assertFileCount(await countReportFiles(tx, ctx.tenantId, id), uploads.length, deps.config.REPORT_MAX_FILES);
      await insertEvidenceRows(tx, ctx.tenantId, id, day, files, false, ctx.actor.userId);
      await recordAudit(tx, ctx, { action: 'report.evidence.add', entityType: 'report', entityId: id, after: { files: files.map((f) => ({ sha256: f.sha256, mime: f.mime, size: f.size })) } });
    });
  } catch (error) {
    await discardEvidence(files);
    throw error;
  }
  await enqueueCleanCopies(deps, ctx.tenantId, files.map((f) => f.mime));
  return getReportDetail(deps.db, ctx, id);
}
