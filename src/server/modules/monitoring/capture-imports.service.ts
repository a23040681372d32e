/**
 * Bulk import of posts from social-listening exports, as a job with progress and per-row errors.
 * Nothing is half-imported: every valid row is written in one transaction with the batch's final
 * status, or nothing is. Mode `skip_invalid` (default) imports the valid rows and lists the others;
 * mode `all_or_nothing` refuses the whole file when any row is wrong. A file that is not UTF-8
 * CSV/JSONL, lacks a required column or has no rows is refused whole.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { CaptureImportOptions } from '../../../shared/contracts/monitoring.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findContest, findEvent } from '../elections/elections.repository.js';
import { findCaptureImport, insertCaptureImport, listCaptureImports, type CaptureImportRow } from './monitoring.repository.js';

export const CAPTURE_IMPORT_JOB = 'monitoring.import';
/** Largest export accepted in one file. */
export const CAPTURE_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export interface CaptureImportJobPayload {
  tenantId: string;
  importId: string;
  requestId: string;
  actor: RequestContext['actor'];
  [key: string]: unknown;
}

/** Stores the uploaded file, records the batch (queued) and starts the import job. */
export async function uploadCaptureImport(deps: AppDeps, ctx: RequestContext, file: { fileName: string; bytes: Buffer }, options: z.infer<typeof CaptureImportOptions>): Promise<CaptureImportRow> {
  requireScope(ctx.actor, 'monitoring.capture');
  if (file.bytes.length === 0) throw new AppError('VALIDATION_FAILED', { file: 'Berkas kosong.' });
  const eventId = options.electionEventId ?? null;
  const contestId = options.electionContestId ?? null;
  if (contestId && !eventId) throw new AppError('VALIDATION_FAILED', { electionEventId: 'Pilih pemilihan dari kontestasi tersebut.' });
  if (eventId && !(await findEvent(deps.db, ctx.tenantId, eventId))) throw new AppError('VALIDATION_FAILED', { electionEventId: 'Pemilihan tidak ditemukan.' });
  if (contestId && (await findContest(deps.db, ctx.tenantId, contestId))?.eventId !== eventId) throw new AppError('VALIDATION_FAILED', { electionContestId: 'Kontestasi tidak termasuk pemilihan ini.' });
  const id = randomUUID();
  // Beside the employee-master imports: the start-up sweep leaves files/imports alone.
  const dir = join(deps.config.DATA_DIR, 'files', 'imports', ctx.tenantId);
  await mkdir(dir, { recursive: true });
  const storagePath = join(dir, `capture-${id}.upload`);
  await writeFile(storagePath, file.bytes, { mode: 0o640 });
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  // A failed transaction (e.g. a NUL byte in the file name) must not leave the upload on disk without
  // its row (found by the hostile-upload test).
  const created = await deps.db.transaction(async (tx) => {
    const row = await insertCaptureImport(tx, {
      tenantId: ctx.tenantId, id, status: 'queued', fileName: file.fileName.slice(0, 200) || 'impor', fileSha256: sha256, fileSize: file.bytes.length,
      storagePath, mode: options.mode, electionEventId: eventId, electionContestId: contestId, createdBy: ctx.actor.userId!,
    });
    await recordAudit(tx, ctx, { action: 'monitoring.import.upload', entityType: 'capture_import', entityId: id, after: { fileName: row.fileName, sha256, size: file.bytes.length, mode: options.mode, electionEventId: eventId } });
    return row;
  }).catch(async (error: unknown) => {
    await rm(storagePath, { force: true });
    throw error;
  });
  const payload: CaptureImportJobPayload = { tenantId: ctx.tenantId, importId: id, requestId: ctx.requestId, actor: ctx.actor };
  await deps.jobs.enqueue(CAPTURE_IMPORT_JOB, payload);
  return (await findCaptureImport(deps.db, ctx.tenantId, created.id))!;
}

export async function getCaptureImport(deps: AppDeps, ctx: RequestContext, id: string): Promise<CaptureImportRow> {
  requireScope(ctx.actor, 'monitoring.capture');
  const row = await findCaptureImport(deps.db, ctx.tenantId, id);
  if (!row) throw notFound({ importId: id });
  return row;
}

export async function listCaptureImportsFor(deps: AppDeps, ctx: RequestContext): Promise<CaptureImportRow[]> {
  requireScope(ctx.actor, 'monitoring.capture');
  return listCaptureImports(deps.db, ctx.tenantId, 50);
}
