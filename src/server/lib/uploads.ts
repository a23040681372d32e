/**
 * Upload checks by content, never by name or declared type: the bytes are sniffed (file-type) and
 * must be one of the allowed kinds and within the size limit.
 */
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../http/app-error.js';

export interface CheckedUpload {
  mime: string;
  ext: string;
}

export async function checkUpload(bytes: Buffer, allowed: readonly string[], maxBytes: number, label: string): Promise<CheckedUpload> {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', { file: `${label} kosong.` });
  if (bytes.length > maxBytes) throw new AppError('FILE_TOO_LARGE', { maxBytes }, `${label} terlalu besar (maksimal ${Math.round(maxBytes / 1024 / 1024)} MB).`);
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !allowed.includes(type.mime)) {
    throw new AppError('FILE_TYPE_UNSUPPORTED', { detected: type?.mime ?? null, allowed }, `${label} harus berupa ${allowed.map((m) => m.split('/')[1]!.toUpperCase()).join('/')}.`);
  }
  return { mime: type.mime, ext: type.ext };
}
