/**
 * Capturing posts as evidence: the form (JSON fields + screenshots/videos), edits as new revisions,
 * more files, the review queue and one capture's detail. The text's SHA-256 and every file's SHA-256
 * are stored with the capture; files are checked by content and sealed like pengaduan evidence.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CaptureDetail, CaptureEditBodyT, CaptureInputT, CaptureList, CaptureQueryT } from '../../../shared/contracts/monitoring.contract.js';
import type { DbOrTx, Db, Tx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { localIsoDate } from '../../lib/dates.js';
import { readStoredFile } from '../../lib/file-store.js';
import { requireScope, scopeFor } from '../../lib/policy.js';
import type { SealedBox } from '../../lib/sealed-box.js';
import { recordAudit } from '../audit/audit.service.js';
import { findContest, findEvent } from '../elections/elections.repository.js';
import { insertStoredFile } from '../pledges/pledges.repository.js';
import { discardEvidence, prepareEvidence, readOriginal, type PreparedEvidence } from '../reports/evidence.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { presentCaptureItem, presentRevision } from './monitoring.presenter.js';
import {
  findCapture,
  findCaseNumber,
  findElectionNames,
  findEmployeeRefs,
  findStoredPath,
  findUserName,
  findWatchlist,
  insertCaptureFiles,
  insertCaptures,
  insertRevisions,
  listCaptureFiles,
  listPossibleDuplicates,
  listQueue,
  listRevisions,
  lockCapture,
  updateCapture,
  type RevisionRow,
} from './monitoring.repository.js';
import { CaptureScorer, sha256Text, textError, type Scored } from './scoring.js';

type Detail = z.infer<typeof CaptureDetail>;
/** Files per capture (screenshots of a thread, a screen recording). */
export const MAX_CAPTURE_FILES = 10;
/** Clock skew allowed between a phone and the server for "posted at". */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

export async function tenantZone(db: DbOrTx, tenantId: string): Promise<string> {
  return (await findTenantById(db, tenantId))!.timezone;
}

/** The facts of a capture that edits may change; checked the same way at capture and at every edit. */
export interface CaptureFacts {
  platform: RevisionRow['platform'];
  url: string;
  accountHandle: string;
  accountName: string | null;
  employeeId: string | null;
  employeeConfirmed: boolean;
  text: string;
  actKind: RevisionRow['actKind'];
  postedAt: Date;
  electionEventId: string | null;
  electionContestId: string | null;
}

/** Refuses facts that point nowhere: an unknown employee or election, a post from the future. */
export async function checkFacts(db: DbOrTx, tenantId: string, f: CaptureFacts, now = new Date()): Promise<void> {
  if (f.postedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new AppError('VALIDATION_FAILED', { postedAt: 'Waktu unggahan tidak boleh di masa depan.' });
  if (f.electionContestId && !f.electionEventId) throw new AppError('VALIDATION_FAILED', { electionEventId: 'Pilih pemilihan dari kontestasi tersebut.' });
  if (f.electionEventId && !(await findEvent(db, tenantId, f.electionEventId))) throw new AppError('VALIDATION_FAILED', { electionEventId: 'Pemilihan tidak ditemukan.' });
  if (f.electionContestId) {
    const contest = await findContest(db, tenantId, f.electionContestId);
    if (!contest || contest.eventId !== f.electionEventId) throw new AppError('VALIDATION_FAILED', { electionContestId: 'Kontestasi tidak termasuk pemilihan ini.' });
  }
  if (f.employeeId && (await findEmployeeRefs(db, tenantId, [f.employeeId])).length === 0) throw new AppError('VALIDATION_FAILED', { employeeId: 'Pegawai tidak ditemukan pada data kepegawaian.' });
  if (!f.employeeId && f.employeeConfirmed) throw new AppError('VALIDATION_FAILED', { employeeConfirmed: 'Pilih pegawai sebelum mengonfirmasi.' });
}

/** Screens the facts; a text the screener refuses becomes a field error. */
export async function scoreFacts(scorer: CaptureScorer, f: CaptureFacts): Promise<Scored> {
  try {
    return await scorer.score({ text: f.text, postedAt: f.postedAt, actKind: f.actKind, electionEventId: f.electionEventId, electionContestId: f.electionContestId });
  } catch (error) {
    throw textError(error) ?? error;
  }
}

/** The revision row for facts and their screening. */
export function revisionRow(tenantId: string, captureId: string, revision: number, f: CaptureFacts, s: Scored, editedBy: string | null, editReason: string | null) {
  return {
    tenantId, captureId, revision,
    platform: f.platform, url: f.url, accountHandle: f.accountHandle, accountName: f.accountName,
    employeeId: f.employeeId, employeeConfirmed: f.employeeConfirmed,
    text: f.text, textSha256: sha256Text(f.text), actKind: f.actKind, postedAt: f.postedAt,
    electionEventId: f.electionEventId, electionContestId: f.electionContestId,
    watchlistId: s.watchlistId, score: s.score, signals: s.signals, pair: s.pair, pairLabel: s.pairLabel,
    itemCode: s.itemCode, itemList: s.itemList, itemTier: s.itemTier, itemReason: s.itemReason,
    reasons: s.reasons, modelVersion: s.modelVersion, editedBy, editReason,
  };
}

/** The capture columns that project the current revision (what the queue sorts and filters on). */
export const projectionOf = (f: CaptureFacts, s: Scored) => ({ platform: f.platform, electionEventId: f.electionEventId, employeeId: f.employeeId, postedAt: f.postedAt, score: s.score });

async function insertFileRows(tx: Tx, ctx: RequestContext, captureId: string, revision: number, files: PreparedEvidence[]): Promise<void> {
  for (const f of files) {
    // Generated names: an uploaded file name can carry personal data.
    await insertStoredFile(tx, { tenantId: ctx.tenantId, id: f.original.id, purpose: 'capture_evidence', fileName: `tangkapan-${f.original.id}`, mimeType: 'application/octet-stream', size: f.original.size, sha256: f.original.sha256, storagePath: f.original.storagePath, createdBy: ctx.actor.userId });
    if (f.clean) await insertStoredFile(tx, { tenantId: ctx.tenantId, id: f.clean.id, purpose: 'capture_view', fileName: `tangkapan-${f.original.id}-bersih`, mimeType: f.clean.mime, size: f.clean.size, sha256: f.clean.sha256, storagePath: f.clean.storagePath, createdBy: ctx.actor.userId });
  }
  await insertCaptureFiles(tx, files.map((f) => ({ tenantId: ctx.tenantId, captureId, fileId: f.original.id, viewFileId: f.clean?.id ?? null, sha256: f.sha256, mimeType: f.mime, size: f.size, addedInRevision: revision, addedBy: ctx.actor.userId })));
}

function assertFileCount(existing: number, adding: number): void {
  if (existing + adding > MAX_CAPTURE_FILES) throw new AppError('REPORT_FILE_LIMIT', { max: MAX_CAPTURE_FILES, existing, adding }, `Satu tangkapan memuat paling banyak ${MAX_CAPTURE_FILES} berkas${existing ? ` (sudah ada ${existing})` : ''}.`);
}

const factsOfInput = (input: CaptureInputT): CaptureFacts => ({
  platform: input.platform,
  url: input.url,
  accountHandle: input.accountHandle,
  accountName: input.accountName || null,
  employeeId: input.employeeId ?? null,
  employeeConfirmed: Boolean(input.employeeId) && input.employeeConfirmed,
  text: input.text,
  actKind: input.actKind,
  postedAt: new Date(input.postedAt),
  electionEventId: input.electionEventId ?? null,
  electionContestId: input.electionContestId ?? null,
});

/**
 * The capture form: checks the facts and the files first (nothing is written when one is refused),
 * screens the text with the election's current watchlist, then one transaction writes the capture,
 * its original revision, its files and the audit event.
 */
export async function captureFromForm(deps: AppDeps, box: SealedBox, ctx: RequestContext, input: CaptureInputT, uploads: Buffer[]): Promise<Detail> {
  requireScope(ctx.actor, 'monitoring.capture');
  assertFileCount(0, uploads.length);
  const facts = factsOfInput(input);
  await checkFacts(deps.db, ctx.tenantId, facts);
  const timeZone = await tenantZone(deps.db, ctx.tenantId);
  const scored = await scoreFacts(new CaptureScorer(deps.db, ctx.tenantId, timeZone), facts);
  const files = await prepareEvidence(deps, box, ctx.tenantId, timeZone, localIsoDate(new Date(), timeZone), uploads);
  const id = randomUUID();
  try {
    await deps.db.transaction(async (tx) => {
      await insertCaptures(tx, [{ tenantId: ctx.tenantId, id, source: 'form', capturedBy: ctx.actor.userId, currentRevision: 1, ...projectionOf(facts, scored) }]);
      await insertRevisions(tx, [revisionRow(ctx.tenantId, id, 1, facts, scored, ctx.actor.userId, null)]);
      await insertFileRows(tx, ctx, id, 1, files);
      // Hashes and scores, not the text: the audit log is read by people who need not read posts.
      await recordAudit(tx, ctx, {
        action: 'monitoring.capture.create',
        entityType: 'social_capture',
        entityId: id,
        after: { platform: facts.platform, url: facts.url, textSha256: sha256Text(facts.text), employeeId: facts.employeeId, score: scored.score, modelVersion: scored.modelVersion, watchlistId: scored.watchlistId, files: files.map((f) => ({ sha256: f.sha256, mime: f.mime, size: f.size })) },
      });
    });
  } catch (error) {
    await discardEvidence(files);
    throw error;
  }
  return buildDetail(deps.db, ctx, id);
}

/** Who may edit: reviewers, or whoever captured it (an Inspektorat member correcting their own capture). */
function canEdit(ctx: RequestContext, capturedBy: string | null): boolean {
  return scopeFor(ctx.actor, 'monitoring.review') !== null || (scopeFor(ctx.actor, 'monitoring.capture') !== null && !!capturedBy && capturedBy === ctx.actor.userId);
}

/**
 * An edit never overwrites the capture: it adds the next revision (the changed facts, re-screened,
 * with the reason) and moves the capture's projection to it. The original stays revision 1.
 */
export async function editCapture(deps: AppDeps, ctx: RequestContext, id: string, body: CaptureEditBodyT): Promise<Detail> {
  requireScope(ctx.actor, 'monitoring.capture');
  const timeZone = await tenantZone(deps.db, ctx.tenantId);
  await deps.db.transaction(async (tx) => {
    const capture = await lockCapture(tx, ctx.tenantId, id);
    if (!capture) throw notFound({ captureId: id });
    if (!canEdit(ctx, capture.capturedBy)) throw new AppError('FORBIDDEN', { permission: 'monitoring.review' });
    if (capture.currentRevision !== body.expectedRevision) throw new AppError('CAPTURE_CONFLICT', { currentRevision: capture.currentRevision });
    if (capture.caseId) throw new AppError('CAPTURE_STATE', { caseId: capture.caseId }, 'Tangkapan ini sudah menjadi bukti kasus; perubahan dicatat di kasus, bukan di tangkapan.');
    const current = (await findCapture(tx, ctx.tenantId, id))!.r;
    const next: CaptureFacts = {
      platform: body.platform ?? current.platform,
      url: body.url ?? current.url,
      accountHandle: body.accountHandle ?? current.accountHandle,
      accountName: body.accountName !== undefined ? body.accountName || null : current.accountName,
      employeeId: body.employeeId !== undefined ? body.employeeId : current.employeeId,
      employeeConfirmed: false,
      text: body.text ?? current.text,
      actKind: body.actKind ?? current.actKind,
      postedAt: body.postedAt ? new Date(body.postedAt) : current.postedAt,
      electionEventId: body.electionEventId !== undefined ? body.electionEventId : current.electionEventId,
      electionContestId: body.electionContestId !== undefined ? body.electionContestId : body.electionEventId !== undefined ? null : current.electionContestId,
    };
    // A confirmation holds for the employee it was given for: choosing another employee needs a new one.
    const sameEmployee = next.employeeId === current.employeeId;
    next.employeeConfirmed = Boolean(next.employeeId) && (body.employeeConfirmed ?? (sameEmployee && current.employeeConfirmed));
    const changed = (Object.keys(next) as (keyof CaptureFacts)[]).filter((k) => String(next[k] instanceof Date ? (next[k] as Date).getTime() : next[k]) !== String(current[k] instanceof Date ? (current[k] as Date).getTime() : current[k]));
    if (changed.length === 0) throw new AppError('VALIDATION_FAILED', { reason: 'Tidak ada yang berubah dibanding revisi terakhir.' });
    await checkFacts(tx, ctx.tenantId, next);
    const scored = await scoreFacts(new CaptureScorer(tx, ctx.tenantId, timeZone), next);
    const revision = capture.currentRevision + 1;
    await insertRevisions(tx, [revisionRow(ctx.tenantId, id, revision, next, scored, ctx.actor.userId, body.reason)]);
    await updateCapture(tx, ctx.tenantId, id, { currentRevision: revision, ...projectionOf(next, scored) });
    await recordAudit(tx, ctx, {
      action: 'monitoring.capture.edit',
      entityType: 'social_capture',
      entityId: id,
      before: { revision: current.revision, textSha256: current.textSha256, score: current.score },
      after: { revision, changed, reason: body.reason, textSha256: sha256Text(next.text), score: scored.score, employeeId: next.employeeId, employeeConfirmed: next.employeeConfirmed },
    });
  });
  return buildDetail(deps.db, ctx, id);
}

/** More screenshots or a video for a capture (each checked by content, sealed, hashed). */
export async function addCaptureFiles(deps: AppDeps, box: SealedBox, ctx: RequestContext, id: string, uploads: Buffer[]): Promise<Detail> {
  requireScope(ctx.actor, 'monitoring.capture');
  if (uploads.length === 0) throw new AppError('VALIDATION_FAILED', { file: 'Pilih paling sedikit satu berkas.' });
  const before = await findCapture(deps.db, ctx.tenantId, id);
  if (!before) throw notFound({ captureId: id });
  if (!canEdit(ctx, before.c.capturedBy)) throw new AppError('FORBIDDEN', { permission: 'monitoring.review' });
  assertFileCount(before.fileCount, uploads.length);
  const timeZone = await tenantZone(deps.db, ctx.tenantId);
  const files = await prepareEvidence(deps, box, ctx.tenantId, timeZone, localIsoDate(new Date(), timeZone), uploads);
  try {
    await deps.db.transaction(async (tx) => {
      const capture = (await lockCapture(tx, ctx.tenantId, id))!;
      if (capture.caseId) throw new AppError('CAPTURE_STATE', { caseId: capture.caseId }, 'Tangkapan ini sudah menjadi bukti kasus; tambahkan berkas di halaman kasus.');
      assertFileCount((await listCaptureFiles(tx, ctx.tenantId, id)).length, files.length);
      await insertFileRows(tx, ctx, id, capture.currentRevision, files);
      await recordAudit(tx, ctx, { action: 'monitoring.capture.files', entityType: 'social_capture', entityId: id, after: { files: files.map((f) => ({ sha256: f.sha256, mime: f.mime, size: f.size })) } });
    });
  } catch (error) {
    await discardEvidence(files);
    throw error;
  }
  return buildDetail(deps.db, ctx, id);
}

/** The detail view (no permission check: callers check). */
export async function buildDetail(db: DbOrTx, ctx: RequestContext, id: string): Promise<Detail> {
  const row = await findCapture(db, ctx.tenantId, id);
  if (!row) throw notFound({ captureId: id });
  const { c, r } = row;
  const [files, revisions, duplicates, watchlist] = [
    await listCaptureFiles(db, ctx.tenantId, id),
    await listRevisions(db, ctx.tenantId, id),
    await listPossibleDuplicates(db, ctx.tenantId, id, r.textSha256, r.url),
    r.watchlistId ? await findWatchlist(db, ctx.tenantId, r.watchlistId) : undefined,
  ];
  const isOpen = !c.caseId;
  const canReview = scopeFor(ctx.actor, 'monitoring.review') !== null;
  return {
    ...presentCaptureItem(row, Number.MAX_SAFE_INTEGER),
    textSha256: r.textSha256,
    electionEventId: r.electionEventId,
    electionContestId: r.electionContestId,
    electionName: await findElectionNames(db, ctx.tenantId, r.electionEventId),
    watchlistId: r.watchlistId,
    watchlistVersion: watchlist?.w.version ?? null,
    capturedBy: await findUserName(db, ctx.tenantId, c.capturedBy),
    importId: c.importId,
    files: files.map(({ f }) => ({ id: f.fileId, sha256: f.sha256, mimeType: f.mimeType, size: f.size, hasCleanCopy: !!f.viewFileId, addedInRevision: f.addedInRevision })),
    revisions: revisions.map(presentRevision),
    review:
      c.reviewStatus !== 'pending' && c.reviewedAt
        ? { status: c.reviewStatus, by: await findUserName(db, ctx.tenantId, c.reviewedBy), at: c.reviewedAt.toISOString(), reason: c.reviewReason ?? '', duplicateOfId: c.duplicateOf }
        : null,
    case: c.caseId ? { id: c.caseId, number: (await findCaseNumber(db, ctx.tenantId, c.caseId)) ?? '' } : null,
    // Other captures are only for those who may read the queue (an Inspektorat capturer sees their own).
    possibleDuplicates: scopeFor(ctx.actor, 'monitoring.read') === null ? [] : duplicates.map((d) => ({ id: d.id, accountHandle: d.accountHandle, score: d.score, reviewStatus: d.reviewStatus, capturedAt: d.capturedAt.toISOString() })),
    allowed: {
      review: canReview && isOpen,
      edit: isOpen && canEdit(ctx, c.capturedBy),
      openCase: isOpen && canReview && scopeFor(ctx.actor, 'case.handle') !== null && (c.reviewStatus === 'pending' || c.reviewStatus === 'relevant'),
    },
  };
}

export async function getCaptureDetail(db: Db, ctx: RequestContext, id: string): Promise<Detail> {
  requireScope(ctx.actor, 'monitoring.read');
  return buildDetail(db, ctx, id);
}

/** The review queue: riskiest first by default. */
export async function listCaptureQueue(db: Db, ctx: RequestContext, q: CaptureQueryT): Promise<z.infer<typeof CaptureList>> {
  requireScope(ctx.actor, 'monitoring.read');
  const { rows, total } = await listQueue(db, ctx.tenantId, q);
  return { items: rows.map((row) => presentCaptureItem(row)), total, page: q.page, pageSize: q.pageSize };
}

/** A file of a capture: the clean copy of an image, or the sealed original (checked against its SHA-256). Every opening is audited. */
export async function openCaptureFile(deps: AppDeps, box: SealedBox, ctx: RequestContext, id: string, fileId: string, variant: 'clean' | 'original') {
  requireScope(ctx.actor, 'monitoring.read');
  const entry = (await listCaptureFiles(deps.db, ctx.tenantId, id)).find((x) => x.f.fileId === fileId);
  if (!entry) throw notFound({ fileId });
  const { f } = entry;
  const useClean = variant === 'clean' && f.viewFileId;
  const clean = useClean ? await findStoredPath(deps.db, ctx.tenantId, f.viewFileId!) : undefined;
  const bytes = clean ? await readStoredFile(clean.path) : await readOriginal(box, ctx.tenantId, entry.storagePath, f.sha256);
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: clean ? 'monitoring.file.view' : 'monitoring.file.original', entityType: 'social_capture', entityId: id, after: { fileId, sha256: f.sha256 } }));
  const ext = ((clean ? clean.mimeType : f.mimeType).split('/')[1] ?? 'bin').replace('jpeg', 'jpg');
  return { bytes, fileName: `tangkapan-${f.sha256.slice(0, 12)}${clean ? '-bersih' : ''}.${ext}` };
}
