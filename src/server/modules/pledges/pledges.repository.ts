import { and, asc, desc, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { liveSessionFields, liveSessionJoins, liveSessionWhere } from '../auth/auth.repository.js';
import { auditInsertIfSql, auditParams, type NewAuditRow } from '../audit/audit.repository.js';
import { dataCorrection, electionEvent, employee, pledgeCampaign, pledgeSignature, pledgeTemplate, session, storedFile, tenant, unit, userAccount } from '../../db/schema/index.js';

export type CampaignRow = typeof pledgeCampaign.$inferSelect;
export type TemplateRow = typeof pledgeTemplate.$inferSelect;
export type SignatureRow = typeof pledgeSignature.$inferSelect;

export async function listCampaigns(db: DbOrTx, tenantId: string) {
  return db
    .select({ campaign: pledgeCampaign, eventName: electionEvent.name })
    .from(pledgeCampaign)
    .innerJoin(electionEvent, and(eq(electionEvent.tenantId, pledgeCampaign.tenantId), eq(electionEvent.id, pledgeCampaign.eventId)))
    .where(eq(pledgeCampaign.tenantId, tenantId))
    .orderBy(desc(pledgeCampaign.createdAt));
}

/** A campaign with its event's name and its tenant (one round trip: this is on the signing path). */
export async function findCampaign(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select({ campaign: pledgeCampaign, eventName: electionEvent.name, tenant })
    .from(pledgeCampaign)
    .innerJoin(electionEvent, and(eq(electionEvent.tenantId, pledgeCampaign.tenantId), eq(electionEvent.id, pledgeCampaign.eventId)))
    .innerJoin(tenant, eq(tenant.id, pledgeCampaign.tenantId))
    .where(and(eq(pledgeCampaign.tenantId, tenantId), eq(pledgeCampaign.id, id)));
  return row;
}

export async function insertCampaign(tx: DbOrTx, row: typeof pledgeCampaign.$inferInsert): Promise<CampaignRow> {
  const [created] = await tx.insert(pledgeCampaign).values(row).returning();
  return created!;
}

export async function updateCampaignRow(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof pledgeCampaign.$inferInsert>): Promise<void> {
  await tx.update(pledgeCampaign).set(patch).where(and(eq(pledgeCampaign.tenantId, tenantId), eq(pledgeCampaign.id, id)));
}

/**
 * Holds the campaign row until the transaction ends, so that edits of its texts run one after the
 * other: each then reads the version the previous one wrote. NO KEY UPDATE, so signatures (whose
 * foreign key takes KEY SHARE on the campaign) are not held up by it.
 */
export async function lockCampaignForEdit(tx: DbOrTx, tenantId: string, id: string): Promise<void> {
  await tx.select({ id: pledgeCampaign.id }).from(pledgeCampaign).where(and(eq(pledgeCampaign.tenantId, tenantId), eq(pledgeCampaign.id, id))).for('no key update');
}

/** The current ikrar and pakta of a campaign. */
export async function findCurrentTemplates(db: DbOrTx, tenantId: string, campaignId: string): Promise<{ ikrar: TemplateRow; pakta: TemplateRow }> {
  const rows = await db
    .select()
    .from(pledgeTemplate)
    .where(and(eq(pledgeTemplate.tenantId, tenantId), eq(pledgeTemplate.campaignId, campaignId), eq(pledgeTemplate.isCurrent, true)));
  return { ikrar: rows.find((r) => r.kind === 'ikrar')!, pakta: rows.find((r) => r.kind === 'pakta')! };
}

export async function listTemplates(db: DbOrTx, tenantId: string, campaignId: string): Promise<TemplateRow[]> {
  return db
    .select()
    .from(pledgeTemplate)
    .where(and(eq(pledgeTemplate.tenantId, tenantId), eq(pledgeTemplate.campaignId, campaignId)))
    .orderBy(asc(pledgeTemplate.kind), desc(pledgeTemplate.version));
}

export async function findTemplates(db: DbOrTx, tenantId: string, ids: string[]): Promise<TemplateRow[]> {
  return db.select().from(pledgeTemplate).where(and(eq(pledgeTemplate.tenantId, tenantId), inArray(pledgeTemplate.id, ids)));
}

export async function insertTemplate(tx: DbOrTx, row: typeof pledgeTemplate.$inferInsert): Promise<TemplateRow> {
  const [created] = await tx.insert(pledgeTemplate).values(row).returning();
  return created!;
}

export async function updateTemplateRow(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof pledgeTemplate.$inferInsert>): Promise<void> {
  await tx.update(pledgeTemplate).set(patch).where(and(eq(pledgeTemplate.tenantId, tenantId), eq(pledgeTemplate.id, id)));
}

export async function findSignatureOf(db: DbOrTx, tenantId: string, campaignId: string, employeeId: string): Promise<SignatureRow | undefined> {
  const [row] = await db
    .select()
    .from(pledgeSignature)
    .where(and(eq(pledgeSignature.tenantId, tenantId), eq(pledgeSignature.campaignId, campaignId), eq(pledgeSignature.employeeId, employeeId), isNull(pledgeSignature.revokedAt)));
  return row;
}

export async function findSignature(db: DbOrTx, tenantId: string, id: string): Promise<SignatureRow | undefined> {
  const [row] = await db.select().from(pledgeSignature).where(and(eq(pledgeSignature.tenantId, tenantId), eq(pledgeSignature.id, id)));
  return row;
}

/**
 * Inserts a signature unless one exists for (campaign, employee): concurrent double-submits
 * of the same signing resolve to one row. Returns the inserted row, or undefined when it existed.
 */
export async function insertSignatureOnce(tx: DbOrTx, row: typeof pledgeSignature.$inferInsert): Promise<SignatureRow | undefined> {
  const [created] = await tx
    .insert(pledgeSignature)
    .values(row)
    .onConflictDoNothing({ target: [pledgeSignature.tenantId, pledgeSignature.campaignId, pledgeSignature.employeeId], where: sql`revoked_at is null` })
    .returning();
  return created;
}

/** The columns an online signature sets (the rest keep their defaults: no paper fields, no PDF yet, not revoked). */
const ONLINE_SIGNATURE_COLUMNS = ['tenantId', 'id', 'campaignId', 'employeeId', 'ikrarTemplateId', 'paktaTemplateId', 'method', 'identity', 'typedName', 'drawnSignature', 'textSha256', 'signedAt', 'serverSignature', 'keyId'] as const;
export type OnlineSignatureRow = Pick<typeof pledgeSignature.$inferInsert, (typeof ONLINE_SIGNATURE_COLUMNS)[number]>;

/**
 * `insertSignatureOnce` and the signature's audit entry in **one prepared statement** (a data-modifying
 * CTE): atomic without BEGIN/COMMIT, so a new online signature costs one round trip here instead of
 * four, and neither Drizzle nor PostgreSQL re-builds or re-parses it per signature. The audit entry is
 * written only when the signature was (a concurrent duplicate writes neither). Returns whether it was
 * written; only the id comes back (the caller holds every value it wrote).
 */
export async function insertSignatureOnceAudited(db: DbOrTx, row: OnlineSignatureRow, audit: NewAuditRow): Promise<boolean> {
  const params: Record<string, unknown> = auditParams(audit);
  for (const column of ONLINE_SIGNATURE_COLUMNS) params[`sig_${column}`] = row[column] ?? null;
  const created = await insertSignatureAuditedQuery(db).execute(params);
  return created.length === 1;
}

const insertSignatureAuditedQuery = preparedPerDb((db) => {
  const values = Object.fromEntries(ONLINE_SIGNATURE_COLUMNS.map((column) => [column, sql.placeholder(`sig_${column}`)])) as unknown as OnlineSignatureRow;
  const inserted = db.$with('inserted').as(
    db
      .insert(pledgeSignature)
      .values(values)
      .onConflictDoNothing({ target: [pledgeSignature.tenantId, pledgeSignature.campaignId, pledgeSignature.employeeId], where: sql`revoked_at is null` })
      .returning({ id: pledgeSignature.id }),
  );
  const logged = db.$with('logged', { id: sql<number>`id` }).as(auditInsertIfSql(sql`select 1 from inserted`));
  return db.with(inserted, logged).select({ id: inserted.id }).from(inserted).prepare('insert_signature_audited');
});

export async function updateSignatureRow(tx: DbOrTx, tenantId: string, id: string, patch: Partial<typeof pledgeSignature.$inferInsert>): Promise<void> {
  await tx.update(pledgeSignature).set(patch).where(and(eq(pledgeSignature.tenantId, tenantId), eq(pledgeSignature.id, id)));
}

/** Public verification: by signature id or PDF hash, across tenants, with what the page may show. */
export async function findSignatureForVerification(db: DbOrTx, by: { id: string } | { pdfSha256: string }) {
  const [row] = await db
    .select({ signature: pledgeSignature, campaignName: pledgeCampaign.name, unitName: unit.name, tenantName: tenant.name, timezone: tenant.timezone })
    .from(pledgeSignature)
    .innerJoin(pledgeCampaign, and(eq(pledgeCampaign.tenantId, pledgeSignature.tenantId), eq(pledgeCampaign.id, pledgeSignature.campaignId)))
    .innerJoin(employee, and(eq(employee.tenantId, pledgeSignature.tenantId), eq(employee.id, pledgeSignature.employeeId)))
    .innerJoin(unit, and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId)))
    .innerJoin(tenant, eq(tenant.id, pledgeSignature.tenantId))
    .where('id' in by ? eq(pledgeSignature.id, by.id) : eq(pledgeSignature.pdfSha256, by.pdfSha256))
    .limit(1);
  return row;
}

export async function insertStoredFile(tx: DbOrTx, row: typeof storedFile.$inferInsert) {
  const [created] = await tx.insert(storedFile).values(row).returning();
  return created!;
}

export async function findStoredFile(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db.select().from(storedFile).where(and(eq(storedFile.tenantId, tenantId), eq(storedFile.id, id)));
  return row;
}

export async function insertCorrection(tx: DbOrTx, row: typeof dataCorrection.$inferInsert) {
  const [created] = await tx.insert(dataCorrection).values(row).returning();
  return created!;
}

/** How many targeted active employees a campaign has, and how many of them signed. */
export async function countTargetAndSigned(db: DbOrTx, tenantId: string, campaign: CampaignRow): Promise<{ target: number; signed: number }> {
  const result = await db.execute(sql`
    with target as (${targetEmployeesSql(tenantId, campaign)})
    select (select count(*)::int from target) as target,
           (select count(*)::int from target t join pledge_signature s
              on s.tenant_id = ${tenantId} and s.campaign_id = ${campaign.id} and s.employee_id = t.id and s.revoked_at is null) as signed`);
  const row = (result as unknown as { rows: { target: number; signed: number }[] }).rows[0]!;
  return { target: Number(row.target), signed: Number(row.signed) };
}

/** SQL selecting the ids and unit paths of the employees a campaign targets (active, category, unit subtrees). */
export function targetEmployeesSql(tenantId: string, campaign: Pick<CampaignRow, 'targetCategories' | 'targetUnitIds'>) {
  const categories = campaign.targetCategories.length ? sql`and e.category = any(${sql.raw(`array[${campaign.targetCategories.map((c) => `'${c.replace(/'/g, '')}'`).join(',')}]::text[]`)})` : sql``;
  const units = campaign.targetUnitIds.length
    ? sql`and exists (select 1 from unit t where t.tenant_id = e.tenant_id and t.id in (${sql.join(campaign.targetUnitIds.map((id) => sql`${id}::uuid`), sql`, `)}) and u.path like t.path || '%')`
    : sql``;
  return sql`select e.id, e.unit_id, u.path from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id
             where e.tenant_id = ${tenantId} and e.is_active ${categories} ${units}`;
}

/**
 * Whether the joined `employee` (with its `unit`) is targeted by the joined `pledge_campaign`: the same
 * rule as `targetEmployeesSql`, written against the campaign's columns so that it fits in one query.
 */
const isTargetedByJoinedCampaign = sql<boolean>`coalesce(${employee.isActive}
  and (cardinality(${pledgeCampaign.targetCategories}) = 0 or ${employee.category} = any(${pledgeCampaign.targetCategories}))
  and (cardinality(${pledgeCampaign.targetUnitIds}) = 0 or exists (
        select 1 from unit t where t.tenant_id = ${employee.tenantId} and t.id = any(${pledgeCampaign.targetUnitIds}) and ${unit.path} like t.path || '%')), false)`;

const currentIkrar = alias(pledgeTemplate, 'current_ikrar');
const currentPakta = alias(pledgeTemplate, 'current_pakta');

/** What signing reads of the employee, the campaign and the tenant (only what it uses: this is the signing path). */
const signingEmployeeFields = {
  id: employee.id,
  isActive: employee.isActive,
  name: employee.name,
  idNumber: employee.idNumber,
  idType: employee.idType,
  golonganScheme: employee.golonganScheme,
  golongan: employee.golongan,
  jabatanName: employee.jabatanName,
};
const signingCampaignFields = {
  id: pledgeCampaign.id,
  name: pledgeCampaign.name,
  status: pledgeCampaign.status,
  signDeadline: pledgeCampaign.signDeadline,
  signingPlace: pledgeCampaign.signingPlace,
};
export type SigningEmployee = { [K in keyof typeof signingEmployeeFields]: (typeof employee.$inferSelect)[K] } & { unitName: string };
export type SigningCampaign = Pick<CampaignRow, keyof typeof signingCampaignFields>;

/**
 * Everything signing needs, in **one round trip** (this is the signing path), keyed by the session
 * token: the live session with its user (the same columns and rules as `findLiveSession`, so the route
 * skips the session hook's own read); the user's employee with their unit's name; the campaign with its
 * event's name and its tenant's name and time zone (null when the session's tenant has no such
 * campaign); the ids of its current ikrar and pakta (their texts never change under an id, so the
 * caller keeps them: `templateVersions` in signing.service.ts); the id of the employee's live signature
 * (null if none); and whether the campaign targets the employee. No row: no live session.
 */
export async function findSigningStateBySession(db: DbOrTx, tokenHash: string, now: Date, campaignId: string) {
  const [row] = await signingStateQuery(db).execute({ tokenHash, now: now.toISOString(), campaignId });
  return row;
}

const signingStateQuery = preparedPerDb((db) => {
  const currentOf = (t: typeof currentIkrar | typeof currentPakta, kind: 'ikrar' | 'pakta') =>
    and(eq(t.tenantId, pledgeCampaign.tenantId), eq(t.campaignId, pledgeCampaign.id), eq(t.kind, kind), eq(t.isCurrent, true));
  return db
    .select({
      ...liveSessionFields,
      employee: signingEmployeeFields,
      unitName: unit.name,
      campaign: signingCampaignFields,
      eventName: electionEvent.name,
      tenant: { name: tenant.name, timezone: tenant.timezone },
      ikrarId: currentIkrar.id,
      paktaId: currentPakta.id,
      signatureId: pledgeSignature.id,
      isTargeted: isTargetedByJoinedCampaign,
    })
    .from(session)
    .innerJoin(...liveSessionJoins.user)
    .leftJoin(...liveSessionJoins.scopeUnit)
    .leftJoin(employee, and(eq(employee.tenantId, userAccount.tenantId), eq(employee.id, userAccount.employeeId)))
    .leftJoin(unit, and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId)))
    .leftJoin(pledgeCampaign, and(eq(pledgeCampaign.tenantId, session.tenantId), eq(pledgeCampaign.id, sql.placeholder('campaignId'))))
    .leftJoin(electionEvent, and(eq(electionEvent.tenantId, pledgeCampaign.tenantId), eq(electionEvent.id, pledgeCampaign.eventId)))
    .leftJoin(tenant, eq(tenant.id, pledgeCampaign.tenantId))
    .leftJoin(currentIkrar, currentOf(currentIkrar, 'ikrar'))
    .leftJoin(currentPakta, currentOf(currentPakta, 'pakta'))
    .leftJoin(
      pledgeSignature,
      and(eq(pledgeSignature.tenantId, pledgeCampaign.tenantId), eq(pledgeSignature.campaignId, pledgeCampaign.id), eq(pledgeSignature.employeeId, employee.id), isNull(pledgeSignature.revokedAt)),
    )
    .where(liveSessionWhere)
    .prepare('find_signing_state');
});

/**
 * Live signatures that have no signed PDF yet, across tenants, a few at a time (the PDF sweep). Uses
 * `pledge_signature_pdf_idx` (a btree finds `pdf_sha256 is null`); `skip` holds ids that failed this run.
 */
export async function findSignaturesWithoutPdf(db: DbOrTx, limit: number, skip: string[] = []) {
  return db
    .select({ tenantId: pledgeSignature.tenantId, id: pledgeSignature.id })
    .from(pledgeSignature)
    .where(and(isNull(pledgeSignature.pdfSha256), isNull(pledgeSignature.revokedAt), skip.length ? not(inArray(pledgeSignature.id, skip)) : undefined))
    .limit(limit);
}

export async function isEmployeeTargeted(db: DbOrTx, tenantId: string, campaign: CampaignRow, employeeId: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from (${targetEmployeesSql(tenantId, campaign)}) t where t.id = ${employeeId}`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

/** Open campaigns with the employee's signature (if any); targeting is checked by the caller. */
export async function listOpenCampaignsWithSignature(db: DbOrTx, tenantId: string, employeeId: string) {
  return db
    .select({ campaign: pledgeCampaign, signature: pledgeSignature })
    .from(pledgeCampaign)
    .leftJoin(pledgeSignature, and(eq(pledgeSignature.tenantId, pledgeCampaign.tenantId), eq(pledgeSignature.campaignId, pledgeCampaign.id), eq(pledgeSignature.employeeId, employeeId), isNull(pledgeSignature.revokedAt)))
    .where(and(eq(pledgeCampaign.tenantId, tenantId), inArray(pledgeCampaign.status, ['open', 'closed'])))
    .orderBy(desc(pledgeCampaign.createdAt));
}

/** A page of a campaign's signatures with the signer's name, number and unit. */
export async function searchSignatures(db: DbOrTx, tenantId: string, campaignId: string, f: { q?: string; method?: string; unitPath?: string; limit: number; offset: number }) {
  const digits = f.q?.replace(/\s/g, '') ?? '';
  const where = and(
    eq(pledgeSignature.tenantId, tenantId),
    eq(pledgeSignature.campaignId, campaignId),
    f.method ? eq(pledgeSignature.method, f.method) : undefined,
    f.unitPath ? sql`${unit.path} like ${f.unitPath + '%'}` : undefined,
    f.q ? (/^[0-9]{3,}$/.test(digits) ? sql`${employee.idNumber} like ${digits + '%'}` : sql`lower(${employee.name}) like ${'%' + f.q.toLowerCase().replace(/[\\%_]/g, '') + '%'}`) : undefined,
  );
  const joined = () =>
    db
      .select({ id: pledgeSignature.id, employeeId: pledgeSignature.employeeId, method: pledgeSignature.method, signedAt: pledgeSignature.signedAt, revokedAt: pledgeSignature.revokedAt, name: employee.name, idNumber: employee.idNumber, unitName: unit.name })
      .from(pledgeSignature)
      .innerJoin(employee, and(eq(employee.tenantId, pledgeSignature.tenantId), eq(employee.id, pledgeSignature.employeeId)))
      .innerJoin(unit, and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId)));
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pledgeSignature)
    .innerJoin(employee, and(eq(employee.tenantId, pledgeSignature.tenantId), eq(employee.id, pledgeSignature.employeeId)))
    .innerJoin(unit, and(eq(unit.tenantId, employee.tenantId), eq(unit.id, employee.unitId)))
    .where(where);
  const rows = await joined().where(where).orderBy(desc(pledgeSignature.signedAt)).limit(f.limit).offset(f.offset);
  return { rows, total: count?.n ?? 0 };
}
