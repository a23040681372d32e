/**
 * The national/provincial roll-up: who may read other tenants' aggregates (oversight grants), and
 * the per-tenant daily figures the roll-up reads instead of 514 tenants' raw rows.
 */
import { sql } from 'drizzle-orm';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { date, index, integer, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from './columns.js';
import { tenant } from './tenants.js';

/**
 * An oversight tenant (a province over its kabupaten/kota, BKN or KASN nationally) may read the
 * aggregates of one other tenant, or of every tenant when `overseenTenantId` is null. Created and
 * revoked by the platform superadmin (audited); a revoked grant stays as history.
 */
export const oversightGrant = pgTable(
  'oversight_grant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    overseerTenantId: uuid('overseer_tenant_id').notNull().references(() => tenant.id),
    /** Null: every tenant of the platform. */
    overseenTenantId: uuid('overseen_tenant_id').references(() => tenant.id),
    /** Why, e.g. the regulation or agreement it rests on. */
    basis: text('basis'),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    revokedAt: timestamptz('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t): PgTableExtraConfigValue[] => [
    // One live grant per pair (and one live "all" per overseer).
    uniqueIndex('oversight_grant_live_key')
      .on(t.overseerTenantId, sql`coalesce(${t.overseenTenantId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`revoked_at is null`),
    index('oversight_grant_overseen_idx').on(t.overseenTenantId),
  ],
);

/**
 * One tenant's figures for one election as they stood on one day (the tenant's local date), written
 * by the refresh job: today's row is replaced on every refresh, earlier days stay as history.
 * `electionKey` identifies the same election across tenants (each tenant records its own event):
 * `kind:voting-day`, e.g. "pilkada:2026-12-09"; "*" is every election together (campaigns: the open
 * ones; cases: all). Counts only; nothing here names a person, a unit or a case.
 */
export const tenantDailyStats = pgTable(
  'tenant_daily_stats',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    electionKey: text('election_key').notNull(),
    statDate: date('stat_date', { mode: 'string' }).notNull(),
    /** The tenant's own name of the election (for the picker); null for "*". */
    electionName: text('election_name'),
    /** Active employees (the same on every key of a day). */
    employees: integer('employees').notNull(),
    campaigns: integer('campaigns').notNull(),
    signTarget: integer('sign_target').notNull(),
    signSigned: integer('sign_signed').notNull(),
    apelRequired: integer('apel_required').notNull(),
    apelReported: integer('apel_reported').notNull(),
    apelAccepted: integer('apel_accepted').notNull(),
    /** Cases (merged ones left out), then the same split by status group and by outcome. */
    cases: integer('cases').notNull(),
    casesReceived: integer('cases_received').notNull(),
    casesInProcess: integer('cases_in_process').notNull(),
    casesAwaitingPpk: integer('cases_awaiting_ppk').notNull(),
    casesFollowUp: integer('cases_follow_up').notNull(),
    casesClosed: integer('cases_closed').notNull(),
    outcomeExamining: integer('outcome_examining').notNull(),
    outcomeStopped: integer('outcome_stopped').notNull(),
    outcomeProven: integer('outcome_proven').notNull(),
    outcomeSanctioned: integer('outcome_sanctioned').notNull(),
    ppkRecommended: integer('ppk_recommended').notNull(),
    ppkDecided: integer('ppk_decided').notNull(),
    /** Calendar days the cases now awaiting the PPK have waited, summed (averages combine across tenants). */
    ppkWaitingDays: integer('ppk_waiting_days').notNull(),
    computedAt: timestamptz('computed_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.electionKey, t.statDate] })],
);
