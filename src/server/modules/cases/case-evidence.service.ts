/**
 * Case evidence and its chain of custody: files come from linked reports (the sealed originals), from
 * the Satgas, or from monitoring captures; every opening of a file is audited with its SHA-256, and
 * the bytes are checked against that hash before they leave the server.
 */
import type { DbOrTx, Tx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertStoredFile } from '../pledges/pledges.repository.js';
import { discardEvidence, prepareEvidence, readOriginal } from '../reports/evidence.js';
import type { ReportKit } from '../reports/reports.kit.js';
import { findReport, listReportFiles } from '../reports/reports.repository.js';
import { appendEvent, insertEvidence, listEvidence, lockCase } from './cases.repository.js';
import { readableCase, tenantToday } from './cases.service.js';

const MAX_CASE_FILES_PER_UPLOAD = 10;

/** Copies a report's evidence into the case (the same sealed files; no bytes are duplicated). */
export async function linkReportEvidence(tx: DbOrTx, ctx: RequestContext, caseId: string, reportId: string): Promise<number> {
  const report = await findReport(tx, ctx.tenantId, reportId);
  if (!report) throw new AppError('NOT_FOUND', { reportId });
  const files = await listReportFiles(tx, ctx.tenantId, reportId);
  const existing = new Set((await listEvidence(tx, ctx.tenantId, caseId)).map((e) => e.e.sha256));
  const rows = files
    .filter((f) => !existing.has(f.file.sha256))
    .map((f, i) => ({
      tenantId: ctx.tenantId,
      caseId,
      source: 'report',
      fileId: f.file.fileId,
      reportId,
      sha256: f.file.sha256,
      mimeType: f.file.mimeType,
      size: f.file.size,
      description: `Bukti ${i + 1} dari laporan ${report.number}`,
      addedBy: ctx.actor.userId,
    }));
  await insertEvidence(tx, rows);
  return rows.length;
}

/** The Satgas adds evidence (field photos, a Bawaslu letter, screenshots): checked by content, sealed. */
export async function uploadCaseEvidence(kit: ReportKit, deps: AppDeps, ctx: RequestContext, caseId: string, uploads: Buffer[], description: string) {
  if (uploads.length === 0) throw new AppError('VALIDATION_FAILED', { file: 'Pilih paling sedikit satu berkas.' });
  if (uploads.length > MAX_CASE_FILES_PER_UPLOAD) throw new AppError('VALIDATION_FAILED', { file: `Paling banyak ${MAX_CASE_FILES_PER_UPLOAD} berkas sekali unggah.` });
  const c = await readableCase(deps.db, ctx, caseId, 'case.handle');
  if (c.state === 'closed') throw new AppError('CASE_TRANSITION', { state: c.state }, 'Kasus sudah selesai; bukti tidak dapat ditambahkan.');
  const { today, timeZone } = await tenantToday(deps.db, ctx.tenantId);
  const prepared = await prepareEvidence(deps, kit.box, ctx.tenantId, timeZone, today, uploads);
  try {
    await deps.db.transaction(async (tx) => {
      await lockCase(tx, ctx.tenantId, caseId);
      for (const [i, f] of prepared.entries()) {
        await insertStoredFile(tx, { tenantId: ctx.tenantId, id: f.original.id, purpose: 'case_evidence', fileName: `bukti-kasus-${f.original.id}`, mimeType: 'application/octet-stream', size: f.original.size, sha256: f.original.sha256, storagePath: f.original.storagePath, createdBy: ctx.actor.userId });
        if (f.clean) await insertStoredFile(tx, { tenantId: ctx.tenantId, id: f.clean.id, purpose: 'case_view', fileName: `bukti-kasus-${f.original.id}-bersih`, mimeType: f.clean.mime, size: f.clean.size, sha256: f.clean.sha256, storagePath: f.clean.storagePath, createdBy: ctx.actor.userId });
        await insertEvidence(tx, [{ tenantId: ctx.tenantId, caseId, source: 'upload', fileId: f.original.id, sha256: f.sha256, mimeType: f.mime, size: f.size, description: prepared.length > 1 ? `${description} (${i + 1})` : description, addedBy: ctx.actor.userId }]);
      }
      await appendEvent(tx, { tenantId: ctx.tenantId, caseId, kind: 'evidence_added', actorUserId: ctx.actor.userId, actorLabel: ctx.actor.label, data: { files: prepared.map((f) => ({ sha256: f.sha256, mimeType: f.mime, size: f.size })), description } });
      await recordAudit(tx, ctx, { action: 'case.evidence.add', entityType: 'case', entityId: caseId, after: { sha256: prepared.map((f) => f.sha256) } });
    });
  } catch (error) {
    await discardEvidence(prepared);
    throw error;
  }
}

/** Evidence bytes for a reader, with the custody entry (who opened which file, its hash) in the audit log. */
export async function openCaseEvidence(kit: ReportKit, deps: AppDeps, ctx: RequestContext, caseId: string, evidenceId: string) {
  await readableCase(deps.db, ctx, caseId);
  const entry = (await listEvidence(deps.db, ctx.tenantId, caseId)).find((e) => e.e.id === evidenceId);
  if (!entry || !entry.storagePath) throw new AppError('NOT_FOUND', { evidenceId });
  const bytes = await readOriginal(kit.box, ctx.tenantId, entry.storagePath, entry.e.sha256);
  await deps.db.transaction((tx: Tx) => recordAudit(tx, ctx, { action: 'case.evidence.open', entityType: 'case', entityId: caseId, after: { evidenceId, sha256: entry.e.sha256, source: entry.e.source } }));
  const ext = (entry.e.mimeType ?? 'application/octet-stream').split('/')[1]!.replace('jpeg', 'jpg').replace('octet-stream', 'bin');
  return { bytes, fileName: `bukti-${entry.e.sha256.slice(0, 12)}.${ext}` };
}
