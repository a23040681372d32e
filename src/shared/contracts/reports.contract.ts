/**
 * Pengaduan: the public and internal reporting form, the receipt portal and the Satgas inbox.
 * Text fields are stored exactly as typed (HTML included) and always rendered escaped.
 */
import { z } from 'zod';
import { pageOf } from './common.js';

const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().max(max);
const Optional = (max: number) => Text(max).nullable().optional();

export const IDENTITY_MODES = ['anonim', 'rahasia', 'terbuka'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];
export const IDENTITY_MODE_LABELS: Record<IdentityMode, string> = {
  anonim: 'Anonim: tanpa identitas sama sekali',
  rahasia: 'Rahasia: identitas hanya untuk Satgas',
  terbuka: 'Terbuka',
};

export const REPORT_CHANNELS = ['web_publik', 'web_internal', 'surat', 'whatsapp', 'sp4n_lapor', 'datang_langsung'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
/** Channels staff record when they enter a report received outside the web form. */
export const STAFF_CHANNELS = ['surat', 'whatsapp', 'sp4n_lapor', 'datang_langsung'] as const;
export const CHANNEL_LABELS: Record<ReportChannel, string> = {
  web_publik: 'Formulir publik',
  web_internal: 'Formulir internal (pegawai)',
  surat: 'Surat',
  whatsapp: 'WhatsApp',
  sp4n_lapor: 'Disposisi SP4N-LAPOR!',
  datang_langsung: 'Datang langsung',
};

export const REPORT_STATUSES = ['baru', 'diverifikasi', 'ditindaklanjuti', 'ditolak', 'selesai', 'duplikat'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const STATUS_LABELS: Record<ReportStatus, string> = {
  baru: 'Baru diterima',
  diverifikasi: 'Sedang diverifikasi',
  ditindaklanjuti: 'Ditindaklanjuti',
  ditolak: 'Tidak dapat ditindaklanjuti',
  selesai: 'Selesai',
  duplikat: 'Digabung dengan laporan lain',
};

/** Plain-language kinds of act, built from the SKB 2022 catalogue and PP 94/2021 Pasal 5 huruf n (domain §1). */
export const ACT_KINDS = [
  'kampanye_media_sosial',
  'ikut_kampanye',
  'foto_gestur',
  'atribut_peserta',
  'penggunaan_fasilitas',
  'keputusan_menguntungkan',
  'mobilisasi_asn',
  'dukungan_ktp',
  'politik_uang',
  'mencalonkan_diri',
  'lainnya',
] as const;
export type ActKind = (typeof ACT_KINDS)[number];
export const ACT_KIND_LABELS: Record<ActKind, string> = {
  kampanye_media_sosial: 'Mengunggah, menyukai, mengomentari atau menyebarkan konten kampanye di media sosial',
  ikut_kampanye: 'Ikut kampanye, rapat umum atau deklarasi calon',
  foto_gestur: 'Berfoto dengan calon atau memakai gestur/simbol dukungan',
  atribut_peserta: 'Memakai atau memasang atribut partai/calon',
  penggunaan_fasilitas: 'Memakai fasilitas atau anggaran kantor untuk kepentingan calon',
  keputusan_menguntungkan: 'Membuat keputusan atau kegiatan yang menguntungkan calon',
  mobilisasi_asn: 'Mengajak atau mengarahkan pegawai/warga untuk mendukung calon',
  dukungan_ktp: 'Memberi dukungan dengan fotokopi KTP/Surat Keterangan Tanda Penduduk',
  politik_uang: 'Membagikan uang, barang atau janji untuk memilih calon',
  mencalonkan_diri: 'Mendaftar atau mencalonkan diri tanpa mengundurkan diri',
  lainnya: 'Lainnya',
};

/** Warnings never refuse a report; they tell the reporter what the Satgas will miss. */
export const WARNING_CODES = ['late_for_bawaslu', 'missing_who', 'missing_what', 'missing_when', 'dates_out_of_order'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];
export const WARNING_MESSAGES: Record<WarningCode, string> = {
  late_for_bawaslu: 'Pelanggaran diketahui lebih dari 7 hari yang lalu: Bawaslu hanya menerima laporan paling lambat 7 hari sejak diketahui. Satgas tetap dapat menanganinya melalui jalur kepegawaian.',
  missing_who: 'Nama pegawai yang dilaporkan belum diisi; tanpa itu laporan sulit ditindaklanjuti.',
  missing_what: 'Jenis perbuatan belum dipilih.',
  missing_when: 'Tanggal kejadian belum diisi.',
  dates_out_of_order: 'Tanggal diketahui lebih awal dari tanggal kejadian. Periksa kembali kedua tanggal.',
};

export const ReporterIdentity = z.object({
  /** Full name (rahasia: sealed; terbuka: shown to the Satgas). */
  name: Text(200).min(2),
  /** NIK (16 digits) as on the KTP. */
  nik: z.string().trim().regex(/^\d{16}$/, 'NIK harus 16 angka').nullable().optional(),
  address: Optional(500),
  occupation: Optional(200),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'nomor telepon tidak valid').nullable().optional(),
  email: z.email().max(200).nullable().optional(),
});

export const ReportedPersonInput = z.object({
  /** Name of the ASN reported (free text). */
  name: Optional(200),
  /** Their unit or agency, e.g. "Dinas Pendidikan". */
  agency: Optional(200),
  position: Optional(200),
  /** NIP or NIK when known. */
  idNumber: z.string().trim().regex(/^\d{16,18}$/, 'NIP/NIK harus 16–18 angka').nullable().optional(),
});

/**
 * The form. Minimum: a description, and either the reported person's name or the kind of act
 * (an anonymous tip with neither is not actionable). Everything else only raises warnings.
 */
export const ReportInput = z
  .object({
    identityMode: z.enum(IDENTITY_MODES),
    /** Required for rahasia and terbuka; refused for anonim (so nothing identifying is kept by mistake). */
    reporter: ReporterIdentity.nullable().optional(),
    /** Optional e-mail for "ada pembaruan" notices only (sealed unless terbuka). */
    contactEmail: z.email().max(200).nullable().optional(),
    reported: ReportedPersonInput.default({}),
    actKind: z.enum(ACT_KINDS).nullable().optional(),
    actKindOther: Optional(300),
    electionEventId: z.uuid().nullable().optional(),
    electionContestId: z.uuid().nullable().optional(),
    actDate: IsoDate.nullable().optional(),
    /** When the reporter learnt of it: Bawaslu accepts reports within 7 days of this date. */
    discoveredOn: IsoDate.nullable().optional(),
    place: Optional(300),
    /** What happened, in the reporter's words. */
    description: Text(10_000).min(10, 'Uraian kejadian minimal 10 karakter'),
    /** Links to posts or pages (they get deleted: keep screenshots too). */
    links: z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(20).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.identityMode === 'anonim' && v.reporter) ctx.addIssue({ code: 'custom', path: ['reporter'], message: 'Laporan anonim tidak memuat identitas pelapor' });
    if (v.identityMode !== 'anonim' && !v.reporter) ctx.addIssue({ code: 'custom', path: ['reporter'], message: 'Isi identitas pelapor, atau pilih anonim' });
    if (!v.reported.name && !v.actKind) ctx.addIssue({ code: 'custom', path: ['reported', 'name'], message: 'Isi nama pegawai yang dilaporkan atau pilih jenis perbuatan' });
    if (v.actKind === 'lainnya' && !v.actKindOther) ctx.addIssue({ code: 'custom', path: ['actKindOther'], message: 'Jelaskan jenis perbuatan lainnya' });
  });
export type ReportInputT = z.infer<typeof ReportInput>;

/** A report received elsewhere, entered by staff with its channel and day of receipt. */
export const StaffEntryBody = z.object({
  channel: z.enum(STAFF_CHANNELS),
  receivedOn: IsoDate,
  report: ReportInput,
});

export const Warning = z.object({ code: z.enum(WARNING_CODES), message: z.string() });

/** Shown once: the key is never stored in the clear and cannot be recovered. */
export const SubmitResult = z.object({
  number: z.string(),
  /** 20 characters in groups of four; with the number it opens the receipt portal. */
  receiptKey: z.string(),
  receivedOn: IsoDate,
  warnings: z.array(Warning),
});

export const PowChallenge = z.object({ parameters: z.record(z.string(), z.unknown()), signature: z.string().optional() });

export const ReceiptCredentials = z.object({
  /** Instansi slug; optional on a single-instansi installation. */
  tenant: z.string().trim().max(100).optional(),
  number: z.string().trim().min(4).max(40),
  key: z.string().trim().min(10).max(60),
});
export const ReceiptLoginBody = ReceiptCredentials.extend({ altcha: z.string().max(10_000) });

export const ReportMessage = z.object({ seq: z.number().int(), direction: z.enum(['to_reporter', 'from_reporter']), body: z.string(), sentOn: IsoDate });

/** What the reporter sees: status and the conversation, nothing about who handles it. */
export const ReceiptView = z.object({
  number: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  receivedOn: IsoDate,
  messages: z.array(ReportMessage),
  evidenceCount: z.number().int(),
  maxFiles: z.number().int(),
});

export const MessageBody = z.object({ body: Text(5000).min(1) });

export const InboxQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  channel: z.enum(REPORT_CHANNELS).optional(),
  identityMode: z.enum(IDENTITY_MODES).optional(),
  actKind: z.enum(ACT_KINDS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Words in the description or the reported person's name. */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const InboxItem = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(REPORT_STATUSES),
  channel: z.enum(REPORT_CHANNELS),
  identityMode: z.enum(IDENTITY_MODES),
  actKind: z.enum(ACT_KINDS).nullable(),
  reportedName: z.string().nullable(),
  receivedOn: IsoDate,
  warnings: z.array(z.string()),
  /** Day of the reporter's latest reply or evidence. */
  reporterActivityOn: IsoDate.nullable(),
});
export const InboxList = pageOf(InboxItem);

export const EvidenceFile = z.object({
  fileId: z.uuid(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  fromReporter: z.boolean(),
  addedOn: IsoDate,
  /** A re-encoded copy without metadata exists (images). */
  hasCleanCopy: z.boolean(),
  /**
   * The clean copy: `ready`; `processing` (an image whose copy the job has not made yet); `failed` (an
   * image the job cannot decode: no copy will ever exist, staff download the original); `none` (PDF, video).
   */
  cleanCopy: z.enum(['ready', 'processing', 'failed', 'none']),
});

export const RevealView = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  reportNumber: z.string(),
  requestedBy: z.string(),
  /** True when the signed-in user made this request (only they may read an approved identity). */
  isMine: z.boolean(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const ReportDetail = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(REPORT_STATUSES),
  channel: z.enum(REPORT_CHANNELS),
  identityMode: z.enum(IDENTITY_MODES),
  /** terbuka only; a rahasia identity is never part of this view (see the reveal endpoints). */
  reporterOpen: ReporterIdentity.nullable(),
  hasSealedIdentity: z.boolean(),
  hasContact: z.boolean(),
  reported: ReportedPersonInput,
  reportedEmployeeId: z.uuid().nullable(),
  actKind: z.enum(ACT_KINDS).nullable(),
  actKindOther: z.string().nullable(),
  electionEventId: z.uuid().nullable(),
  electionContestId: z.uuid().nullable(),
  actDate: IsoDate.nullable(),
  discoveredOn: IsoDate.nullable(),
  place: z.string().nullable(),
  description: z.string(),
  links: z.array(z.string()),
  warnings: z.array(Warning),
  receivedOn: IsoDate,
  duplicateOf: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  caseId: z.uuid().nullable(),
  handover: z.object({ at: z.iso.datetime(), note: z.string().nullable() }).nullable(),
  files: z.array(EvidenceFile),
  messages: z.array(ReportMessage),
  notes: z.array(z.object({ id: z.uuid(), body: z.string(), author: z.string(), createdAt: z.iso.datetime() })),
  reveals: z.array(RevealView),
  can: z.record(z.string(), z.boolean()),
});

export const ReportIdParams = z.object({ id: z.uuid() });
export const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const FileQuery = z.object({ variant: z.enum(['clean', 'original']).default('clean') });
export const StatusBody = z.object({ status: z.enum(['diverifikasi', 'ditindaklanjuti', 'ditolak', 'selesai']), note: Optional(2000) });
export const DuplicateBody = z.object({ duplicateOfNumber: z.string().trim().min(4).max(40) });
export const TriageBody = z.object({ reportedEmployeeId: z.uuid().nullable() });
export const NoteBody = z.object({ body: Text(5000).min(1) });
export const HandoverBody = z.object({ note: Optional(2000) });
export const RevealRequestBody = z.object({ reason: Text(2000).min(20, 'Alasan minimal 20 karakter') });
export const RevealDecisionBody = z.object({ approve: z.boolean(), note: Optional(2000) });
export const RevealList = z.object({ items: z.array(RevealView) });
export const RevealIdentity = ReporterIdentity.extend({ readVia: z.uuid() });

/** What the public form needs before submitting: elections to pick from and the file limits. */
export const PublicReportOptions = z.object({
  elections: z.array(z.object({ id: z.uuid(), name: z.string(), contests: z.array(z.object({ id: z.uuid(), name: z.string() })) })),
  limits: z.object({ maxFiles: z.number().int(), maxFileBytes: z.number().int(), maxTotalBytes: z.number().int(), types: z.array(z.string()) }),
});
export const PublicReportOptionsQuery = z.object({ tenant: z.string().max(64).optional() });
