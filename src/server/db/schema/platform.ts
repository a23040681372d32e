import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uuid } from './columns.js';
import { tenant } from './tenants.js';

/** Outgoing e-mail. Without SMTP it stays here and shows on the dev outbox page. */
export const mailMessage = pgTable(
  'mail_message',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** Cleared after SMTP delivery when the body carries a secret (one-time codes). */
    body: text('body'),
    /** queued | sent | failed | outbox */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /**
     * The recipient is a protected reporter: the address is replaced once delivered, never shown on the
     * dev outbox page, and erased by the retention job if it was never delivered.
     */
    forgetRecipient: boolean('forget_recipient').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('mail_created_idx').on(t.tenantId, t.createdAt)],
);

/** An employee-master import: one uploaded file through validation to commit. */
export const importBatch = pgTable(
  'import_batch',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    /** uploaded | validating | validated | committing | committed | failed */
    status: text('status').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileSize: integer('file_size').notNull(),
    format: text('format').notNull(),
    storagePath: text('storage_path').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    options: jsonb('options').$type<Record<string, unknown>>(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    warningRows: integer('warning_rows').notNull().default(0),
    /** Progress of the running step, 0–100. */
    progress: integer('progress').notNull().default(0),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    failureMessage: text('failure_message'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('import_created_idx').on(t.tenantId, t.createdAt)],
);

/** A problem found in one cell of an import file (row numbers as the user sees them). */
export const importIssue = pgTable(
  'import_issue',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    rowNumber: integer('row_number').notNull(),
    /** error refuses the row; warning is kept on the employee record */
    severity: text('severity').notNull(),
    column: text('column'),
    value: text('value'),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.importId, t.seq] })],
);

/** Valid rows of a validated import, loaded by COPY, upserted in one statement at commit. */
export const importRow = pgTable(
  'import_row',
  {
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    idType: text('id_type').notNull(),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    sex: text('sex'),
    birthDate: text('birth_date'),
    category: text('category').notNull(),
    golonganScheme: text('golongan_scheme'),
    golongan: text('golongan'),
    jabatanName: text('jabatan_name'),
    jabatanClass: text('jabatan_class').notNull(),
    unitName: text('unit_name').notNull(),
    /** "parent|unit" name keys, to attach units created at commit. */
    unitKey: text('unit_key').notNull(),
    /** Resolved at validation for existing units, at commit for created ones. */
    unitId: uuid('unit_id'),
    parentUnitName: text('parent_unit_name'),
    supervisorIdNumber: text('supervisor_id_number'),
    email: text('email'),
    phone: text('phone'),
    warnings: jsonb('warnings').$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.importId, t.rowNumber] })],
);
