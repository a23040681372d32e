/**
 * Pengawasan media sosial (issue 6). A captured post is evidence: its content lives in append-only
 * revisions (revision 1 is the original as captured; an edit adds a revision, and the database refuses
 * to change or delete any revision); `social_capture` holds the capture's identity, its review and the
 * projection of its current revision that the queue sorts and filters on. Files are sealed originals
 * with their SHA-256, as for pengaduan evidence. Only public posts are captured (UU 27/2022 PDP).
 */
import { sql } from 'drizzle-orm';
import { doublePrecision, type PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import type { CaptureActKind, Platform, ReviewStatus } from '../../../shared/contracts/monitoring.contract.js';
import { bigint, boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, unique, uniqueIndex, uuid } from './columns.js';
import { employee } from './organisation.js';
import { storedFile } from './pledges.js';
import { tenant } from './tenants.js';

/** A reason span as the screener gives it (offsets into the revision's text). */
export interface StoredReason {
  signal: 'partisan' | 'hate' | 'abusive' | 'hoax';
  start: number;
  end: number;
  text: string;
  why: string;
  rule: string;
}

/**
 * The watchlist of one election event (optionally one contest): candidates, pairs, parties, slogans,
 * hashtags, accounts and hoax claims in the documented JSON format `netra.watchlist/v1`. Every save is
 * a new version; exactly one version per scope is current.
 */
export const monitoringWatchlist = pgTable(
  'monitoring_watchlist',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    electionEventId: uuid('election_event_id').notNull(),
    electionContestId: uuid('election_contest_id'),
    /** "<event id>:<contest id or ->", so a unique key covers the event-wide watchlist too. */
    scopeKey: text('scope_key').notNull(),
    version: integer('version').notNull(),
    isCurrent: boolean('is_current').notNull().default(false),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    /** SHA-256 of the canonical JSON of the document. */
    sha256: text('sha256').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('monitoring_watchlist_version_key').on(t.tenantId, t.scopeKey, t.version),
    uniqueIndex('monitoring_watchlist_current_key').on(t.tenantId, t.scopeKey).where(sql`is_current`),
  ],
);

/** A bulk import of posts from a social-listening export (CSV or JSONL): status, progress, per-row issues. */
export const captureImport = pgTable(
  'capture_import',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    /** queued | running | done | refused | failed */
    status: text('status').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileSize: integer('file_size').notNull(),
    storagePath: text('storage_path').notNull(),
    /** csv | jsonl, known once the file is read. */
    format: text('format'),
    /** skip_invalid | all_or_nothing */
    mode: text('mode').notNull(),
    electionEventId: uuid('election_event_id'),
    electionContestId: uuid('election_contest_id'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    progress: integer('progress').notNull().default(0),
    /** The first 1,000 row problems: { row, column, message }. */
    issues: jsonb('issues').$type<{ row: number; column: string | null; message: string }[]>().notNull().default(sql`'[]'::jsonb`),
    failureMessage: text('failure_message'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.id] }), index('capture_import_created_idx').on(t.tenantId, t.createdAt)],
);

/** One captured post (or comment, like, share, follow, photo): identity, review, case, and the queue's projection. */
export const socialCapture = pgTable(
  'social_capture',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    /** form | import */
    source: text('source').notNull(),
    importId: uuid('import_id'),
    /** Row of the import file it came from. */
    importRow: integer('import_row'),
    capturedAt: timestamptz('captured_at').notNull().defaultNow(),
    capturedBy: uuid('captured_by'),
    /** The revision the fields below project (1 until the first edit). */
    currentRevision: integer('current_revision').notNull().default(1),
    platform: text('platform').$type<Platform>().notNull(),
    electionEventId: uuid('election_event_id'),
    employeeId: uuid('employee_id'),
    postedAt: timestamptz('posted_at').notNull(),
    score: doublePrecision('score').notNull(),
    /** pending | relevant | not_relevant | duplicate */
    reviewStatus: text('review_status').$type<ReviewStatus>().notNull().default('pending'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamptz('reviewed_at'),
    reviewReason: text('review_reason'),
    duplicateOf: uuid('duplicate_of'),
    /** The case opened from this capture ("Buka kasus"). */
    caseId: uuid('case_id'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // The review queue: riskiest first within a status.
    index('social_capture_queue_idx').on(t.tenantId, t.reviewStatus, t.score.desc(), t.capturedAt.desc()),
    index('social_capture_recent_idx').on(t.tenantId, t.capturedAt.desc()),
    index('social_capture_employee_idx').on(t.tenantId, t.employeeId),
    index('social_capture_import_idx').on(t.tenantId, t.importId),
    index('social_capture_case_idx').on(t.tenantId, t.caseId),
  ],
);

/**
 * The content of a capture, append-only: revision 1 is the original as captured, later revisions are
 * edits with their reason. Each revision keeps its own SHA-256 of the text and its screening result
 * (score, signals, reasons, model version, watchlist version), so every score can be reproduced.
 */
export const socialCaptureRevision = pgTable(
  'social_capture_revision',
  {
    tenantId: uuid('tenant_id').notNull(),
    captureId: uuid('capture_id').notNull(),
    revision: integer('revision').notNull(),
    platform: text('platform').$type<Platform>().notNull(),
    url: text('url').notNull(),
    accountHandle: text('account_handle').notNull(),
    accountName: text('account_name'),
    employeeId: uuid('employee_id'),
    employeeConfirmed: boolean('employee_confirmed').notNull().default(false),
    text: text('text').notNull(),
    /** SHA-256 (hex) of the UTF-8 bytes of `text`. */
    textSha256: text('text_sha256').notNull(),
    actKind: text('act_kind').$type<CaptureActKind>().notNull(),
    postedAt: timestamptz('posted_at').notNull(),
    electionEventId: uuid('election_event_id'),
    electionContestId: uuid('election_contest_id'),
    /** The watchlist version the text was screened with (null: none for this election). */
    watchlistId: uuid('watchlist_id'),
    score: doublePrecision('score').notNull(),
    signals: jsonb('signals').$type<{ partisan: number; hate: number; abusive: number; hoax: number }>().notNull(),
    pair: integer('pair'),
    pairLabel: text('pair_label'),
    /** The catalogue item Netra suggests (kode etik before penetapan calon, disiplin on/after). */
    itemCode: text('item_code'),
    itemList: text('item_list'),
    itemTier: text('item_tier'),
    itemReason: text('item_reason'),
    reasons: jsonb('reasons').$type<StoredReason[]>().notNull(),
    modelVersion: text('model_version').notNull(),
    editedBy: uuid('edited_by'),
    editedAt: timestamptz('edited_at').notNull().defaultNow(),
    /** Why it was edited; null for the original. */
    editReason: text('edit_reason'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.captureId, t.revision] }),
    foreignKey({ columns: [t.tenantId, t.captureId], foreignColumns: [socialCapture.tenantId, socialCapture.id], name: 'social_capture_revision_capture_fk' }),
    index('social_capture_revision_text_idx').on(t.tenantId, t.textSha256),
    index('social_capture_revision_url_idx').on(t.tenantId, t.url),
  ],
);

/** A screenshot or video of a capture: the sealed original with its SHA-256, and a clean copy of images. */
export const socialCaptureFile = pgTable(
  'social_capture_file',
  {
    tenantId: uuid('tenant_id').notNull(),
    captureId: uuid('capture_id').notNull(),
    fileId: uuid('file_id').notNull(),
    viewFileId: uuid('view_file_id'),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    addedInRevision: integer('added_in_revision').notNull().default(1),
    addedBy: uuid('added_by'),
    addedAt: timestamptz('added_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.fileId] }),
    index('social_capture_file_capture_idx').on(t.tenantId, t.captureId),
    foreignKey({ columns: [t.tenantId, t.captureId], foreignColumns: [socialCapture.tenantId, socialCapture.id], name: 'social_capture_file_capture_fk' }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [storedFile.tenantId, storedFile.id], name: 'social_capture_file_file_fk' }),
  ],
);

/**
 * The register of employees' declared public accounts, with the legal basis for keeping it: only
 * public posts are monitored (UU 27/2022 Pasal 20: processing needs a basis, here the legal duty of
 * the PPK and Satgas under the SKB 2022). A declared handle makes a strong employee suggestion.
 */
export const declaredAccount = pgTable(
  'declared_account',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    employeeId: uuid('employee_id').notNull(),
    platform: text('platform').$type<Platform>().notNull(),
    /** Without "@", as written. */
    handle: text('handle').notNull(),
    /** Lower-cased handle for matching. */
    handleKey: text('handle_key').notNull(),
    url: text('url'),
    legalBasis: text('legal_basis').notNull(),
    declaredOn: date('declared_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('declared_account_handle_key').on(t.tenantId, t.platform, t.handleKey),
    index('declared_account_employee_idx').on(t.tenantId, t.employeeId),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employee.tenantId, employee.id], name: 'declared_account_employee_fk' }),
  ],
);
