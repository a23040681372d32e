/** Apel report rows → response contracts. */
import type { z } from 'zod';
import { ATTENDANCE_STATUSES, type ApelStatus, type ApelSummary, type ApelView, type AttendanceCounts, type AttendanceStatus } from '../../../shared/contracts/apel.contract.js';
import type { ApelReportWithUnit, AttendanceRow, PhotoRow } from './apel.repository.js';

type Counts = z.infer<typeof AttendanceCounts>;

/** Counts from per-status tallies (any order, statuses missing count as zero). */
export function countsFrom(tallies: { status: string; n: number }[]): Counts {
  const counts: Counts = { total: 0, hadir: 0, cuti: 0, sakit: 0, dinas_luar: 0, tanpa_keterangan: 0 };
  for (const t of tallies) {
    if (!ATTENDANCE_STATUSES.includes(t.status as AttendanceStatus)) continue;
    counts[t.status as AttendanceStatus] += Number(t.n);
    counts.total += Number(t.n);
  }
  return counts;
}

export function presentApelSummary(r: ApelReportWithUnit, counts: Counts, photoCount: number): z.infer<typeof ApelSummary> {
  return {
    id: r.id,
    campaignId: r.campaignId,
    unitId: r.unitId,
    unitName: r.unitName,
    status: r.status as ApelStatus,
    heldOn: r.heldOn,
    place: r.place,
    leaderName: r.leaderName,
    readerName: r.readerName,
    witnesses: r.witnesses,
    notes: r.notes,
    number: r.number,
    reviewNote: r.reviewNote,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    counts,
    photoCount,
  };
}

export function presentApelView(r: ApelReportWithUnit, attendance: AttendanceRow[], photos: PhotoRow[], can: z.infer<typeof ApelView>['can']): z.infer<typeof ApelView> {
  return {
    ...presentApelSummary(r, countsFrom(attendance.map((a) => ({ status: a.status, n: 1 }))), photos.length),
    attendance: attendance.map((a) => ({ employeeId: a.id, name: a.name, idNumber: a.idNumber, jabatanName: a.jabatanName, status: a.status as AttendanceStatus })),
    photos: photos.map((p) => ({ fileId: p.fileId, url: `/api/apel/${r.id}/photos/${p.fileId}`, mimeType: p.mimeType, size: p.size, capturedAt: p.capturedAt?.toISOString() ?? null })),
    beritaAcaraUrl: r.beritaAcaraFileId ? `/api/apel/${r.id}/berita-acara.pdf` : null,
    can,
  };
}
