import { sql } from 'drizzle-orm';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import type { EmployeeCategory } from '../../../shared/enums.js';
import { bigint, boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, unique, uniqueIndex, uuid } from './columns.js';
import { employee, unit } from './organisation.js';
import { tenant } from './tenants.js';

/** A file kept in the file store (DATA_DIR/files): photos, paper scans, generated PDFs. */
export const storedFile = pgTable(
  'stored_file',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    /** What the file is for: pledge_pdf | paper_scan | apel_photo | berita_acara | export */
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storagePath: text('storage_path').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('stored_file_sha_idx').on(t.tenantId, t.sha256)],
);

/** A Pemilu or Pilkada with its calendar of stages. */
export const electionEvent = pgTable(
  'election_event',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    /** pemilu | pilkada */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Stages: [{ kind, startsOn, endsOn }] with kind tahapan_mulai | pendaftaran_calon | penetapan_calon | kampanye | pemungutan_suara | selesai */
    stages: jsonb('stages').$type<{ kind: string; startsOn: string; endsOn: string | null }[]>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** One contest of an event (e.g. Pemilihan Bupati); its penetapan calon date separates ethics from discipline. */
export const electionContest = pgTable(
  'election_contest',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    /** presiden | dpr | dpd | dprd_provinsi | dprd_kabkota | gubernur | bupati_walikota */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    penetapanCalonOn: date('penetapan_calon_on', { mode: 'string' }).notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.eventId], foreignColumns: [electionEvent.tenantId, electionEvent.id], name: 'contest_event_fk' }).onDelete('cascade'),
  ],
);

/** A pledge campaign: ikrar + pakta for one event, a target population, deadlines and the apel cascade. */
export const pledgeCampaign = pgTable(
  'pledge_campaign',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    eventId: uuid('event_id').notNull(),
    name: text('name').notNull(),
    /** draft | open | closed */
    status: text('status').notNull().default('draft'),
    /** Empty lists mean everyone active. */
    targetCategories: text('target_categories').array().$type<EmployeeCategory[]>().notNull().default(sql`'{}'::text[]`),
    targetUnitIds: uuid('target_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    signDeadline: date('sign_deadline', { mode: 'string' }).notNull(),
    /** Unit types that must hold their own apel and report it, e.g. {dinas,badan,kecamatan,kelurahan,uptd}. */
    apelUnitTypes: text('apel_unit_types').array().notNull().default(sql`'{}'::text[]`),
    apelReportDeadline: date('apel_report_deadline', { mode: 'string' }),
    /** City printed on documents (tempat penandatanganan). */
    signingPlace: text('signing_place').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.eventId], foreignColumns: [electionEvent.tenantId, electionEvent.id], name: 'campaign_event_fk' }),
  ],
);

/** A version of the ikrar or pakta text; editing after signatures exist adds a version. */
export const pledgeTemplate = pgTable(
  'pledge_template',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    /** ikrar | pakta */
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    isCurrent: boolean('is_current').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('pledge_template_version_key').on(t.tenantId, t.campaignId, t.kind, t.version),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [pledgeCampaign.tenantId, pledgeCampaign.id], name: 'template_campaign_fk' }),
  ],
);

/** One employee's signed ikrar + pakta for a campaign (online or recorded from paper). */
export const pledgeSignature = pgTable(
  'pledge_signature',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    ikrarTemplateId: uuid('ikrar_template_id').notNull(),
    paktaTemplateId: uuid('pakta_template_id').notNull(),
    /** online | paper */
    method: text('method').notNull(),
    /** Identity block as shown and signed (nama, NIP, pangkat/golongan, jabatan, unit). */
    identity: jsonb('identity').$type<Record<string, string>>().notNull(),
    typedName: text('typed_name').notNull(),
    /** Optional drawn signature as a PNG data URL (size-limited). */
    drawnSignature: text('drawn_signature'),
    /** SHA-256 of the exact canonical text signed. */
    textSha256: text('text_sha256').notNull(),
    signedAt: timestamptz('signed_at').notNull(),
    /** Ed25519 signature (base64) of the server over the record. */
    serverSignature: text('server_signature').notNull(),
    keyId: text('key_id').notNull(),
    /** For paper: the date written on the paper, the scan and who recorded it. */
    paperSignedOn: date('paper_signed_on', { mode: 'string' }),
    paperScanFileId: uuid('paper_scan_file_id'),
    recordedBy: uuid('recorded_by'),
    pdfFileId: uuid('pdf_file_id'),
    pdfSha256: text('pdf_sha256'),
    revokedAt: timestamptz('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // One live signature per employee and campaign; a revoked one (e.g. recorded for the wrong person) frees the place.
    uniqueIndex('pledge_signature_once_key').on(t.tenantId, t.campaignId, t.employeeId).where(sql`revoked_at is null`),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [pledgeCampaign.tenantId, pledgeCampaign.id], name: 'signature_campaign_fk' }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employee.tenantId, employee.id], name: 'signature_employee_fk' }),
    index('pledge_signature_id_idx').on(t.id),
    index('pledge_signature_pdf_idx').on(t.pdfSha256),
  ],
);

/** An employee's report that their master data is wrong (seen while signing). */
export const dataCorrection = pgTable(
  'data_correction',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    employeeId: uuid('employee_id').notNull(),
    campaignId: uuid('campaign_id'),
    message: text('message').notNull(),
    /** open | resolved */
    status: text('status').notNull().default('open'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    resolvedAt: timestamptz('resolved_at'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employee.tenantId, employee.id], name: 'correction_employee_fk' }),
  ],
);

/** A unit's own apel for a campaign, reported to BKPSDM with its berita acara. */
export const apelReport = pgTable(
  'apel_report',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** draft | submitted | accepted | returned */
    status: text('status').notNull().default('draft'),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    leaderName: text('leader_name').notNull(),
    readerName: text('reader_name').notNull(),
    witnesses: jsonb('witnesses').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    notes: text('notes'),
    /** Berita acara number, assigned at submission. */
    number: text('number'),
    beritaAcaraFileId: uuid('berita_acara_file_id'),
    reviewNote: text('review_note'),
    submittedAt: timestamptz('submitted_at'),
    submittedBy: uuid('submitted_by'),
    reviewedAt: timestamptz('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('apel_report_unit_key').on(t.tenantId, t.campaignId, t.unitId),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [pledgeCampaign.tenantId, pledgeCampaign.id], name: 'apel_campaign_fk' }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [unit.tenantId, unit.id], name: 'apel_unit_fk' }),
  ],
);

/** Attendance at an apel: hadir, or absent with a reason. */
export const apelAttendance = pgTable(
  'apel_attendance',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    reportId: uuid('report_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    /** hadir | cuti | sakit | dinas_luar | tanpa_keterangan */
    status: text('status').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.reportId, t.employeeId] }),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [apelReport.tenantId, apelReport.id], name: 'attendance_report_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employee.tenantId, employee.id], name: 'attendance_employee_fk' }),
  ],
);

export const apelPhoto = pgTable(
  'apel_photo',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    reportId: uuid('report_id').notNull(),
    fileId: uuid('file_id').notNull(),
    /** Capture time kept from EXIF (everything else in the metadata is stripped). */
    capturedAt: timestamptz('captured_at'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.reportId, t.fileId] }),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [apelReport.tenantId, apelReport.id], name: 'photo_report_fk' }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [storedFile.tenantId, storedFile.id], name: 'photo_file_fk' }),
  ],
);

/** One row per reminder sent, so a person never gets more than one a day. */
export const reminderLog = pgTable(
  'reminder_log',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    campaignId: uuid('campaign_id').notNull(),
    /** sign | apel_report */
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    sentAt: timestamptz('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.campaignId, t.kind, t.recipient, t.sentOn] })],
);
