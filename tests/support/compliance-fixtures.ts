/**
 * Builders for compliance tests. Units go through the API (path maintenance is the units module's
 * job); employees, bulk signatures and apel reports are written with SQL because the tests need
 * exact numbers quickly: signing 30 employees through the API would mean 30 OTP sign-ins, and the
 * apel workflow (attendance, photos, berita acara) is not what these tests are about.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { TestApp, TestClient } from './harness.js';

export async function query<T = Record<string, unknown>>(t: TestApp, statement: SQL): Promise<T[]> {
  return ((await t.deps.db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export async function rootUnitId(admin: TestClient): Promise<string> {
  const units = (await admin.get('/api/units')).body.items as { id: string; parentId: string | null }[];
  return units.find((u) => u.parentId === null)!.id;
}

export async function createUnit(admin: TestClient, parentId: string, name: string, unitType: string): Promise<string> {
  const res = await admin.post('/api/units', { name, unitType, parentId });
  if (res.status !== 201) throw new Error(`create unit ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export interface TestEmployee {
  id: string;
  idNumber: string;
  name: string;
}

let serial = 0;

/** Inserts `count` active employees (with e-mail unless told otherwise) directly in a unit. */
export async function insertEmployees(t: TestApp, tenantId: string, unitId: string, count: number, options: { email?: boolean; active?: boolean } = {}): Promise<TestEmployee[]> {
  const made: TestEmployee[] = [];
  for (let i = 0; i < count; i++) {
    serial++;
    const e = { id: randomUUID(), idNumber: `UJI${String(serial).padStart(6, '0')}`, name: `Pegawai Uji ${serial}` };
    const email = options.email === false ? null : `uji${serial}@contoh.go.id`;
    await t.deps.db.execute(sql`insert into employee (tenant_id, id, id_type, id_number, name, category, unit_id, email, is_active)
      values (${tenantId}, ${e.id}, 'internal', ${e.idNumber}, ${e.name}, 'pns', ${unitId}, ${email}, ${options.active ?? true})`);
    made.push(e);
  }
  return made;
}

/** Signature rows as signPledge writes them, minus the real text hash and server signature (irrelevant to counting). */
export async function bulkSign(t: TestApp, tenantId: string, campaign: { id: string; ikrar: { id: string }; pakta: { id: string } }, employees: TestEmployee[]): Promise<void> {
  if (employees.length === 0) return;
  const ids = sql.join(employees.map((e) => sql`${e.id}::uuid`), sql`, `);
  await t.deps.db.execute(sql`
    insert into pledge_signature (tenant_id, campaign_id, employee_id, ikrar_template_id, pakta_template_id, method, identity, typed_name, text_sha256, signed_at, server_signature, key_id)
    select e.tenant_id, ${campaign.id}, e.id, ${campaign.ikrar.id}, ${campaign.pakta.id}, 'online',
           jsonb_build_object('nama', e.name, 'nomorIdentitas', e.id_number), e.name, md5(e.id::text) || md5(e.name), now(), 'uji-massal', 'uji'
    from employee e where e.tenant_id = ${tenantId} and e.id in (${ids})`);
}

/** Signs through the real endpoint as the employee (OTP sign-in from the dev outbox). */
export async function signViaApi(client: TestClient, employee: TestEmployee, campaign: { id: string; ikrar: { id: string }; pakta: { id: string } }) {
  await client.loginEmployee(employee.idNumber);
  const res = await client.post(`/api/campaigns/${campaign.id}/sign`, { ikrarTemplateId: campaign.ikrar.id, paktaTemplateId: campaign.pakta.id, typedName: employee.name, undertakings: [true, true, true, true, true] });
  if (res.status !== 201) throw new Error(`sign ${employee.idNumber}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

export async function insertApelReport(t: TestApp, tenantId: string, campaignId: string, unitId: string, status: 'draft' | 'submitted' | 'accepted' | 'returned', number: string | null = null): Promise<void> {
  await t.deps.db.execute(sql`insert into apel_report (tenant_id, campaign_id, unit_id, status, held_on, place, leader_name, reader_name, number)
    values (${tenantId}, ${campaignId}, ${unitId}, ${status}, current_date, 'Aula', 'Kepala Unit', 'Sekretaris', ${number})`);
}

/** A UTC instant that is `hhmm` local time (WIB, UTC+7) on `isoDay`, possibly the previous UTC day. */
export function wib(isoDay: string, hhmm: string): Date {
  return new Date(new Date(`${isoDay}T${hhmm}:00+07:00`).getTime());
}
