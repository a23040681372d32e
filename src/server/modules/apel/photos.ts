/**
 * Apel photos: JPEG/PNG checked by content, re-encoded so every piece of metadata (GPS position,
 * camera serial, owner name, embedded thumbnails) is gone, except the capture time read beforehand.
 */
import exifReader from 'exif-reader';
import { rm } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { APEL_PHOTO_MAX_BYTES, APEL_PHOTO_MAX_COUNT } from '../../../shared/contracts/apel.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { readStoredFile, writeStoredFile, type WrittenFile } from '../../lib/file-store.js';
import { checkUpload } from '../../lib/uploads.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertStoredFile } from '../pledges/pledges.repository.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { deletePhoto, insertPhoto, listPhotos, lockApelReport, updateApelReportRow } from './apel.repository.js';
import { assertEditable, getReport, loadReportForActor } from './apel.service.js';

const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
// Decompression bombs: an 8 MB file can still claim gigapixels; 60 MP covers any phone camera.
const MAX_INPUT_PIXELS = 60_000_000;

/** The UTC instant of a wall-clock time (given as UTC fields) in `timeZone`; Indonesian zones have no DST. */
function wallClockToInstant(wall: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(wall)
      .map((p) => [p.type, Number(p.value)]),
  );
  const zoned = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return new Date(wall.getTime() - (zoned - wall.getTime()));
}

/**
 * EXIF DateTimeOriginal as an instant. Cameras write local wall-clock time without a zone: use
 * OffsetTimeOriginal when present, otherwise assume the Pemda's zone (the apel took place there).
 */
export function captureTimeOf(exif: Buffer | undefined, timeZone: string): Date | null {
  if (!exif) return null;
  let parsed: ReturnType<typeof exifReader>;
  try {
    parsed = exifReader(exif);
  } catch {
    return null; // unreadable EXIF only loses the capture time, not the photo
  }
  const wall = parsed.Photo?.DateTimeOriginal;
  if (!(wall instanceof Date) || Number.isNaN(wall.getTime())) return null;
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(String(parsed.Photo?.OffsetTimeOriginal ?? ''));
  if (offset) return new Date(wall.getTime() - (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000);
  return wallClockToInstant(wall, timeZone);
}

const UNREADABLE_PHOTO = () => new AppError('VALIDATION_FAILED', { file: 'Foto rusak atau tidak dapat dibaca.' }, 'Foto rusak atau tidak dapat dibaca. Unggah ulang foto asli dari kamera.');

/**
 * The cheap part of the checks cleanPhoto makes, without decoding the pixels (well under a
 * millisecond): the header parses and the image stays within the decompression-bomb limit. Used where
 * the re-encode itself runs later, in a job, so a bomb or garbage is still refused in the request.
 */
export async function assertReadablePhoto(bytes: Buffer): Promise<void> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    throw UNREADABLE_PHOTO();
  }
  if (!meta.width || !meta.height || meta.width * meta.height > MAX_INPUT_PIXELS) throw UNREADABLE_PHOTO();
}

/**
 * Reads the capture time, then re-encodes the pixels only (sharp drops all metadata by default).
 * `lenient` decodes what it can of a damaged file (a job re-encoding evidence already accepted).
 */
export async function cleanPhoto(bytes: Buffer, mime: string, timeZone: string, lenient = false): Promise<{ bytes: Buffer; capturedAt: Date | null }> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    // rotate() applies the EXIF orientation to the pixels, since the tag itself is about to go.
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: lenient ? 'none' : 'error' }).rotate();
    const clean = mime === 'image/png' ? await image.png({ compressionLevel: 9 }).toBuffer() : await image.jpeg({ quality: 88 }).toBuffer();
    return { bytes: clean, capturedAt: captureTimeOf(meta.exif, timeZone) };
  } catch {
    throw UNREADABLE_PHOTO();
  }
}

/** Adds a photo to a draft or returned report (at most APEL_PHOTO_MAX_COUNT). */
export async function addPhoto(deps: AppDeps, ctx: RequestContext, reportId: string, bytes: Buffer) {
  const report = await loadReportForActor(deps.db, ctx, reportId);
  assertEditable(report.status, 'diubah'); // before the costly re-encode; checked again under the lock
  const type = await checkUpload(bytes, PHOTO_TYPES, APEL_PHOTO_MAX_BYTES, 'Foto apel');
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  const cleaned = await cleanPhoto(bytes, type.mime, tenant.timezone);
  const written: WrittenFile = await writeStoredFile(deps.config.DATA_DIR, ctx.tenantId, 'apel_photo', cleaned.bytes);
  try {
    await deps.db.transaction(async (tx) => {
      assertEditable((await lockApelReport(tx, ctx.tenantId, reportId))!.status, 'diubah');
      const count = (await listPhotos(tx, ctx.tenantId, [reportId])).length;
      if (count >= APEL_PHOTO_MAX_COUNT) throw new AppError('APEL_PHOTO_LIMIT', { max: APEL_PHOTO_MAX_COUNT }, `Satu laporan apel memuat paling banyak ${APEL_PHOTO_MAX_COUNT} foto; hapus foto lain terlebih dahulu.`);
      // A generated name: the uploaded file name can carry personal data (e.g. a phone owner's name).
      const fileName = `foto-apel-${written.id}.${type.ext}`;
      await insertStoredFile(tx, { tenantId: ctx.tenantId, id: written.id, purpose: 'apel_photo', fileName, mimeType: type.mime, size: written.size, sha256: written.sha256, storagePath: written.storagePath, createdBy: ctx.actor.userId });
      await insertPhoto(tx, { tenantId: ctx.tenantId, reportId, fileId: written.id, capturedAt: cleaned.capturedAt });
      await updateApelReportRow(tx, ctx.tenantId, reportId, {});
      await recordAudit(tx, ctx, { action: 'apel.photo.add', entityType: 'apel_report', entityId: reportId, after: { fileId: written.id, sha256: written.sha256, size: written.size, capturedAt: cleaned.capturedAt } });
    });
  } catch (error) {
    await rm(written.storagePath, { force: true }); // refused: nothing stays behind, not even the file
    throw error;
  }
  return getReport(deps.db, ctx, reportId);
}

/** Removes a photo from a draft or returned report; its file goes too. */
export async function removePhoto(deps: AppDeps, ctx: RequestContext, reportId: string, fileId: string) {
  await loadReportForActor(deps.db, ctx, reportId);
  const storagePath = await deps.db.transaction(async (tx) => {
    assertEditable((await lockApelReport(tx, ctx.tenantId, reportId))!.status, 'diubah');
    const photo = (await listPhotos(tx, ctx.tenantId, [reportId])).find((p) => p.fileId === fileId);
    if (!photo || !(await deletePhoto(tx, ctx.tenantId, reportId, fileId))) throw notFound({ fileId });
    await updateApelReportRow(tx, ctx.tenantId, reportId, {});
    await recordAudit(tx, ctx, { action: 'apel.photo.remove', entityType: 'apel_report', entityId: reportId, before: { fileId, sha256: photo.sha256 } });
    return photo.storagePath;
  });
  await rm(storagePath, { force: true }); // after commit: a rolled-back removal must keep its file
  return getReport(deps.db, ctx, reportId);
}

/** The stored (already cleaned) photo bytes for someone who may see the report. */
export async function readPhoto(deps: AppDeps, ctx: RequestContext, reportId: string, fileId: string): Promise<{ bytes: Buffer; mimeType: string; fileName: string }> {
  await loadReportForActor(deps.db, ctx, reportId);
  const photo = (await listPhotos(deps.db, ctx.tenantId, [reportId])).find((p) => p.fileId === fileId);
  if (!photo) throw notFound({ fileId });
  return { bytes: await readStoredFile(photo.storagePath), mimeType: photo.mimeType, fileName: `foto-apel-${fileId}.${photo.mimeType === 'image/png' ? 'png' : 'jpg'}` };
}
