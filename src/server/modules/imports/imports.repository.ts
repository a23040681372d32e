import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { importBatch, importIssue, importRow, unit } from '../../db/schema/index.js';

export type ImportRow = typeof importBatch.$inferSelect;

export async function insertImport(db: DbOrTx, row: typeof importBatch.$inferInsert): Promise<ImportRow> {
  const [created] = await db.insert(importBatch).values(row).returning();
  return created!;
}

export async function findImport(db: DbOrTx, tenantId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(importBatch).where(and(eq(importBatch.tenantId, tenantId), eq(importBatch.id, id)));
  return row;
}

export async function listImports(db: DbOrTx, tenantId: string, limit: number): Promise<ImportRow[]> {
  return db.select().from(importBatch).where(eq(importBatch.tenantId, tenantId)).orderBy(desc(importBatch.createdAt)).limit(limit);
}

export async function updateImport(db: DbOrTx, tenantId: string, id: string, patch: Partial<typeof importBatch.$inferInsert>): Promise<ImportRow> {
  const [row] = await db
    .update(importBatch)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(importBatch.tenantId, tenantId), eq(importBatch.id, id)))
    .returning();
  return row!;
}

/**
 * Imports in `validating`/`committing` for which no job is queued, running or waiting for a retry.
 * The status change commits before its job is enqueued (two steps), so a crash in between leaves the
 * import waiting for a job that does not exist (found by `npm run proof:crash`). pg-boss keeps its jobs
 * in `pgboss.job` of the same database; without that table (inline jobs) nothing can be waiting.
 */
export async function findImportsWithoutJob(db: DbOrTx): Promise<{ tenantId: string; id: string; status: 'validating' | 'committing' }[]> {
  const boss = (await db.execute(sql`select to_regclass('pgboss.job') is not null as present`)) as unknown as { rows: { present: boolean }[] };
  if (!boss.rows[0]?.present) return [];
  const result = (await db.execute(sql`
    select b.tenant_id as "tenantId", b.id, b.status from import_batch b
     where b.status in ('validating', 'committing')
       and not exists (
         select 1 from pgboss.job j
          where j.name = case b.status when 'validating' then 'import.validate' else 'import.commit' end
            and j.data->>'importId' = b.id::text
            and j.state::text in ('created', 'retry', 'active'))`)) as unknown as { rows: { tenantId: string; id: string; status: 'validating' | 'committing' }[] };
  return result.rows;
}

/** Clears what an earlier (interrupted) run staged, so a retried job starts clean. */
export async function clearStaging(db: DbOrTx, tenantId: string, importId: string): Promise<void> {
  await db.delete(importRow).where(and(eq(importRow.tenantId, tenantId), eq(importRow.importId, importId)));
  await db.delete(importIssue).where(and(eq(importIssue.tenantId, tenantId), eq(importIssue.importId, importId)));
}

export async function deleteStagedRows(db: DbOrTx, tenantId: string, importId: string): Promise<void> {
  await db.delete(importRow).where(and(eq(importRow.tenantId, tenantId), eq(importRow.importId, importId)));
}

export async function listIssues(db: DbOrTx, tenantId: string, importId: string, severity: 'error' | 'warning' | 'all', limit: number, offset: number) {
  const where = and(eq(importIssue.tenantId, tenantId), eq(importIssue.importId, importId), severity === 'all' ? undefined : eq(importIssue.severity, severity));
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(importIssue).where(where);
  const rows = await db.select().from(importIssue).where(where).orderBy(asc(importIssue.seq)).limit(limit).offset(offset);
  return { rows, total: total?.n ?? 0 };
}

export async function listUnitsForMatching(db: DbOrTx, tenantId: string) {
  return db.select({ id: unit.id, parentId: unit.parentId, nameKey: unit.nameKey, path: unit.path }).from(unit).where(eq(unit.tenantId, tenantId));
}

/** Points staged rows with the given unit key at a unit created during commit. */
export async function attachStagedUnit(tx: DbOrTx, tenantId: string, importId: string, unitKey: string, unitId: string): Promise<void> {
  await tx
    .update(importRow)
    .set({ unitId })
    .where(and(eq(importRow.tenantId, tenantId), eq(importRow.importId, importId), eq(importRow.unitKey, unitKey)));
}

/** Employee columns an import may set, with the staged column that feeds each. */
export const UPSERT_COLUMNS = {
  name: 'name',
  sex: 'sex',
  birthDate: 'birth_date',
  category: 'category',
  idType: 'id_type',
  golonganScheme: 'golongan_scheme',
  golongan: 'golongan',
  jabatanName: 'jabatan_name',
  jabatanClass: 'jabatan_class',
  unitId: 'unit_id',
  email: 'email',
  phone: 'phone',
  dataWarnings: 'data_warnings',
} as const;
export type UpsertColumn = keyof typeof UPSERT_COLUMNS;

/**
 * Inserts new employees and updates changed ones from the staged rows in one statement. Columns not in
 * `updatable` keep their current value (a file without an e-mail column does not erase e-mails).
 * A row that would change nothing is not touched, so re-importing the same file is a no-op.
 */
export async function upsertEmployeesFromStaging(
  tx: DbOrTx,
  tenantId: string,
  importId: string,
  updatable: readonly UpsertColumn[],
  options: { followCategory?: boolean } = {},
) {
  const cols = updatable.map((c) => UPSERT_COLUMNS[c]);
  // With `followCategory`, a file that has a category but no golongan or jabatan column keeps the
  // employee's golongan while the golongan scheme (PNS/PPPK/none) of the category stays the same, and
  // the jabatan class while the employee stays ASN or non-ASN; otherwise they follow the staged row.
  const scheme = (c: string) => `(case when ${c} in ('pns', 'cpns') then 'pns' when ${c} in ('pppk', 'pppk_paruh_waktu') then 'pppk' end)`;
  const isAsn = (c: string) => `(${c} in ('pns', 'cpns', 'pppk', 'pppk_paruh_waktu'))`;
  const sameScheme = `employee."golongan_scheme" is not distinct from ${scheme('excluded."category"')}`;
  const sameAsn = `${isAsn('employee."category"')} = ${isAsn('excluded."category"')}`;
  const followSet = [
    ...(options.followCategory && !cols.includes('golongan')
      ? [`"golongan_scheme" = case when ${sameScheme} then employee."golongan_scheme" end`, `"golongan" = case when ${sameScheme} then employee."golongan" end`]
      : []),
    ...(options.followCategory && !cols.includes('jabatan_class')
      ? [`"jabatan_class" = case when ${sameAsn} then employee."jabatan_class" else excluded."jabatan_class" end`]
      : []),
  ].map((x) => sql.raw(x));
  const set = sql.join(
    [...cols.map((c) => sql.raw(`"${c}" = excluded."${c}"`)), ...followSet, sql.raw('is_active = true'), sql.raw('updated_at = now()')],
    sql.raw(', '),
  );
  const current = sql.raw(`(${[...cols, 'is_active'].map((c) => `employee."${c}"`).join(', ')})`);
  const incoming = sql.raw(`(${[...cols.map((c) => `excluded."${c}"`), 'true'].join(', ')})`);
  const result = await tx.execute(sql`
    with up as (
      insert into employee (tenant_id, id_type, id_number, name, sex, birth_date, category, golongan_scheme, golongan,
                            jabatan_name, jabatan_class, unit_id, email, phone, is_active, data_warnings)
      select tenant_id, id_type, id_number, name, sex, birth_date::date, category, golongan_scheme, golongan,
             jabatan_name, jabatan_class, unit_id, email, phone, true, warnings
      from import_row where tenant_id = ${tenantId} and import_id = ${importId}
      on conflict (tenant_id, id_number) do update set ${set}
      where ${current} is distinct from ${incoming}
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from up`);
  const row = (result as unknown as { rows: { inserted: number; updated: number }[] }).rows[0]!;
  return { inserted: Number(row.inserted), updated: Number(row.updated) };
}

/** Sets atasan langsung from the staged supervisor numbers (rows whose supervisor exists). */
export async function linkSupervisors(tx: DbOrTx, tenantId: string, importId: string): Promise<void> {
  await tx.execute(sql`
    update employee e set supervisor_id = s.id, updated_at = now()
    from import_row r join employee s on s.tenant_id = r.tenant_id and s.id_number = r.supervisor_id_number
    where r.tenant_id = ${tenantId} and r.import_id = ${importId} and r.supervisor_id_number is not null
      and e.tenant_id = r.tenant_id and e.id_number = r.id_number and s.id <> e.id
      and e.supervisor_id is distinct from s.id`);
}

/** Full re-import: employees of the tenant absent from the file become inactive (never deleted). */
export async function deactivateMissing(tx: DbOrTx, tenantId: string, importId: string): Promise<number> {
  const result = await tx.execute(sql`
    with gone as (
      update employee e set is_active = false, updated_at = now()
      where e.tenant_id = ${tenantId} and e.is_active
        and not exists (select 1 from import_row r where r.tenant_id = e.tenant_id and r.import_id = ${importId} and r.id_number = e.id_number)
      returning 1)
    select count(*)::int as n from gone`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}


export async function analyzeStaging(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze import_row`);
}
