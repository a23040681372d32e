/**
 * Pre-aggregated per-unit counts behind the tenant dashboards (compliance tree, the case dashboard's
 * pledge section, sosialisasi rates): one row per (tenant, campaign, unit) and per (tenant,
 * announcement, unit), so a dashboard reads ~units rows instead of joining every employee to every
 * signature or receipt. Refreshed by `modules/unit-stats` for a scope whose rows changed.
 *
 * Change detection: statement-level triggers on employee, unit, pledge_campaign, pledge_signature,
 * announcement and announcement_receipt (migration 0015) insert one `unit_stats_change` row per
 * tenant, scope and transaction, in the writer's own transaction — no lock on a shared row, so
 * signing never waits on it. A refresh deletes the change rows it sees and recomputes in the same
 * transaction, later statements seeing at least what the delete saw: a write that commits after
 * the delete keeps its change row and is picked up next time (nothing lost to commit order).
 */
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { bigint, integer, pgTable, primaryKey, text, timestamptz, uuid } from './columns.js';
import { tenant } from './tenants.js';

/** Direct (not rolled-up) pledge figures of one unit for one campaign. */
export const unitCampaignStats = pgTable(
  'unit_campaign_stats',
  {
    tenantId: uuid('tenant_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** Active employees placed directly in the unit whom the campaign targets. */
    target: integer('target').notNull(),
    /** Of those, with a non-revoked signature. */
    signed: integer('signed').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.campaignId, t.unitId] })],
);

/** Direct (not rolled-up) receipt figures of one unit for one announcement. */
export const unitAnnouncementStats = pgTable(
  'unit_announcement_stats',
  {
    tenantId: uuid('tenant_id').notNull(),
    announcementId: uuid('announcement_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** Active employees placed directly in the unit whom the announcement reaches. */
    target: integer('target').notNull(),
    read: integer('read').notNull(),
    acknowledged: integer('acknowledged').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.announcementId, t.unitId] })],
);

/**
 * When a scope's rows were computed. `scope` is "campaign:<id>" or "announcement:<id>"; no row means
 * never computed (the reader computes it at once).
 */
export const unitStatsState = pgTable(
  'unit_stats_state',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    scope: text('scope').notNull(),
    /** Start of the refresh transaction: the rows hold at least every write committed before it. */
    computedAt: timestamptz('computed_at').notNull(),
    /** Targeted employees in the whole tenant (decides whether a reader may refresh inline). */
    targetTotal: integer('target_total').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.scope] })],
);

/**
 * Pending changes, written by the triggers only: "*" (employees or units changed: every scope of
 * the tenant), "campaign:<id>" or "announcement:<id>"; one row per writing transaction at most.
 */
export const unitStatsChange = pgTable(
  'unit_stats_change',
  {
    tenantId: uuid('tenant_id').notNull(),
    scope: text('scope').notNull(),
    txId: bigint('tx_id', { mode: 'number' }).notNull(),
    changedAt: timestamptz('changed_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [primaryKey({ columns: [t.tenantId, t.scope, t.txId] })],
);
