/**
 * The receipt portal: the reporter signs in with the report number and the receipt key (plus a proof
 * of work), then reads the status and messages, answers, and adds evidence. No account, no identity,
 * no stored session; wrong keys are limited in memory and audited without any address.
 */
import type { z } from 'zod';
import { STATUS_LABELS, type ReceiptView, type ReportStatus } from '../../../shared/contracts/reports.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { localIsoDate } from '../../lib/dates.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { resolveTenantForSignIn } from '../tenants/tenants.service.js';
import { assertFileCount, discardEvidence, insertEvidenceRows, prepareEvidence } from './evidence.js';
import { normaliseCode, normaliseNumber, type ReceiptSession } from './receipt.js';
import { recordReporterAudit } from './reporter-audit.js';
import { enqueueCleanCopies } from './reports.jobs.js';
import type { ReportKit } from './reports.kit.js';
import { countReportFiles, findReport, findReportByNumber, insertMessage, listMessages, lockReport, updateReportRow, type ReportRow } from './reports.repository.js';

// A real argon2id hash of a random key: an unknown number costs as much time as a wrong key.
let dummyHash: Promise<string> | null = null;

/** Checks number + key; audits and counts a failure. Returns the report when both match. */
export async function checkReceipt(kit: ReportKit, deps: AppDeps, tenantSlug: string | undefined, numberInput: string, key: string, address: string): Promise<ReportRow> {
  const tenant = await resolveTenantForSignIn(deps.db, tenantSlug);
  const number = normaliseNumber(numberInput);
  if (kit.limiter.isBlocked(address, number)) {
    throw new AppError('RATE_LIMITED', null, 'Terlalu banyak percobaan kunci yang salah. Tunggu 15 menit lalu coba lagi.');
  }
  const found = await findReportByNumber(deps.db, tenant.id, number);
  dummyHash ??= kit.receiptHasher.hash('tidak-ada-laporan-dengan-nomor-ini');
  const ok = await kit.receiptHasher.verify(found?.receiptHash ?? (await dummyHash), normaliseCode(key));
  if (found && ok) return found;
  kit.limiter.recordFailure(address, number);
  const day = localIsoDate(new Date(), tenant.timezone);
  await deps.db.transaction((tx) => recordReporterAudit(tx, { tenantId: tenant.id, day, action: 'report.receipt.failed', entityId: found?.id ?? null, after: { number, knownNumber: !!found } }));
  throw new AppError('RECEIPT_INVALID');
}

/** Receipt sign-in: proof of work, then the key. Returns the cookie value of the receipt session. */
export async function loginWithReceipt(kit: ReportKit, deps: AppDeps, input: { tenant?: string; number: string; key: string; altcha: string }, address: string) {
  await kit.pow.redeem(input.altcha);
  const found = await checkReceipt(kit, deps, input.tenant, input.number, input.key, address);
  const cookie = kit.sessions.issue(found.tenantId, found.id);
  return { cookie, session: kit.sessions.read(cookie)! };
}

/** The session's report, or RECEIPT_SESSION_REQUIRED. */
export function requireReceiptSession(kit: ReportKit, cookie: string | undefined): ReceiptSession {
  const session = kit.sessions.read(cookie);
  if (!session) throw new AppError('RECEIPT_SESSION_REQUIRED');
  return session;
}

/** Status and conversation: what the reporter may see, and nothing about who handles the case. */
export async function getReceiptView(deps: AppDeps, session: ReceiptSession): Promise<z.infer<typeof ReceiptView>> {
  const found = await findReport(deps.db, session.tenantId, session.reportId);
  if (!found) throw new AppError('RECEIPT_SESSION_REQUIRED');
  const messages = await listMessages(deps.db, session.tenantId, session.reportId);
  return {
    number: found.number,
    status: found.status as ReportStatus,
    statusLabel: STATUS_LABELS[found.status as ReportStatus],
    receivedOn: found.receivedOn,
    messages: messages.map((m) => ({ seq: m.seq, direction: m.direction as 'to_reporter' | 'from_reporter', body: m.body, sentOn: m.sentOn })),
    evidenceCount: await countReportFiles(deps.db, session.tenantId, session.reportId),
    maxFiles: deps.config.REPORT_MAX_FILES,
  };
}

async function reporterDay(deps: AppDeps, tenantId: string) {
  const tenant = (await findTenantById(deps.db, tenantId))!;
  return { day: localIsoDate(new Date(), tenant.timezone), timeZone: tenant.timezone };
}

/** The reporter answers the Satgas. */
export async function replyAsReporter(deps: AppDeps, session: ReceiptSession, body: string) {
  const { day } = await reporterDay(deps, session.tenantId);
  await deps.db.transaction(async (tx) => {
    if (!(await lockReport(tx, session.tenantId, session.reportId))) throw new AppError('RECEIPT_SESSION_REQUIRED');
    const seq = await insertMessage(tx, { tenantId: session.tenantId, reportId: session.reportId, direction: 'from_reporter', body, authorUserId: null, sentOn: day });
    await updateReportRow(tx, session.tenantId, session.reportId, { reporterActivityOn: day });
    await recordReporterAudit(tx, { tenantId: session.tenantId, day, action: 'report.reporter.reply', entityId: session.reportId, after: { seq } });
  });
  return getReceiptView(deps, session);
}

/** The reporter adds evidence (within the per-report file limit). */
export async function addEvidenceAsReporter(kit: ReportKit, deps: AppDeps, session: ReceiptSession, uploads: Buffer[]) {
  if (uploads.length === 0) throw new AppError('VALIDATION_FAILED', { file: 'Pilih paling sedikit satu berkas.' });
  const { day, timeZone } = await reporterDay(deps, session.tenantId);
  assertFileCount(await countReportFiles(deps.db, session.tenantId, session.reportId), uploads.length, deps.config.REPORT_MAX_FILES);
  const files = await prepareEvidence(deps, kit.box, session.tenantId, timeZone, day, uploads, 'by_job');
  try {
    await deps.db.transaction(async (tx) => {
      if (!(await lockReport(tx, session.tenantId, session.reportId))) throw new AppError('RECEIPT_SESSION_REQUIRED');
      assertFileCount(await countReportFiles(tx, session.tenantId, session.reportId), uploads.length, deps.config.REPORT_MAX_FILES);
      await insertEvidenceRows(tx, session.tenantId, session.reportId, day, files, true, null);
      await updateReportRow(tx, session.tenantId, session.reportId, { reporterActivityOn: day });
      await recordReporterAudit(tx, { tenantId: session.tenantId, day, action: 'report.reporter.evidence', entityId: session.reportId, after: { files: files.map((f) => ({ sha256: f.sha256, mime: f.mime, size: f.size })) } });
    });
  } catch (error) {
    await discardEvidence(files);
    throw error;
  }
  await enqueueCleanCopies(deps, session.tenantId, files.map((f) => f.mime));
  return getReceiptView(deps, session);
}
