/**
 * Reviewing captures: relevant / not relevant / duplicate with a reason; "Buka kasus" turns a capture
 * into a Satgas finding (temuan_medsos) in the case workflow with the capture as evidence; reviewer
 * decisions are exported as labelled data for retraining the screener.
 */
import type { z } from 'zod';
import { CreateCaseBody } from '../../../shared/contracts/cases.contract.js';
import { CAPTURE_ACT_LABELS, PLATFORM_LABELS, type OpenCaseBody, type ReviewBodyT } from '../../../shared/contracts/monitoring.contract.js';
import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { formatDateTimeId, localIsoDate } from '../../lib/dates.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { createCaseInTx, type CaptureEvidence } from '../cases/intake.service.js';
import { buildDetail, tenantZone } from './captures.service.js';
import { findCapture, findUserName, iterateLabelled, listCaptureFiles, lockCapture, updateCapture, type CaptureWithRevision } from './monitoring.repository.js';
import { catalogueActKind } from './scoring.js';

const SIGNAL_LABELS = { partisan: 'keberpihakan', hate: 'ujaran kebencian', abusive: 'bahasa kasar', hoax: 'hoaks' } as const;
/** Case summaries are at most 10,000 characters; the post text gets what the facts leave. */
const SUMMARY_MAX = 10_000;

/** Marks a capture relevant, not relevant or a duplicate (of another capture), with the reason; audited. */
export async function reviewCapture(deps: AppDeps, ctx: RequestContext, id: string, body: ReviewBodyT) {
  requireScope(ctx.actor, 'monitoring.review');
  await deps.db.transaction(async (tx) => {
    const capture = await lockCapture(tx, ctx.tenantId, id);
    if (!capture) throw notFound({ captureId: id });
    if (capture.currentRevision !== body.expectedRevision) throw new AppError('CAPTURE_CONFLICT', { currentRevision: capture.currentRevision });
    if (capture.caseId) throw new AppError('CAPTURE_STATE', { caseId: capture.caseId }, 'Tangkapan ini sudah menjadi kasus; keputusannya diambil dalam penanganan kasus.');
    let duplicateOf: string | null = null;
    if (body.decision === 'duplicate') {
      if (body.duplicateOfId === id) throw new AppError('VALIDATION_FAILED', { duplicateOfId: 'Tangkapan tidak dapat menjadi duplikat dirinya sendiri.' });
      if (!(await findCapture(tx, ctx.tenantId, body.duplicateOfId!))) throw new AppError('VALIDATION_FAILED', { duplicateOfId: 'Tangkapan asal tidak ditemukan.' });
      duplicateOf = body.duplicateOfId!;
    }
    await updateCapture(tx, ctx.tenantId, id, { reviewStatus: body.decision, reviewedBy: ctx.actor.userId, reviewedAt: new Date(), reviewReason: body.reason, duplicateOf });
    await recordAudit(tx, ctx, {
      action: 'monitoring.capture.review',
      entityType: 'social_capture',
      entityId: id,
      before: { status: capture.reviewStatus, reason: capture.reviewReason },
      after: { status: body.decision, reason: body.reason, duplicateOf, revision: capture.currentRevision },
    });
  });
  return buildDetail(deps.db, ctx, id);
}

/** The case summary: the facts of the capture(s), the screening and the text with its hash. */
function summaryOf(captures: CaptureWithRevision[], timeZone: string, capturers: Map<string, string>): string {
  const parts = captures.map(({ c, r, employeeName }, i) => {
    const signals = (Object.keys(SIGNAL_LABELS) as (keyof typeof SIGNAL_LABELS)[]).map((k) => `${SIGNAL_LABELS[k]} ${r.signals[k]}`).join(', ');
    const reasons = r.reasons.filter((x) => x.rule !== 'model').slice(0, 5).map((x) => `"${x.text}" (${x.why})`);
    return [
      captures.length > 1 ? `Tangkapan ${i + 1}:` : null,
      `Platform ${PLATFORM_LABELS[r.platform]}, akun @${r.accountHandle}${r.accountName ? ` (${r.accountName})` : ''}${employeeName ? `, pegawai ${employeeName}` : ''}.`,
      `Alamat: ${r.url}`,
      `Perbuatan: ${CAPTURE_ACT_LABELS[r.actKind]}; diunggah ${formatDateTimeId(r.postedAt, timeZone)}; ditangkap ${formatDateTimeId(c.capturedAt, timeZone)} oleh ${capturers.get(c.id) ?? 'petugas'}.`,
      `Skor risiko Netra ${r.score} (${signals}; model ${r.modelVersion})${r.pair ? `; merujuk pasangan nomor ${r.pair}${r.pairLabel ? ` (${r.pairLabel})` : ''}` : ''}${r.itemCode ? `; usulan item ${r.itemCode}` : ''}.`,
      reasons.length ? `Alasan: ${reasons.join('; ')}.` : null,
      `Teks unggahan (SHA-256 ${r.textSha256}, revisi ${r.revision}):`,
      '«TEXT»',
    ]
      .filter((x): x is string => x !== null)
      .join('\n');
  });
  // Share what is left among the texts; each is cut with a marker, the full text stays in the capture.
  const skeleton = ['Temuan pengawasan media sosial.', ...parts].join('\n\n');
  const room = Math.max(200, Math.floor((SUMMARY_MAX - skeleton.length) / captures.length) - 20);
  let out = skeleton;
  captures.forEach(({ r }) => {
    const text = r.text.length > room ? `${r.text.slice(0, room)} […]` : r.text;
    out = out.replace('«TEXT»', () => text);
  });
  return out.slice(0, SUMMARY_MAX);
}

/**
 * "Buka kasus": one transaction creates the case (origin temuan_medsos) with the captures' texts and
 * files as evidence (by SHA-256), the confirmed employees as subjects, the act kind and the posted-at
 * date (which decides kode etik vs disiplin), and links every capture to the case.
 */
export async function openCaseFromCapture(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof OpenCaseBody>) {
  requireScope(ctx.actor, 'monitoring.review');
  requireScope(ctx.actor, 'case.handle');
  const timeZone = await tenantZone(deps.db, ctx.tenantId);
  const ids = [id, ...body.alsoCaptureIds.filter((x) => x !== id)];
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', { alsoCaptureIds: 'Tangkapan yang sama disebut lebih dari sekali.' });
  return deps.db.transaction(async (tx) => {
    const captures: CaptureWithRevision[] = [];
    for (const captureId of ids) {
      const locked = await lockCapture(tx, ctx.tenantId, captureId);
      if (!locked) throw notFound({ captureId });
      if (locked.caseId) throw new AppError('CONFLICT', { captureId, caseId: locked.caseId }, 'Tangkapan ini sudah dibuka sebagai kasus.');
      captures.push((await findCapture(tx, ctx.tenantId, captureId))!);
    }
    const main = captures[0]!;
    if (main.c.currentRevision !== body.expectedRevision) throw new AppError('CAPTURE_CONFLICT', { currentRevision: main.c.currentRevision });
    if (main.c.reviewStatus === 'not_relevant' || main.c.reviewStatus === 'duplicate') {
      throw new AppError('CAPTURE_STATE', { reviewStatus: main.c.reviewStatus }, 'Tangkapan ini sudah dinilai tidak relevan atau duplikat; ubah penilaiannya dulu bila ingin membuka kasus.');
    }
    const unconfirmed = captures.find((x) => x.r.employeeId && !x.r.employeeConfirmed);
    if (unconfirmed) {
      throw new AppError('CAPTURE_STATE', { captureId: unconfirmed.c.id, employeeId: unconfirmed.r.employeeId }, `Pegawai pemilik akun @${unconfirmed.r.accountHandle} baru usulan: konfirmasi (atau hapus) kecocokannya dulu.`);
    }
    const r = main.r;
    const employees = [...new Set(captures.map((x) => x.r.employeeId).filter((e): e is string => !!e))];
    const subjectName = main.employeeName ?? `@${r.accountHandle}`;
    const capturers = new Map<string, string>();
    for (const x of captures) capturers.set(x.c.id, `${(await findUserName(tx, ctx.tenantId, x.c.capturedBy)) ?? 'petugas'}${x.c.source === 'import' ? ' (impor data)' : ''}`);
    const caseBody = CreateCaseBody.parse({
      origin: 'temuan_medsos',
      title: (body.title || `${CAPTURE_ACT_LABELS[r.actKind]} di ${PLATFORM_LABELS[r.platform]} — ${subjectName}`).slice(0, 200),
      summary: summaryOf(captures, timeZone, capturers),
      subjects: employees.map((employeeId) => ({ employeeId })),
      electionEventId: r.electionEventId,
      electionContestId: r.electionContestId,
      actKind: catalogueActKind(r.actKind),
      actDate: localIsoDate(r.postedAt, timeZone),
      discoveredOn: localIsoDate(main.c.capturedAt, timeZone),
      place: `${PLATFORM_LABELS[r.platform]}: ${r.url}`.slice(0, 300),
      assigneeUserId: body.assigneeUserId ?? null,
    });
    const evidence: CaptureEvidence[] = [];
    for (const x of captures) {
      evidence.push({ captureId: x.c.id, sha256: x.r.textSha256, description: `Teks unggahan @${x.r.accountHandle} di ${PLATFORM_LABELS[x.r.platform]} (revisi ${x.r.revision}): ${x.r.url}`.slice(0, 500) });
      for (const { f } of await listCaptureFiles(tx, ctx.tenantId, x.c.id)) {
        evidence.push({ captureId: x.c.id, sha256: f.sha256, fileId: f.fileId, mimeType: f.mimeType, size: f.size, description: `${f.mimeType.startsWith('video/') ? 'Rekaman layar' : 'Tangkapan layar'} unggahan @${x.r.accountHandle} di ${PLATFORM_LABELS[x.r.platform]}` });
      }
    }
    const created = await createCaseInTx(tx, ctx, caseBody, evidence);
    const now = new Date();
    for (const x of captures) {
      const review = x.c.reviewStatus === 'pending' ? { reviewStatus: 'relevant' as const, reviewedBy: ctx.actor.userId, reviewedAt: now, reviewReason: `Dibuka sebagai kasus ${created.number}` } : {};
      await updateCapture(tx, ctx.tenantId, x.c.id, { caseId: created.id, ...review });
    }
    await recordAudit(tx, ctx, {
      action: 'monitoring.capture.open_case',
      entityType: 'social_capture',
      entityId: id,
      after: { caseId: created.id, caseNumber: created.number, captures: captures.map((x) => ({ id: x.c.id, revision: x.r.revision, textSha256: x.r.textSha256 })), subjects: employees },
    });
    return { caseId: created.id, caseNumber: created.number };
  });
}

/**
 * Reviewer decisions as labelled data for retraining, one JSON object per line:
 * { id, text, label: relevant | not_relevant, reason, model_version }. Duplicates are left out (they
 * repeat another capture's text). The export is audited: it carries post texts.
 */
export async function exportLabels(db: Db, ctx: RequestContext, electionEventId: string | undefined): Promise<string> {
  requireScope(ctx.actor, 'monitoring.review');
  const lines: string[] = [];
  for await (const page of iterateLabelled(db, ctx.tenantId, electionEventId)) {
    for (const row of page) lines.push(JSON.stringify({ id: row.id, text: row.text, label: row.status, reason: row.reason ?? '', model_version: row.modelVersion }));
  }
  await db.transaction((tx) => recordAudit(tx, ctx, { action: 'monitoring.labels.export', entityType: 'social_capture', entityId: null, after: { electionEventId: electionEventId ?? null, lines: lines.length } }));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
