/** Apel (ceremony) reports: each unit that must hold its own apel reports it to BKPSDM (domain §3.3). */
import { z } from 'zod';

const IsoDate = z.iso.date();

export const APEL_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ApelStatus = (typeof APEL_STATUSES)[number];

/** Present, or absent with the reason recorded in the daftar hadir. */
export const ATTENDANCE_STATUSES = ['hadir', 'cuti', 'sakit', 'dinas_luar', 'tanpa_keterangan'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** How each attendance status is written in the berita acara and on screen. */
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  hadir: 'Hadir',
  cuti: 'Cuti',
  sakit: 'Sakit',
  dinas_luar: 'Dinas Luar',
  tanpa_keterangan: 'Tanpa Keterangan',
};

export const APEL_PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const APEL_PHOTO_MAX_COUNT = 10;

const Name = z.string().trim().min(2).max(200);

const ApelFields = z.object({
  /** Date the apel was held, within the campaign (creation date … apel report deadline). */
  heldOn: IsoDate,
  /** Where it was held, e.g. "Halaman Kantor Dinas Pendidikan". */
  place: Name,
  /** Who led the apel (pembina apel). */
  leaderName: Name,
  /** Who read the ikrar aloud. */
  readerName: Name,
  /** Witnessing bodies or people, e.g. "Bawaslu Kabupaten", "KPU". */
  witnesses: z.array(Name).max(10),
  /** Free notes for BKPSDM. */
  notes: z.string().trim().max(2000).nullable(),
});

export const ApelCreateBody = ApelFields.extend({
  /** The unit holding the apel; its type must be one the campaign requires. */
  unitId: z.uuid(),
  witnesses: ApelFields.shape.witnesses.default([]),
  notes: ApelFields.shape.notes.default(null),
});
// No defaults: a PATCH changes only what it names.
export const ApelUpdateBody = ApelFields.partial();

export const AttendanceBody = z.object({
  /** Every member of the unit roster exactly once. */
  entries: z.array(z.object({ employeeId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) })).min(1).max(5000),
});

export const ReturnBody = z.object({ note: z.string().trim().min(5).max(2000) });

export const PhotoParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const RosterQuery = z.object({ unitId: z.uuid() });

export const AttendanceCounts = z.object({
  total: z.number().int(),
  hadir: z.number().int(),
  cuti: z.number().int(),
  sakit: z.number().int(),
  dinas_luar: z.number().int(),
  tanpa_keterangan: z.number().int(),
});

export const ApelSummary = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  status: z.enum(APEL_STATUSES),
  heldOn: z.string(),
  place: z.string(),
  leaderName: z.string(),
  readerName: z.string(),
  witnesses: z.array(z.string()),
  notes: z.string().nullable(),
  /** Berita acara number, assigned at the first submission. */
  number: z.string().nullable(),
  /** BKPSDM's note when the report was returned. */
  reviewNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
  counts: AttendanceCounts,
  photoCount: z.number().int(),
});

export const ApelView = ApelSummary.extend({
  attendance: z.array(z.object({ employeeId: z.uuid(), name: z.string(), idNumber: z.string(), jabatanName: z.string().nullable(), status: z.enum(ATTENDANCE_STATUSES) })),
  photos: z.array(z.object({ fileId: z.uuid(), url: z.string(), mimeType: z.string(), size: z.number().int(), capturedAt: z.string().nullable() })),
  /** Download link of the berita acara PDF once submitted. */
  beritaAcaraUrl: z.string().nullable(),
  /** What this actor may do now, so the UI never re-implements the workflow. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), accept: z.boolean(), return: z.boolean() }),
});

export const ApelList = z.object({ items: z.array(ApelSummary) });

/** The roster to fill attendance: active employees whose unit is exactly this unit. */
export const RosterView = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), unitType: z.string(), mustHoldApel: z.boolean() }),
  employees: z.array(z.object({ id: z.uuid(), name: z.string(), idNumber: z.string(), jabatanName: z.string().nullable() })),
});
