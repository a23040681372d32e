/**
 * Penanganan: the violation catalogue, the Satgas decree, working-day calendar, and cases with their
 * append-only event history. Nothing here is ever deleted: withdrawals and corrections are new events;
 * a case's row holds only the current projection (state, due date, version for optimistic locking).
 */
import { sql } from 'drizzle-orm';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import type { CaseOrigin, CaseState, CatalogueList, CloseReason, SatgasPosition, SubjectTrack, Tier } from '../../../shared/case-workflow.js';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, unique, uuid } from './columns.js';
import { storedFile } from './pledges.js';
import { tenant } from './tenants.js';

/** A published version of the violation catalogue (SKB 2022 and later). A case keeps the version it was decided under. */
export const violationCatalogue = pgTable(
  'violation_catalogue',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** Why this version exists (e.g. "SKB 2022 sebagaimana diedarkan 2024"). */
    note: text('note'),
    isCurrent: boolean('is_current').notNull().default(false),
    publishedBy: uuid('published_by'),
    publishedAt: timestamptz('published_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.id] }), unique('violation_catalogue_version_key').on(t.tenantId, t.version)],
);

/** One item of a catalogue version (KE-1…KE-7, D-1…D-13, PP94 n.1…n.7). */
export const violationItem = pgTable(
  'violation_item',
  {
    tenantId: uuid('tenant_id').notNull(),
    catalogueId: uuid('catalogue_id').notNull(),
    code: text('code').notNull(),
    list: text('list').$type<CatalogueList>().notNull(),
    ordinal: integer('ordinal').notNull(),
    act: text('act').notNull(),
    examples: text('examples'),
    /** bakal_calon (before penetapan) | calon (on/after) | any */
    stage: text('stage').notNull(),
    tier: text('tier').$type<Tier>().notNull(),
    /** Where the tier comes from; sources disagree on some (domain §1.3 [!]). */
    tierSource: text('tier_source').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** Report act kinds (ACT_KINDS) this item is proposed for. */
    actKinds: text('act_kinds').array().notNull().default(sql`'{}'::text[]`),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.catalogueId, t.code] }),
    foreignKey({ columns: [t.tenantId, t.catalogueId], foreignColumns: [violationCatalogue.tenantId, violationCatalogue.id], name: 'violation_item_catalogue_fk' }),
  ],
);

/** The decree (SK Bupati/Sekda) forming a Satgas; a Pemda may add one per OPD (scopeUnitId). */
export const satgasDecree = pgTable(
  'satgas_decree',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** e.g. "Bupati Contoh" or "Sekretaris Daerah". */
    signerTitle: text('signer_title').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    scopeUnitId: uuid('scope_unit_id'),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const satgasMember = pgTable(
  'satgas_member',
  {
    tenantId: uuid('tenant_id').notNull(),
    decreeId: uuid('decree_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    position: text('position').$type<SatgasPosition>().notNull(),
    name: text('name').notNull(),
    /** Jabatan and origin as printed on letters, e.g. "Inspektur Pembantu II, Inspektorat". */
    title: text('title').notNull(),
    employeeId: uuid('employee_id'),
    /** The account that acts for this member in Netra (case handling is derived from it). */
    userId: uuid('user_id'),
    ordinal: integer('ordinal').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.decreeId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.decreeId], foreignColumns: [satgasDecree.tenantId, satgasDecree.id], name: 'satgas_member_decree_fk' }),
    index('satgas_member_user_idx').on(t.tenantId, t.userId),
  ],
);

/** Tenant days off beyond weekends and national holidays (cuti bersama, regional holidays). */
export const tenantHoliday = pgTable(
  'tenant_holiday',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    day: date('day', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    /** cuti_bersama | libur_daerah */
    kind: text('kind').notNull(),
    createdBy: uuid('created_by'),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.day] })],
);

/** Per-tenant case settings: step deadlines (working days), letter numbering, the PPK printed on letters. */
export const caseSettings = pgTable('case_settings', {
  tenantId: uuid('tenant_id').primaryKey().references(() => tenant.id),
  /** Working days per step; missing steps use DEFAULT_STEP_DAYS. */
  stepDays: jsonb('step_days').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  /** Working days between escalation levels (assignee → chair → PPK). */
  escalationGapDays: integer('escalation_gap_days').notNull().default(2),
  /** Tiers examined by a Tim Pemeriksa (null = the legal minimum, DEFAULT_EXAMINATION_TIERS). */
  examinationTiers: jsonb('examination_tiers').$type<string[]>(),
  /** Classification code in letter numbers, e.g. "800.1.6.4". */
  letterCode: text('letter_code').notNull().default('800.1.6.4'),
  /** Place printed in dates of letters ("Contoh, 3 Desember 2026"). */
  letterPlace: text('letter_place'),
  ppkTitle: text('ppk_title').notNull().default('Bupati'),
  ppkName: text('ppk_name'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** Monotonic counters per tenant and scope (case numbers per year, letter numbers per kind and year). */
export const tenantCounter = pgTable(
  'tenant_counter',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    scope: text('scope').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.scope] })],
);

/** A case: the current projection of its event history. */
export const caseFile = pgTable(
  'case_file',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    /** e.g. "KS-2026-0042": sequential per tenant and year (internal; never shown to reporters). */
    number: text('number').notNull(),
    origin: text('origin').$type<CaseOrigin>().notNull(),
    /** Incoming letter for Bawaslu/BKN origins: { number, date, from }. */
    originRef: jsonb('origin_ref').$type<{ number: string; date: string; from: string } | null>(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    state: text('state').$type<CaseState>().notNull(),
    closeReason: text('close_reason').$type<CloseReason>(),
    electionEventId: uuid('election_event_id'),
    electionContestId: uuid('election_contest_id'),
    actKind: text('act_kind'),
    actDate: date('act_date', { mode: 'string' }),
    discoveredOn: date('discovered_on', { mode: 'string' }),
    place: text('place'),
    /** The catalogue version the case is judged under (fixed at verification). */
    catalogueId: uuid('catalogue_id'),
    assigneeUserId: uuid('assignee_user_id'),
    /** Due date of the current step (tenant's working days); null when closed. */
    dueOn: date('due_on', { mode: 'string' }),
    stepStartedAt: timestamptz('step_started_at').notNull().defaultNow(),
    escalationLevel: integer('escalation_level').notNull().default(0),
    /** Forwarded: to whom and the state to return to. */
    external: jsonb('external').$type<{ target: string; letterNumber: string | null; returnTo: CaseState } | null>(),
    mergedInto: uuid('merged_into'),
    /**
     * The recommendation to the PPK (whom it was addressed to, when) and the PPK's decision, projected
     * from the `recommend` and `decide` events so the follow-up board does not aggregate the history.
     * One of each per case: recommend only from `recommendation`, decide only from `awaiting_ppk`.
     */
    ppkName: text('ppk_name'),
    recommendedAt: timestamptz('recommended_at'),
    decidedAt: timestamptz('decided_at'),
    /** Optimistic lock: every change increments it; a stale write is refused with CASE_CONFLICT. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    closedAt: timestamptz('closed_at'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('case_file_number_key').on(t.tenantId, t.number),
    index('case_file_state_due_idx').on(t.tenantId, t.state, t.dueOn),
    index('case_file_assignee_idx').on(t.tenantId, t.assigneeUserId, t.state),
    index('case_file_created_idx').on(t.tenantId, t.createdAt),
    // The Satgas inbox (open, overdue) walks the few thousand open cases in due-date order, not all cases.
    index('case_file_open_due_idx').on(t.tenantId, t.dueOn, t.id).where(sql`state <> 'closed'`),
    // "All" and "closed" list the most recently changed first.
    index('case_file_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    // PPK follow-up rates: an index-only scan of the recommended cases.
    index('case_file_ppk_idx').on(t.tenantId, t.ppkName, t.recommendedAt, t.decidedAt).where(sql`recommended_at is not null`),
    // Search by words of the title (word prefixes; trigram search would need the pg_trgm extension).
    index('case_file_title_search_idx').using('gin', sql`to_tsvector('simple', title)`),
  ],
);

/** A reported employee in a case (a case may concern several). Findings and the PPK's decision are per subject. */
export const caseSubject = pgTable(
  'case_subject',
  {
    tenantId: uuid('tenant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    employeeId: uuid('employee_id'),
    /** Snapshot at the time of the case (the master may change later). */
    name: text('name').notNull(),
    idNumber: text('id_number'),
    position: text('position'),
    unitId: uuid('unit_id'),
    unitName: text('unit_name'),
    category: text('category'),
    jabatanClass: text('jabatan_class'),
    track: text('track').$type<SubjectTrack>().notNull(),
    proposedItemCode: text('proposed_item_code'),
    itemCode: text('item_code'),
    tier: text('tier').$type<Tier>(),
    /** Required when the Satgas departs from Netra's proposal. */
    overrideReason: text('override_reason'),
    /** proven | not_proven */
    finding: text('finding'),
    findingReason: text('finding_reason'),
    recommendedTier: text('recommended_tier').$type<Tier>(),
    sanction: text('sanction'),
    skNumber: text('sk_number'),
    skDate: date('sk_date', { mode: 'string' }),
    /** Execution: { executedOn, note, idisRecordedOn } */
    followUp: jsonb('follow_up').$type<{ executedOn: string; note: string; idisRecordedOn: string | null } | null>(),
    addedAt: timestamptz('added_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [caseFile.tenantId, caseFile.id], name: 'case_subject_case_fk' }),
    index('case_subject_employee_idx').on(t.tenantId, t.employeeId),
    // Search by a subject's NIP/NIK (exact) and by words of their name (prefixes).
    index('case_subject_id_number_idx').on(t.tenantId, t.idNumber),
    index('case_subject_name_search_idx').using('gin', sql`to_tsvector('simple', name)`),
  ],
);

/** The append-only history of a case. `correctsSeq` marks a correction of an earlier event (never an edit). */
export const caseEvent = pgTable(
  'case_event',
  {
    tenantId: uuid('tenant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    fromState: text('from_state').$type<CaseState>(),
    toState: text('to_state').$type<CaseState>(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    at: timestamptz('at').notNull().defaultNow(),
    reason: text('reason'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    correctsSeq: integer('corrects_seq'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.seq] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [caseFile.tenantId, caseFile.id], name: 'case_event_case_fk' }),
  ],
);

/** Satgas members kept away from a case (conflict of interest: unit chain or superior of a subject). */
export const caseExclusion = pgTable(
  'case_exclusion',
  {
    tenantId: uuid('tenant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    reason: text('reason').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [caseFile.tenantId, caseFile.id], name: 'case_exclusion_case_fk' }),
    index('case_exclusion_user_idx').on(t.tenantId, t.userId),
  ],
);

/** Evidence attached to a case: from a linked report, uploaded by the Satgas, or a monitoring capture. */
export const caseEvidence = pgTable(
  'case_evidence',
  {
    tenantId: uuid('tenant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** report | upload | capture */
    source: text('source').notNull(),
    fileId: uuid('file_id'),
    reportId: uuid('report_id'),
    /** For monitoring captures (issue 6). */
    captureId: uuid('capture_id'),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type'),
    size: integer('size'),
    description: text('description').notNull(),
    addedBy: uuid('added_by'),
    addedAt: timestamptz('added_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [caseFile.tenantId, caseFile.id], name: 'case_evidence_case_fk' }),
  ],
);

/** A numbered letter or record generated from case data (kept; a re-issue is a new row). */
export const caseDocument = pgTable(
  'case_document',
  {
    tenantId: uuid('tenant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    subjectId: uuid('subject_id'),
    /** The event that produced it. */
    eventSeq: integer('event_seq'),
    fileId: uuid('file_id').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.caseId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [caseFile.tenantId, caseFile.id], name: 'case_document_case_fk' }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [storedFile.tenantId, storedFile.id], name: 'case_document_file_fk' }),
  ],
);

/** In-app notifications (escalations, assignments); e-mail goes through mail_message as well. */
export const notification = pgTable(
  'notification',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    caseId: uuid('case_id'),
    /** Idempotency: one notification per key (e.g. "escalate:<case>:<level>:<user>"). */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    readAt: timestamptz('read_at'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('notification_user_idx').on(t.tenantId, t.userId, t.createdAt),
    unique('notification_dedupe_key').on(t.tenantId, t.dedupeKey),
  ],
);
