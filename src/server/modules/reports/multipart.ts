/**
 * Reads a report form sent as multipart/form-data: text fields (`report` = the JSON of the form,
 * `altcha`, `tenant`) and up to REPORT_MAX_FILES files named `file`. Limits are enforced while
 * reading, so an oversized upload is cut off rather than buffered.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ReportInput } from '../../../shared/contracts/reports.contract.js';
import type { Config } from '../../config.js';
import { AppError } from '../../http/app-error.js';

export interface ReportUpload {
  fields: Record<string, string>;
  files: Buffer[];
}

type Limits = Pick<Config, 'REPORT_FILE_MAX_BYTES' | 'REPORT_TOTAL_MAX_BYTES' | 'REPORT_MAX_FILES'>;
const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export async function readReportUpload(request: FastifyRequest, limits: Limits): Promise<ReportUpload> {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST', null, 'Kirim laporan sebagai multipart/form-data.');
  const fields: Record<string, string> = {};
  const files: Buffer[] = [];
  let total = 0;
  const parts = request.parts({ limits: { fileSize: limits.REPORT_FILE_MAX_BYTES, files: limits.REPORT_MAX_FILES + 1, fields: 10, fieldSize: 200_000, parts: limits.REPORT_MAX_FILES + 11 } });
  for await (const part of parts) {
    if (part.type === 'field') {
      if (typeof part.value !== 'string') continue;
      fields[part.fieldname] = part.value;
      continue;
    }
    if (files.length >= limits.REPORT_MAX_FILES) {
      throw new AppError('REPORT_FILE_LIMIT', { max: limits.REPORT_MAX_FILES }, `Satu laporan memuat paling banyak ${limits.REPORT_MAX_FILES} berkas bukti.`);
    }
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { maxBytes: limits.REPORT_FILE_MAX_BYTES }, `Berkas bukti ke-${files.length + 1} terlalu besar (maksimal ${mb(limits.REPORT_FILE_MAX_BYTES)} per berkas).`);
    total += bytes.length;
    if (total > limits.REPORT_TOTAL_MAX_BYTES) throw new AppError('REPORT_FILE_LIMIT', { maxTotalBytes: limits.REPORT_TOTAL_MAX_BYTES }, `Ukuran seluruh berkas bukti melebihi ${mb(limits.REPORT_TOTAL_MAX_BYTES)}.`);
    if (bytes.length > 0) files.push(bytes);
  }
  return { fields, files };
}

/** The `report` field parsed and validated with the shared contract. */
export function parseReportField(raw: string | undefined): z.infer<typeof ReportInput> {
  if (!raw) throw new AppError('VALIDATION_FAILED', { report: 'Isian laporan tidak ada.' });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', { report: 'Isian laporan bukan JSON yang sah.' }, 'Isian laporan rusak (bukan JSON yang sah). Muat ulang formulir lalu kirim lagi.');
  }
  const parsed = ReportInput.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
    const minimum = issues.some((i) => i.path === '/reported/name');
    throw new AppError(minimum ? 'REPORT_INCOMPLETE' : 'VALIDATION_FAILED', { issues }, minimum ? 'Isi nama pegawai yang dilaporkan atau pilih jenis perbuatan, dan uraikan kejadiannya.' : undefined);
  }
  return parsed.data;
}
