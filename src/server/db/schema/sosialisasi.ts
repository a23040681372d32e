/**
 * Sosialisasi: announcements (a Bupati's circular, rules material) sent to employees by unit, and
 * each employee's receipt of one — when they opened it and when they acknowledged it (after the short
 * quiz when the announcement asks for one).
 */
import { sql } from 'drizzle-orm';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamptz, uuid } from './columns.js';
import { tenant } from './tenants.js';

export const announcement = pgTable(
  'announcement',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    /** Plain text; paragraphs separated by blank lines. */
    body: text('body').notNull(),
    /** e.g. "SE Bupati Contoh Nomor 800.1/123/2026" (null for plain material). */
    reference: text('reference'),
    /** Units whose whole subtree receives it; empty = every employee of the instansi. */
    targetUnitIds: uuid('target_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Acknowledging needs the three-question quiz first. */
    hasQuiz: boolean('has_quiz').notNull().default(false),
    createdBy: uuid('created_by'),
    publishedAt: timestamptz('published_at').notNull().defaultNow(),
    /** E-mail every targeted employee who has an address (sent by a job, in batches). */
    notifyByEmail: boolean('notify_by_email').notNull().default(false),
    /**
     * Progress of the e-mail notices: employees are mailed in id order and the last id mailed is
     * saved in the same transaction as the queued mails, so a retried job resumes without a duplicate.
     */
    noticeCursor: uuid('notice_cursor'),
    noticesSent: integer('notices_sent').notNull().default(0),
    noticesWithoutEmail: integer('notices_without_email').notNull().default(0),
    noticesDoneAt: timestamptz('notices_done_at'),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.id] }), index('announcement_published_idx').on(t.tenantId, t.publishedAt)],
);

export const announcementReceipt = pgTable(
  'announcement_receipt',
  {
    tenantId: uuid('tenant_id').notNull(),
    announcementId: uuid('announcement_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    readAt: timestamptz('read_at').notNull().defaultNow(),
    acknowledgedAt: timestamptz('acknowledged_at'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.announcementId, t.employeeId] }),
    foreignKey({ columns: [t.tenantId, t.announcementId], foreignColumns: [announcement.tenantId, announcement.id], name: 'announcement_receipt_announcement_fk' }),
  ],
);
