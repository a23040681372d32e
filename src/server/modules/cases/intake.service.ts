/**
 * Where cases come from: a report handed over by the inbox, a Satgas patrol or social-media finding,
 * a Bawaslu recommendation letter, a BKN forward, or a superior's own finding (PP 94/2021 does not
 * need a complaint). One transaction creates the case, its subjects, exclusions, links and first event.
 */
import { ACT_KIND_LABELS, type ActKind } from '../../../shared/contracts/reports.contract.js';
import type { CreateCaseBody } from '../../../shared/contracts/cases.contract.js';
import type { Tx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { nextCounter } from '../case-settings/counters.repository.js';
import { currentCatalogueId } from '../catalogue/catalogue.service.js';
import { attachReportToCase, postCaseUpdateToReporters } from '../reports/inbox.service.js';
import type { ReportKit } from '../reports/reports.kit.js';
import { findReport } from '../reports/reports.repository.js';
import { assignableUsers } from './assignment.js';
import { linkReportEvidence } from './case-evidence.service.js';
import { appendEvent, findElection, insertCase, insertEvidence, insertSubjects, updateCaseIfVersion, type CaseRow } from './cases.repository.js';
import { attachReport, dueDateFor, tenantToday } from './cases.service.js';
import { refreshExclusions } from './exclusions.js';
import { buildSubjectRows } from './subjects.js';

const LETTER_ORIGINS = new Set(['rekomendasi_bawaslu', 'penerusan_bkn']);

/** Extra facts a finding from the monitoring module brings (issue 6): the capture as evidence. */
export interface CaptureEvidence {
  captureId: string;
  sha256: string;
  description: string;
  fileId?: string | null;
  mimeType?: string | null;
  size?: number | null;
}

export async function createCaseInTx(tx: Tx, ctx: RequestContext, body: CreateCaseBody, captures: CaptureEvidence[] = []): Promise<CaseRow> {
  requireScope(ctx.actor, 'case.handle');
  if (LETTER_ORIGINS.has(body.origin) && !body.originRef) throw new AppError('VALIDATION_FAILED', { originRef: 'Isi nomor, tanggal dan pengirim surat yang menjadi dasar kasus ini.' });
  if (body.electionContestId && !body.electionEventId) throw new AppError('VALIDATION_FAILED', { electionEventId: 'Pilih pemilihan dari kontestasi tersebut.' });
  if (body.electionEventId) {
    const election = await findElection(tx, ctx.tenantId, body.electionEventId, body.electionContestId ?? null);
    if (!election || (body.electionContestId && !election.contest)) throw new AppError('VALIDATION_FAILED', { electionContestId: 'Pemilihan atau kontestasi tidak ditemukan.' });
  }
  const { today } = await tenantToday(tx, ctx.tenantId);
  if (body.actDate && body.actDate > today) throw new AppError('VALIDATION_FAILED', { actDate: 'Tanggal perbuatan tidak boleh setelah hari ini.' });
  if (body.discoveredOn && body.discoveredOn > today) throw new AppError('VALIDATION_FAILED', { discoveredOn: 'Tanggal diketahui tidak boleh setelah hari ini.' });
  const year = today.slice(0, 4);
  const n = await nextCounter(tx, ctx.tenantId, `case:${year}`);
  const row = await insertCase(tx, {
    tenantId: ctx.tenantId,
    number: `KS-${year}-${String(n).padStart(4, '0')}`,
    origin: body.origin,
    originRef: body.originRef ?? null,
    title: body.title,
    summary: body.summary,
    state: 'registered',
    electionEventId: body.electionEventId ?? null,
    electionContestId: body.electionContestId ?? null,
    actKind: body.actKind ?? null,
    actDate: body.actDate ?? null,
    discoveredOn: body.discoveredOn ?? null,
    place: body.place ?? null,
    catalogueId: await currentCatalogueId(tx, ctx.tenantId),
    dueOn: await dueDateFor(tx, ctx.tenantId, 'registered', today),
    createdBy: ctx.actor.userId,
  });
  const subjects = await insertSubjects(tx, await buildSubjectRows(tx, ctx.tenantId, row.id, row, body.subjects));
  await refreshExclusions(tx, ctx.tenantId, row.id, subjects);
  for (const reportId of body.reportIds) {
    const report = await findReport(tx, ctx.tenantId, reportId);
    if (!report) throw new AppError('VALIDATION_FAILED', { reportIds: 'Laporan tidak ditemukan.' });
    if (report.caseId) throw new AppError('CONFLICT', { reportId }, `Laporan ${report.number} sudah ditangani dalam kasus lain.`);
    await attachReportToCase(tx, ctx, reportId, row.id);
    await linkReportEvidence(tx, ctx, row.id, reportId);
  }
  await insertEvidence(
    tx,
    captures.map((c) => ({ tenantId: ctx.tenantId, caseId: row.id, source: 'capture', captureId: c.captureId, fileId: c.fileId ?? null, sha256: c.sha256, mimeType: c.mimeType ?? null, size: c.size ?? null, description: c.description, addedBy: ctx.actor.userId })),
  );
  let assignee: string | null = null;
  if (body.assigneeUserId) {
    const allowed = await assignableUsers(tx, ctx.tenantId, row.id);
    if (!allowed.some((u) => u.id === body.assigneeUserId)) throw new AppError('CASE_REQUIREMENT', { assigneeUserId: body.assigneeUserId }, 'Petugas ini tidak dapat ditugaskan: bukan anggota Satgas aktif atau dikecualikan karena benturan kepentingan.');
    assignee = body.assigneeUserId;
    await updateCaseIfVersion(tx, ctx.tenantId, row.id, row.version, { assigneeUserId: assignee });
  }
  await appendEvent(tx, {
    tenantId: ctx.tenantId,
    caseId: row.id,
    kind: 'created',
    toState: 'registered',
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    data: { origin: body.origin, reportIds: body.reportIds, subjects: subjects.map((s) => s.name), assignee, captures: captures.map((c) => c.captureId) },
  });
  await recordAudit(tx, ctx, { action: 'case.create', entityType: 'case', entityId: row.id, after: { number: row.number, origin: body.origin, reports: body.reportIds.length, subjects: subjects.length } });
  return { ...row, assigneeUserId: assignee, version: assignee ? row.version + 1 : row.version };
}

export async function createCase(kit: ReportKit, deps: AppDeps, ctx: RequestContext, body: CreateCaseBody) {
  const { row, after } = await deps.db.transaction(async (tx) => {
    const created = await createCaseInTx(tx, ctx, body);
    const notices = body.reportIds.length ? await postCaseUpdateToReporters(kit, deps, tx, ctx, created.id, 'Laporan Anda telah didaftarkan sebagai kasus dan akan ditangani oleh Satgas Netralitas ASN.', false) : [];
    return { row: created, after: notices };
  });
  for (const fn of after) await fn();
  return { id: row.id, number: row.number, version: row.version, state: row.state };
}

/** "Serahkan ke penanganan" from the report inbox: a new case built from the report, or into an existing case. */
export async function caseFromReport(kit: ReportKit, deps: AppDeps, ctx: RequestContext, reportId: string, into: { caseId?: string | null; expectedVersion?: number }) {
  requireScope(ctx.actor, 'case.handle');
  const report = await findReport(deps.db, ctx.tenantId, reportId);
  if (!report) throw new AppError('NOT_FOUND', { reportId });
  if (report.caseId) throw new AppError('CONFLICT', { caseId: report.caseId }, `Laporan ${report.number} sudah ditangani dalam kasus lain.`);
  if (into.caseId) {
    if (!into.expectedVersion) throw new AppError('VALIDATION_FAILED', { expectedVersion: 'Versi kasus tujuan wajib dikirim.' });
    return attachReport(deps, ctx, into.caseId, into.expectedVersion, reportId);
  }
  const reportedName = report.reported.name;
  const actLabel = report.actKind ? ACT_KIND_LABELS[report.actKind as ActKind] : 'Dugaan pelanggaran netralitas';
  return createCase(kit, deps, ctx, {
    origin: 'laporan',
    title: `${actLabel}${reportedName ? ` — ${reportedName}` : ''}`.slice(0, 200),
    summary: report.description,
    reportIds: [reportId],
    subjects: report.reportedEmployeeId
      ? [{ employeeId: report.reportedEmployeeId }]
      : reportedName
        ? [{ name: reportedName, idNumber: report.reported.idNumber, position: report.reported.position, unitName: report.reported.agency }]
        : [],
    electionEventId: report.electionEventId,
    electionContestId: report.electionContestId,
    actKind: report.actKind as ActKind | null,
    actDate: report.actDate,
    discoveredOn: report.discoveredOn,
    place: report.place,
  });
}
