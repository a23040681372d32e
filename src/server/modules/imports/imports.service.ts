import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportCommitBody, type ImportField, type ImportValidateBody } from '../../../shared/contracts/imports.contract.js';
import type { EmployeeCategory } from '../../../shared/enums.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { suggestMapping } from './import-normalize.js';
import { readHeaders, sniffFormat } from './import-reader.js';
import { findImport, insertImport, updateImport, type ImportRow } from './imports.repository.js';

export const IMPORT_VALIDATE_JOB = 'import.validate';
export const IMPORT_COMMIT_JOB = 'import.commit';

/** Payload of the import jobs: enough to rebuild the actor's context for the audit log. */
export interface ImportJobPayload {
  tenantId: string;
  importId: string;
  requestId: string;
  actor: RequestContext['actor'];
  [key: string]: unknown;
}

export function importFilePath(deps: AppDeps, tenantId: string, id: string, format: string): string {
  return join(deps.config.DATA_DIR, 'files', 'imports', tenantId, `${id}.${format}`);
}

/** Fields required by the mapping that no header maps to yet (category may come from a default). */
export function missingFields(mapping: Record<string, ImportField>, defaultCategory: EmployeeCategory | null): ImportField[] {
  const mapped = new Set(Object.values(mapping));
  const required: ImportField[] = [...REQUIRED_IMPORT_FIELDS, ...(defaultCategory ? [] : (['category'] as const))];
  return required.filter((f) => !mapped.has(f));
}

/**
 * Step 1: stores the uploaded file (hashing it on the way), decides CSV/XLSX from its content, reads
 * the header row and suggests a column mapping. A refused file leaves nothing behind.
 */
export async function uploadImport(deps: AppDeps, ctx: RequestContext, file: { filename: string; stream: Readable; truncated: () => boolean }): Promise<ImportRow> {
  requireScope(ctx.actor, 'employee.import');
  const id = randomUUID();
  const dir = join(deps.config.DATA_DIR, 'files', 'imports', ctx.tenantId);
  await mkdir(dir, { recursive: true });
  const tempPath = join(dir, `${id}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      file.stream,
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(tempPath),
    );
    if (file.truncated()) throw new AppError('FILE_TOO_LARGE', { maxBytes: deps.config.IMPORT_MAX_BYTES });
    if (size === 0) throw new AppError('VALIDATION_FAILED', { file: 'Berkas kosong.' });
    const format = await sniffFormat(tempPath);
    if (!format) throw new AppError('FILE_TYPE_UNSUPPORTED', { fileName: file.filename });
    const finalPath = importFilePath(deps, ctx.tenantId, id, format);
    await rename(tempPath, finalPath);
    let headers: string[];
    try {
      headers = await readHeaders(finalPath, format);
    } catch {
      await rm(finalPath, { force: true });
      throw new AppError('FILE_TYPE_UNSUPPORTED', { fileName: file.filename }, 'Berkas tidak dapat dibaca sebagai CSV atau XLSX.');
    }
    if (headers.length < 2) {
      await rm(finalPath, { force: true });
      throw new AppError('VALIDATION_FAILED', { file: 'Baris pertama berkas harus berisi judul kolom.' });
    }
    const mapping = suggestMapping(headers);
    // A failed transaction (e.g. a NUL byte in the file name) must not leave the file behind without its
    // row (found by the hostile-upload test).
    return await deps.db.transaction(async (tx) => {
      const created = await insertImport(tx, {
        tenantId: ctx.tenantId,
        id,
        status: 'uploaded',
        fileName: file.filename.slice(0, 200),
        fileSha256: hash.digest('hex'),
        fileSize: size,
        format,
        storagePath: finalPath,
        headers,
        mapping,
        createdBy: ctx.actor.userId!,
      });
      await recordAudit(tx, ctx, { action: 'employee.import.upload', entityType: 'import', entityId: id, after: { fileName: created.fileName, sha256: created.fileSha256, size } });
      return created;
    }).catch(async (error: unknown) => {
      await rm(finalPath, { force: true });
      throw error;
    });
  } finally {
    await rm(tempPath, { force: true });
  }
}

async function loadOwnImport(deps: AppDeps, ctx: RequestContext, id: string): Promise<ImportRow> {
  requireScope(ctx.actor, 'employee.import');
  const row = await findImport(deps.db, ctx.tenantId, id);
  if (!row) throw notFound({ importId: id });
  return row;
}

export async function getImport(deps: AppDeps, ctx: RequestContext, id: string): Promise<ImportRow> {
  return loadOwnImport(deps, ctx, id);
}

/** Step 2: fixes the mapping and starts validation as a background job (progress on the import row). */
export async function startValidation(deps: AppDeps, ctx: RequestContext, id: string, input: z.infer<typeof ImportValidateBody>): Promise<ImportRow> {
  const current = await loadOwnImport(deps, ctx, id);
  if (!['uploaded', 'validated'].includes(current.status)) throw new AppError('IMPORT_NOT_READY', { status: current.status });
  const unknownHeaders = Object.keys(input.mapping).filter((h) => !current.headers.includes(h));
  if (unknownHeaders.length) throw new AppError('VALIDATION_FAILED', { mapping: `Kolom tidak ada di berkas: ${unknownHeaders.join(', ')}` });
  const fields = Object.values(input.mapping);
  const duplicated = IMPORT_FIELDS.filter((f) => fields.filter((x) => x === f).length > 1);
  if (duplicated.length) throw new AppError('VALIDATION_FAILED', { mapping: `Satu isian dipetakan ke lebih dari satu kolom: ${duplicated.join(', ')}` });
  const missing = missingFields(input.mapping, input.defaultCategory ?? null);
  if (missing.length) throw new AppError('VALIDATION_FAILED', { missingFields: missing }, 'Pemetaan kolom belum lengkap: NIP, nama, unit kerja dan jenis pegawai wajib ada.');
  const updated = await deps.db.transaction(async (tx) => {
    const row = await updateImport(tx, ctx.tenantId, id, {
      status: 'validating',
      mapping: input.mapping,
      options: { defaultCategory: input.defaultCategory ?? null },
      progress: 0,
      processedRows: 0,
    });
    await recordAudit(tx, ctx, { action: 'employee.import.validate', entityType: 'import', entityId: id, after: { mapping: input.mapping } });
    return row;
  });
  const payload: ImportJobPayload = { tenantId: ctx.tenantId, importId: id, requestId: ctx.requestId, actor: ctx.actor };
  await deps.jobs.enqueue(IMPORT_VALIDATE_JOB, payload);
  return updated;
}

/** Step 3: checks the user's choices against what validation found, then commits in a background job. */
export async function startCommit(deps: AppDeps, ctx: RequestContext, id: string, input: z.infer<typeof ImportCommitBody>): Promise<ImportRow> {
  const current = await loadOwnImport(deps, ctx, id);
  if (current.status !== 'validated') throw new AppError('IMPORT_NOT_READY', { status: current.status });
  if (current.errorRows > 0 && !input.skipInvalidRows) throw new AppError('IMPORT_HAS_ERRORS', { errorRows: current.errorRows });
  if (current.errorRows > 0 && input.deactivateMissing) {
    throw new AppError('IMPORT_HAS_ERRORS', { errorRows: current.errorRows }, 'Impor penuh (menonaktifkan pegawai yang tidak ada di berkas) hanya boleh dari berkas tanpa baris salah.');
  }
  if (current.validRows === 0) throw new AppError('IMPORT_HAS_ERRORS', { validRows: 0 }, 'Tidak ada baris yang valid untuk disimpan.');
  const unknownUnits = (current.summary?.unknownUnits as string[] | undefined) ?? [];
  if (unknownUnits.length > 0 && !input.createMissingUnits) throw new AppError('IMPORT_UNKNOWN_UNITS', { unknownUnits });
  const updated = await deps.db.transaction(async (tx) => {
    const row = await updateImport(tx, ctx.tenantId, id, { status: 'committing', progress: 0, options: { ...(current.options ?? {}), ...input } });
    await recordAudit(tx, ctx, { action: 'employee.import.commit.requested', entityType: 'import', entityId: id, after: input });
    return row;
  });
  const payload: ImportJobPayload = { tenantId: ctx.tenantId, importId: id, requestId: ctx.requestId, actor: ctx.actor };
  await deps.jobs.enqueue(IMPORT_COMMIT_JOB, payload);
  return updated;
}
