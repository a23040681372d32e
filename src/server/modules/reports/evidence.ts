/**
 * Evidence files: type by content (never by name), size limits, the original kept byte-exact with its
 * SHA-256 but sealed on disk (its EXIF can hold the reporter's GPS position and phone serial), and a
 * re-encoded, metadata-free copy of every image for viewing. Files are written and fsynced before
 * their rows commit; a refused or failed submission removes them again.
 *
 * Report evidence (`clean: 'by_job'`): the request only checks the image header (type by content, size,
 * decompression-bomb limit) and stores the sealed original; the clean copy is made after the commit
 * by the `report.clean_copies` job (reports.jobs.ts), which costs ~30 ms of CPU per 1.6 MP photo and
 * more for a phone's 12 MP. Case and monitoring uploads still re-encode in the request (`'now'`).
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { DbOrTx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { readStoredFile, writeStoredFile, type WrittenFile } from '../../lib/file-store.js';
import type { SealedBox } from '../../lib/sealed-box.js';
import { checkUpload } from '../../lib/uploads.js';
import { assertReadablePhoto, cleanPhoto } from '../apel/photos.js';
import { insertStoredFile } from '../pledges/pledges.repository.js';
import { dayInstant } from './reporter-audit.js';
import { insertReportFile, type NewReportFile, type NewStoredFile } from './reports.repository.js';

/** Photos, screenshots, videos and documents. SVG, HTML, archives and executables never pass. */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm', 'application/pdf'] as const;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Whether evidence of this type gets a clean (re-encoded, metadata-free) viewing copy. */
export const needsCleanCopy = (mime: string) => IMAGE_TYPES.has(mime);

/** The clean copy's type: PNG stays PNG (screenshots), every other image becomes JPEG. */
export const cleanMimeOf = (mime: string) => (mime === 'image/png' ? 'image/png' : 'image/jpeg');

/** Re-encode now, in the caller's request, or leave it to the clean-copy job after the commit. */
export type CleanTiming = 'now' | 'by_job';

export interface PreparedEvidence {
  sha256: string;
  mime: string;
  size: number;
  original: WrittenFile;
  clean: (WrittenFile & { mime: string }) | null;
}

/** The context a sealed original is bound to: its tenant and the SHA-256 recorded in its row. */
export const evidenceContext = (tenantId: string, sha256: string) => `evidence:${tenantId}:${sha256}`;

/** Removes files written for a submission that did not commit. */
export async function discardEvidence(files: PreparedEvidence[]): Promise<void> {
  await Promise.all(files.flatMap((f) => [f.original.storagePath, f.clean?.storagePath].filter((p): p is string => !!p).map((p) => rm(p, { force: true }))));
}

/**
 * Checks every file first (nothing is written when one is refused), then writes the sealed originals
 * and the clean copies. File times are set to the day, so the file system does not date the upload.
 */
export async function prepareEvidence(deps: AppDeps, box: SealedBox, tenantId: string, timeZone: string, day: string, uploads: Buffer[], clean: CleanTiming = 'now'): Promise<PreparedEvidence[]> {
  const checked = [];
  for (const [i, bytes] of uploads.entries()) {
    const type = await checkUpload(bytes, EVIDENCE_TYPES, deps.config.REPORT_FILE_MAX_BYTES, `Berkas bukti ke-${i + 1}`);
    if (needsCleanCopy(type.mime) && clean === 'by_job') await assertReadablePhoto(bytes);
    const copy = needsCleanCopy(type.mime) && clean === 'now' ? await cleanPhoto(bytes, cleanMimeOf(type.mime), timeZone) : null;
    checked.push({ bytes, type, clean: copy });
  }
  const prepared: PreparedEvidence[] = [];
  const stamp = dayInstant(day);
  try {
    for (const { bytes, type, clean } of checked) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      // Sealed (header + ciphertext written as two parts), dated to the day, fsynced.
      const original = await writeStoredFile(deps.config.DATA_DIR, tenantId, 'report_evidence', box.sealBytesParts(bytes, evidenceContext(tenantId, sha256)), { times: stamp });
      const entry: PreparedEvidence = { sha256, mime: type.mime, size: bytes.length, original, clean: null };
      prepared.push(entry);
      if (clean) {
        entry.clean = { ...(await writeCleanCopy(deps.config.DATA_DIR, tenantId, clean.bytes, day)), mime: cleanMimeOf(type.mime) };
      }
    }
  } catch (error) {
    await discardEvidence(prepared);
    throw error;
  }
  return prepared;
}

/** Writes a clean copy (fsynced), its file times set to the day like the original's. */
export async function writeCleanCopy(dataDir: string, tenantId: string, bytes: Buffer, day: string): Promise<WrittenFile> {
  return writeStoredFile(dataDir, tenantId, 'report_view', bytes, { times: dayInstant(day) });
}

/** The stored_file row of a clean copy (a generated name, dated to the day only). */
export const cleanCopyRow = (tenantId: string, originalId: string, clean: WrittenFile & { mime: string }, day: string, createdBy: string | null) => ({
  tenantId, id: clean.id, purpose: 'report_view', fileName: `bukti-${originalId}-bersih`, mimeType: clean.mime, size: clean.size, sha256: clean.sha256, storagePath: clean.storagePath, createdBy, createdAt: dayInstant(day),
});

/** The stored_file and report_file rows of prepared evidence, dated to the day only. */
export function evidenceRows(tenantId: string, reportId: string, day: string, files: PreparedEvidence[], fromReporter: boolean, createdBy: string | null) {
  const createdAt = dayInstant(day);
  const stored: NewStoredFile[] = [];
  const reportFiles: NewReportFile[] = [];
  for (const f of files) {
    // Generated names: an uploaded file name can carry personal data (a phone owner's name).
    stored.push({ tenantId, id: f.original.id, purpose: 'report_evidence', fileName: `bukti-${f.original.id}`, mimeType: 'application/octet-stream', size: f.original.size, sha256: f.original.sha256, storagePath: f.original.storagePath, createdBy, createdAt });
    if (f.clean) stored.push(cleanCopyRow(tenantId, f.original.id, f.clean, day, createdBy));
    reportFiles.push({ tenantId, reportId, fileId: f.original.id, viewFileId: f.clean?.id ?? null, sha256: f.sha256, mimeType: f.mime, size: f.size, fromReporter, addedOn: day });
  }
  return { stored, reportFiles };
}

/** Inserts the stored_file and report_file rows (in the caller's transaction), dated to the day only. */
export async function insertEvidenceRows(tx: DbOrTx, tenantId: string, reportId: string, day: string, files: PreparedEvidence[], fromReporter: boolean, createdBy: string | null): Promise<void> {
  const { stored, reportFiles } = evidenceRows(tenantId, reportId, day, files, fromReporter, createdBy);
  for (const row of stored) await insertStoredFile(tx, row);
  for (const row of reportFiles) await insertReportFile(tx, row);
}

/** Refuses a batch that would exceed the per-report file count. */
export function assertFileCount(existing: number, adding: number, max: number): void {
  if (existing + adding > max) {
    throw new AppError('REPORT_FILE_LIMIT', { max, existing, adding }, `Satu laporan memuat paling banyak ${max} berkas bukti${existing ? ` (sudah ada ${existing})` : ''}.`);
  }
}

/** The original bytes of a sealed evidence file, checked against the recorded SHA-256. */
export async function readOriginal(box: SealedBox, tenantId: string, storagePath: string, sha256: string): Promise<Buffer> {
  const bytes = box.openBytes(await readStoredFile(storagePath), evidenceContext(tenantId, sha256));
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`evidence ${sha256} does not match its hash`);
  return bytes;
}
