/**
 * Pengaduan (reports of suspected ASN neutrality breaches). Reporter protection is in the shape of the
 * tables: no column holds an IP address, a user agent or a precise time of anything a reporter did
 * (only calendar dates); a rahasia identity and any reporter contact are envelope-encrypted text
 * (lib/sealed-box.ts); the receipt key is kept only as an argon2id hash.
 */
import { sql } from 'drizzle-orm';
import { check, type PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { boolean, bigint, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, unique, uuid } from './columns.js';
import { storedFile } from './pledges.js';
import { tenant } from './tenants.js';

/** What the public says about the reported person (free text: the public cannot browse the directory). */
export interface ReportedPerson {
  name: string | null;
  agency: string | null;
  position: string | null;
  idNumber: string | null;
}

/** A terbuka reporter's identity (stored in the clear because the reporter chose so). */
export interface OpenReporter {
  name: string;
  nik: string | null;
  address: string | null;
  occupation: string | null;
  phone: string | null;
  email: string | null;
}

export const report = pgTable(
  'report',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    /** Random human code, e.g. LP-7K3Q-9XZ2: never sequential, so it leaks neither volume nor timing. */
    number: text('number').notNull(),
    /** anonim | rahasia | terbuka */
    identityMode: text('identity_mode').notNull(),
    /** web_publik | web_internal | surat | whatsapp | sp4n_lapor | datang_langsung */
    channel: text('channel').notNull(),
    /** baru | diverifikasi | ditindaklanjuti | ditolak | selesai | duplikat */
    status: text('status').notNull().default('baru'),
    reporterOpen: jsonb('reporter_open').$type<OpenReporter>(),
    /** rahasia only: sealed JSON of the reporter's identity. */
    reporterSealed: text('reporter_sealed'),
    /** Optional e-mail for "ada pembaruan" notices; sealed unless the report is terbuka. */
    contactSealed: text('contact_sealed'),
    reported: jsonb('reported').$type<ReportedPerson>().notNull(),
    /** Set by the Satgas at triage when the reported person is found in the employee master. */
    reportedEmployeeId: uuid('reported_employee_id'),
    actKind: text('act_kind'),
    actKindOther: text('act_kind_other'),
    electionEventId: uuid('election_event_id'),
    electionContestId: uuid('election_contest_id'),
    actDate: date('act_date', { mode: 'string' }),
    /** The Bawaslu 7-day clock runs from the discovery date. */
    discoveredOn: date('discovered_on', { mode: 'string' }),
    place: text('place'),
    description: text('description').notNull(),
    links: text('links').array().notNull().default(sql`'{}'::text[]`),
    /** Warning codes raised at intake (late_for_bawaslu, missing_who, missing_what, missing_when, dates_out_of_order). */
    warnings: jsonb('warnings').$type<string[]>().notNull(),
    /** The day only: no precise time of a public submission is kept. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    receiptHash: text('receipt_hash').notNull(),
    duplicateOf: uuid('duplicate_of'),
    /** The case this report was handed over to (the case module sets it). */
    caseId: uuid('case_id'),
    /** "Serahkan ke penanganan": who asked and when (a staff action, so a precise time is fine). */
    handoverAt: timestamptz('handover_at'),
    handoverBy: uuid('handover_by'),
    handoverNote: text('handover_note'),
    /** Day of the reporter's latest reply or evidence, for the inbox's "balasan baru" marker. */
    reporterActivityOn: date('reporter_activity_on', { mode: 'string' }),
    /** Only for reports entered by staff from another channel; never for a web report. */
    createdBy: uuid('created_by'),
    /**
     * Retention tombstone (modules/retention): the day the sealed identity and contact were erased,
     * N months after the report or its case closed. Null while they are kept.
     */
    reporterErasedOn: date('reporter_erased_on', { mode: 'string' }),
    /** Retention tombstone: the day a rejected report's evidence files were deleted. */
    evidenceErasedOn: date('evidence_erased_on', { mode: 'string' }),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('report_tenant_number_key').on(t.tenantId, t.number),
    index('report_status_idx').on(t.tenantId, t.status, t.receivedOn),
    index('report_case_idx').on(t.tenantId, t.caseId),
  ],
);

/** An evidence file: the original kept (sealed, byte-exact, with its SHA-256) plus a clean viewing copy for images. */
export const reportFile = pgTable(
  'report_file',
  {
    tenantId: uuid('tenant_id').notNull(),
    reportId: uuid('report_id').notNull(),
    /** stored_file holding the original bytes (envelope-encrypted on disk). */
    fileId: uuid('file_id').notNull(),
    /** stored_file holding the re-encoded, metadata-free copy (images only). */
    viewFileId: uuid('view_file_id'),
    /**
     * The day (Pemda-local) the clean-copy job gave up on this image for good: its header passed at
     * intake but sharp cannot decode it even leniently. Null while a copy exists or may still be made;
     * set, the job and its sweep leave the file alone and staff download the original (audited).
     */
    cleanFailedOn: date('clean_failed_on', { mode: 'string' }),
    /** SHA-256 of the original bytes as received: the evidence fingerprint. */
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    fromReporter: boolean('from_reporter').notNull(),
    addedOn: date('added_on', { mode: 'string' }).notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.fileId] }),
    index('report_file_report_idx').on(t.tenantId, t.reportId),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [report.tenantId, report.id], name: 'report_file_report_fk' }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [storedFile.tenantId, storedFile.id], name: 'report_file_file_fk' }),
  ],
);

/** The two-way channel with the reporter. */
export const reportMessage = pgTable(
  'report_message',
  {
    tenantId: uuid('tenant_id').notNull(),
    reportId: uuid('report_id').notNull(),
    seq: integer('seq').notNull(),
    /** to_reporter | from_reporter */
    direction: text('direction').notNull(),
    body: text('body').notNull(),
    /** The Satgas member who wrote a to_reporter message; null for the reporter. */
    authorUserId: uuid('author_user_id'),
    /** The day only (both directions, so staff times do not bracket a reply). */
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.reportId, t.seq] }),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [report.tenantId, report.id], name: 'report_message_report_fk' }),
  ],
);

/** Internal notes: staff only, never shown to the reporter. */
export const reportNote = pgTable(
  'report_note',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [report.tenantId, report.id], name: 'report_note_report_fk' }),
  ],
);

/** Two-person rule for a rahasia identity: a Satgas member asks with a reason, a custodian decides. */
export const revealRequest = pgTable(
  'reveal_request',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    reason: text('reason').notNull(),
    /** pending | approved | rejected */
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [report.tenantId, report.id], name: 'reveal_request_report_fk' }),
    // The database itself refuses a self-approved reveal, whatever the service does.
    check('reveal_two_person', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`),
  ],
);
