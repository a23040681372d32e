/**
 * Evidence files: type by content (never by name), size limits, the original kept byte-exact with its
 * SHA-256 but sealed on disk (its EXIF can hold the reporter's GPS position and phone serial), and a
 * re-encoded, metadata-free copy of every image for viewing. Files are written and fsynced before
 * their rows commit; a refused or failed submission removes them again.
 */
import { createHash } from 'node:crypto';
import { rm, utimes } from 'node:fs/promises';
import type { DbOrTx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { readStoredFile, writeStoredFile, type WrittenFile } from '../../lib/file-store.js';
import type { SealedBox } from '../../lib/sealed-box.js';
import { checkUpload } from '../../lib/uploads.js';
import { cleanPhoto } from '../apel/photos.js';
import { insertStoredFile } from '../pledges/pledges.repository.js';
import { dayInstant } from './reporter-audit.js';
import { insertReportFile } from './reports.repository.js';

/** Photos, screenshots, videos and documents. SVG, HTML, archives and executables never pass. */
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm', 'application/pdf'] as const;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

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
export async function prepareEvidence(deps: AppDeps, box: SealedBox, tenantId: string, timeZone: string, day: string, uploads: Buffer[]): Promise<PreparedEvidence[]> {
  const checked = [];
  for (const [i, bytes] of uploads.entries()) {
    const type = await checkUpload(bytes, EVIDENCE_TYPES, deps.config.REPORT_FILE_MAX_BYTES, `Berkas bukti ke-${i + 1}`);
    const clean = IMAGE_TYPES.has(type.mime) ? await cleanPhoto(bytes, type.mime === 'image/png' ? 'image/png' : 'image/jpeg', timeZone) : null;
    checked.push({ bytes, type, clean });
  }
  const prepared: PreparedEvidence[] = [];
  const stamp = dayInstant(day);
  try {
    for (const { bytes, type, clean } of checked) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const original = await writeStoredFile(deps.config.DATA_DIR, tenantId, 'report_evidence', box.sealBytes(bytes, evidenceContext(tenantId, sha256)));
      const entry: PreparedEvidence = { sha256, mime: type.mime, size: bytes.length, original, clean: null };
      prepared.push(entry);
      await utimes(original.storagePath, stamp, stamp);
      if (clean) {
        const mime = type.mime === 'image/png' ? 'image/png' : 'image/jpeg';
        entry.clean = { ...(await writeStoredFile(deps.config.DATA_DIR, tenantId, 'report_view', clean.bytes)), mime };
        await utimes(entry.clean.storagePath, stamp, stamp);
      }
    }
  } catch (error) {
    await discardEvidence(prepared);
    throw error;
  }
  return prepared;
}

/** Inserts the stored_file and report_file rows (in the caller's transaction), dated to the day only. */
export async function insertEvidenceRows(tx: DbOrTx, tenantId: string, reportId: string, day: string, files: PreparedEvidence[], fromReporter: boolean, createdBy: string | null): Promise<void> {
  const createdAt = dayInstant(day);
  for (const f of files) {
    // Generated names: an uploaded file name can carry personal data (a phone owner's name).
    await insertStoredFile(tx, { tenantId, id: f.original.id, purpose: 'report_evidence', fileName: `bukti-${f.original.id}`, mimeType: 'application/octet-stream', size: f.original.size, sha256: f.original.sha256, storagePath: f.original.storagePath, createdBy, createdAt });
    if (f.clean) {
      await insertStoredFile(tx, { tenantId, id: f.clean.id, purpose: 'report_view', fileName: `bukti-${f.original.id}-bersih`, mimeType: f.clean.mime, size: f.clean.size, sha256: f.clean.sha256, storagePath: f.clean.storagePath, createdBy, createdAt });
    }
    await insertReportFile(tx, { tenantId, reportId, fileId: f.original.id, viewFileId: f.clean?.id ?? null, sha256: f.sha256, mimeType: f.mime, size: f.size, fromReporter, addedOn: day });
  }
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
