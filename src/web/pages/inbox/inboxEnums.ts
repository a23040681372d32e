/** Status and channel values of the shared contract, as plain lists (see report/reportForm.ts for why). */
import type { ReportChannel, ReportStatus } from '../../../shared/contracts/reports.contract.js';

export const STATUSES = ['baru', 'diverifikasi', 'ditindaklanjuti', 'ditolak', 'selesai', 'duplikat'] as const satisfies readonly ReportStatus[];
export const CHANNELS = ['web_publik', 'web_internal', 'surat', 'whatsapp', 'sp4n_lapor', 'datang_langsung'] as const satisfies readonly ReportChannel[];
export const STAFF_CHANNELS = ['surat', 'whatsapp', 'sp4n_lapor', 'datang_langsung'] as const satisfies readonly ReportChannel[];
/** Statuses staff may set (StatusBody). */
export const SETTABLE_STATUSES = ['diverifikasi', 'ditindaklanjuti', 'ditolak', 'selesai'] as const satisfies readonly ReportStatus[];

export const STATUS_COLORS: Record<ReportStatus, string> = {
  baru: 'blue', diverifikasi: 'cyan', ditindaklanjuti: 'orange', ditolak: 'gray', selesai: 'teal', duplikat: 'grape',
};
const allStatuses: Exclude<ReportStatus, (typeof STATUSES)[number]> extends never ? true : never = true;
const allChannels: Exclude<ReportChannel, (typeof CHANNELS)[number]> extends never ? true : never = true;
void allStatuses;
void allChannels;
