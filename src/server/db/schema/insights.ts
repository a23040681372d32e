/**
 * Official recaps as rows with a state: the Bupati's weekly recap, the periodic report for BKN and
 * Bawaslu, and the pledge/apel compliance recap — queued → running → done | failed, with progress,
 * the PDF and XLSX they produced, who asked and when. Kept: a recap can be downloaded later.
 */
import { sql } from 'drizzle-orm';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, unique, uuid } from './columns.js';
import { tenant } from './tenants.js';

export type RecapKind = 'bupati_weekly' | 'bkn_bawaslu_periodic' | 'compliance';
export type RecapStatus = 'queued' | 'running' | 'done' | 'failed';

/** What a recap covers. */
export interface RecapParams {
  eventId?: string | null;
  campaignId?: string | null;
  /** First and last day covered (YYYY-MM-DD, the instansi's zone). */
  from?: string | null;
  to?: string | null;
}

export const recapJob = pgTable(
  'recap_job',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<RecapKind>().notNull(),
    params: jsonb('params').$type<RecapParams>().notNull().default(sql`'{}'::jsonb`),
    status: text('status').$type<RecapStatus>().notNull().default('queued'),
    /** 0–100. */
    progress: integer('progress').notNull().default(0),
    pdfFileId: uuid('pdf_file_id'),
    xlsxFileId: uuid('xlsx_file_id'),
    /** Scheduled recaps: one per tenant and key (e.g. "bupati_weekly:<event>:2026-W47"), so a restart or a second server cannot double them. */
    scheduleKey: text('schedule_key'),
    /** Null for a scheduled recap. */
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
    /** Why it failed, in words a user can act on. */
    error: text('error'),
    /** When the recipients were told it is ready (once). */
    notifiedAt: timestamptz('notified_at'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('recap_job_created_idx').on(t.tenantId, t.createdAt),
    unique('recap_job_schedule_key').on(t.tenantId, t.scheduleKey),
  ],
);

/** Per-instansi recap settings: the weekly recap during the campaign period and who is told. */
export const recapSetting = pgTable('recap_setting', {
  tenantId: uuid('tenant_id').primaryKey().references(() => tenant.id),
  weeklyEnabled: boolean('weekly_enabled').notNull().default(true),
  /** E-mail addresses told when a scheduled recap is ready (a link; the figures stay in Netra). */
  recipients: text('recipients').array().notNull().default(sql`'{}'::text[]`),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});
