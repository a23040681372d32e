/**
 * The only SQL of the compliance module. Every query is scoped by tenant and by a unit-path prefix
 * (paths are "/rootId/…/id/", uuid-only, so the prefix needs no LIKE escaping).
 */
import { and, asc, eq, gt, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { employee, pledgeCampaign, pledgeSignature, pledgeTemplate, reminderLog, tenant, unit, unitCampaignStats } from '../../db/schema/index.js';
import { targetEmployeesSql, type CampaignRow } from '../pledges/pledges.repository.js';

type Campaign = Pick<CampaignRow, 'id' | 'targetCategories' | 'targetUnitIds' | 'apelUnitTypes'>;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** One unit with its own (direct) target/signed counts and its apel report, before any roll-up. */
export interface UnitAggregateRow {
  id: string;
  parentId: string | null;
  name: string;
  unitType: string;
  path: string;
  targetDirect: number;
  signedDirect: number;
  /** null when the unit has no apel report for the campaign. */
  apelStatus: string | null;
  reportNumber: string | null;
}

/**
 * Every unit under `pathPrefix` with its direct counts: the pre-aggregated per-unit rows of the
 * campaign (`unit_campaign_stats`, kept by modules/unit-stats; the caller makes them fresh first)
 * matched to the unit list, so units without employees still appear, and the live apel reports (one
 * key probe per unit). Roll-ups are done by the caller over this flat list.
 *
 * The per-unit rows are read apart and matched here, not joined in SQL: while the table is young
 * (rows just computed, not yet analysed) PostgreSQL takes it for a handful of rows and joins 1,500
 * units to it by a filtered nested loop — 120 ms for the largest Pemda instead of ~5.
 */
export async function listUnitAggregates(db: DbOrTx, tenantId: string, campaign: Campaign, pathPrefix: string): Promise<UnitAggregateRow[]> {
  const units = rowsOf<Omit<UnitAggregateRow, 'targetDirect' | 'signedDirect'>>(
    await db.execute(sql`
      select u.id, u.parent_id as "parentId", u.name, u.unit_type as "unitType", u.path, r.status as "apelStatus", r.number as "reportNumber"
      from unit u
      left join apel_report r on r.tenant_id = u.tenant_id and r.campaign_id = ${campaign.id} and r.unit_id = u.id
      where u.tenant_id = ${tenantId} and u.path like ${pathPrefix + '%'}
      order by u.path`),
  );
  const counts = new Map(
    (
      await db
        .select({ unitId: unitCampaignStats.unitId, target: unitCampaignStats.target, signed: unitCampaignStats.signed })
        .from(unitCampaignStats)
        .where(and(eq(unitCampaignStats.tenantId, tenantId), eq(unitCampaignStats.campaignId, campaign.id)))
    ).map((c) => [c.unitId, c]),
  );
  return units.map((u) => ({ ...u, targetDirect: counts.get(u.id)?.target ?? 0, signedDirect: counts.get(u.id)?.signed ?? 0 }));
}

/** Targeted employees under `pathPrefix` without a valid (non-revoked) signature. */
function unsignedSql(tenantId: string, campaign: Campaign, pathPrefix: string) {
  return sql`
    from (${targetEmployeesSql(tenantId, campaign)}) t
    join employee e on e.tenant_id = ${tenantId} and e.id = t.id
    join unit u on u.tenant_id = ${tenantId} and u.id = t.unit_id
    where t.path like ${pathPrefix + '%'}
      and not exists (select 1 from pledge_signature s
                      where s.tenant_id = ${tenantId} and s.campaign_id = ${campaign.id} and s.employee_id = t.id and s.revoked_at is null)`;
}

export interface UnsignedRow {
  id: string;
  name: string;
  idNumber: string;
  jabatanName: string | null;
  unitId: string;
  unitName: string;
  email: string | null;
}

/** One page of the drill-down, ordered by unit then name, with the total. */
export async function listUnsignedPage(db: DbOrTx, tenantId: string, campaign: Campaign, pathPrefix: string, page: { limit: number; offset: number }) {
  const from = unsignedSql(tenantId, campaign, pathPrefix);
  const rows = rowsOf<UnsignedRow>(
    await db.execute(sql`select e.id, e.name, e.id_number as "idNumber", e.jabatan_name as "jabatanName", u.id as "unitId", u.name as "unitName", e.email
      ${from} order by u.name, u.id, e.name, e.id limit ${page.limit} offset ${page.offset}`),
  );
  const [count] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n ${from}`));
  return { rows, total: Number(count?.n ?? 0) };
}

export type RecipientRow = Pick<UnsignedRow, 'id' | 'name' | 'idNumber' | 'email'>;

/** Every unsigned targeted employee with an e-mail address, plus how many have none (for reminders). */
export async function listUnsignedRecipients(db: DbOrTx, tenantId: string, campaign: Campaign): Promise<{ withEmail: RecipientRow[]; withoutEmail: number }> {
  const from = unsignedSql(tenantId, campaign, '/');
  const rows = rowsOf<RecipientRow>(await db.execute(sql`select e.id, e.name, e.id_number as "idNumber", nullif(trim(e.email), '') as email ${from} order by e.id`));
  return { withEmail: rows.filter((r) => r.email), withoutEmail: rows.filter((r) => !r.email).length };
}

export interface ApelHeadRow {
  unitId: string;
  unitName: string;
  apelStatus: string | null;
  headId: string | null;
  headName: string | null;
  headEmail: string | null;
}

/** Units that must hold an apel and have not submitted (or had accepted) their report, with their heads. */
export async function listUnreportedApelUnits(db: DbOrTx, tenantId: string, campaign: Campaign): Promise<ApelHeadRow[]> {
  if (campaign.apelUnitTypes.length === 0) return [];
  const types = sql.join(campaign.apelUnitTypes.map((t) => sql`${t}`), sql`, `);
  return rowsOf<ApelHeadRow>(
    await db.execute(sql`
      select u.id as "unitId", u.name as "unitName", r.status as "apelStatus", h.id as "headId", h.name as "headName", h.email as "headEmail"
      from unit u
      left join apel_report r on r.tenant_id = u.tenant_id and r.campaign_id = ${campaign.id} and r.unit_id = u.id
      left join employee h on h.tenant_id = u.tenant_id and h.id = u.head_employee_id and h.is_active
      where u.tenant_id = ${tenantId} and u.unit_type in (${types})
        and (r.status is null or r.status not in ('submitted', 'accepted'))
      order by u.path`),
  );
}

/**
 * Claims today's reminder slot for each recipient; returns the recipients actually inserted.
 * The primary key (tenant, campaign, kind, recipient, sent_on) makes a second run the same day a no-op.
 */
export async function claimReminderSlots(tx: DbOrTx, tenantId: string, campaignId: string, kind: 'sign' | 'apel_report', recipients: string[], sentOn: string): Promise<Set<string>> {
  if (recipients.length === 0) return new Set();
  const inserted = await tx
    .insert(reminderLog)
    .values(recipients.map((recipient) => ({ tenantId, campaignId, kind, recipient, sentOn })))
    .onConflictDoNothing()
    .returning({ recipient: reminderLog.recipient });
  return new Set(inserted.map((r) => r.recipient));
}

/** Open campaigns of active tenants, for the reminder scheduler. */
export async function listOpenCampaigns(db: DbOrTx): Promise<{ tenantId: string; campaignId: string }[]> {
  return db
    .select({ tenantId: pledgeCampaign.tenantId, campaignId: pledgeCampaign.id })
    .from(pledgeCampaign)
    .innerJoin(tenant, eq(tenant.id, pledgeCampaign.tenantId))
    .where(and(eq(pledgeCampaign.status, 'open'), eq(tenant.isActive, true)));
}

export interface SignatureExportRow {
  idNumber: string;
  name: string;
  unitName: string;
  method: string;
  signedAt: Date;
  ikrarTemplateId: string;
  paktaTemplateId: string;
  revokedAt: Date | null;
}

/** Signatures of a campaign under `pathPrefix`, a page at a time in NIP order (keyset: constant memory). */
export async function* iterateSignatures(db: DbOrTx, tenantId: string, campaignId: string, pathPrefix: string, pageSize = 2000): AsyncGenerator<SignatureExportRow[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .select({
        idNumber: employee.idNumber,
        name: employee.name,
        unitName: unit.name,
        method: pledgeSignature.method,
        signedAt: pledgeSignature.signedAt,
        ikrarTemplateId: pledgeSignature.ikrarTemplateId,
        paktaTemplateId: pledgeSignature.paktaTemplateId,
        revokedAt: pledgeSignature.revokedAt,
      })
      .from(pledgeSignature)
      .innerJoin(employee, and(eq(employee.tenantId, pledgeSignature.tenantId), eq(employee.id, pledgeSignature.employeeId)))
      .innerJoin(unit, and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId)))
      .where(and(eq(pledgeSignature.tenantId, tenantId), eq(pledgeSignature.campaignId, campaignId), like(unit.path, `${pathPrefix}%`), gt(employee.idNumber, after)))
      .orderBy(asc(employee.idNumber))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.idNumber;
  }
}

/** Template id → version, for the few templates of one campaign. */
export async function templateVersions(db: DbOrTx, tenantId: string, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: pledgeTemplate.id, version: pledgeTemplate.version })
    .from(pledgeTemplate)
    .where(and(eq(pledgeTemplate.tenantId, tenantId), eq(pledgeTemplate.campaignId, campaignId)));
  return new Map(rows.map((r) => [r.id, r.version]));
}
