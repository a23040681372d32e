import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAllChains } from '../../src/server/modules/audit/audit.cli.js';
import { sealAllAuditChains, sealAuditChain } from '../../src/server/modules/audit/audit.sealer.js';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

type Rows<T> = { rows: T[] };
async function query<T>(t: TestApp, text: string): Promise<T[]> {
  return ((await t.deps.db.execute(text as never)) as unknown as Rows<T>).rows;
}

describe(`audit log on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t);
    await seedTenant(t, 'kota-lain', 'Kota Lain', 20);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm', undefined, 'kab-contoh');
  });
  afterAll(() => t.close());

  it('records actor, action, entity, before/after and the request id of every write', async () => {
    const unit = (await admin.get('/api/units')).body.items.find((u: { unitType: string }) => u.unitType === 'badan');
    const res = await admin.patch(`/api/units/${unit.id}`, { code: 'BDN-01' });
    expect(res.status).toBe(200);
    const [event] = await query<{ actor_label: string; action: string; entity_id: string; before: { code: string | null }; after: { code: string }; request_id: string }>(
      t,
      `select actor_label, action, entity_id, before, after, request_id from audit_event where entity_id = '${unit.id}' order by id desc limit 1`,
    );
    expect(event).toMatchObject({ actor_label: 'admin.bkpsdm', action: 'unit.update', entity_id: unit.id, request_id: res.headers['x-request-id'] });
    expect(event!.before.code).toBeNull();
    expect(event!.after.code).toBe('BDN-01');
  });

  it('writes nothing, audit included, when a write fails', async () => {
    const [{ n: before }] = (await query<{ n: number }>(t, 'select count(*)::int as n from audit_event')) as [{ n: number }];
    const units = (await admin.get('/api/units')).body.items;
    const root = units.find((u: { parentId: string | null }) => u.parentId === null);
    const existing = units.find((u: { parentId: string }) => u.parentId === root.id);
    const dup = await admin.post('/api/units', { name: existing.name.toUpperCase(), unitType: 'dinas', parentId: root.id });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
    const [{ n: after }] = (await query<{ n: number }>(t, 'select count(*)::int as n from audit_event')) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('verifies intact chains through the API and the CLI check', async () => {
    const res = await admin.get('/api/audit/verify');
    expect(res.body.ok).toBe(true);
    expect(res.body.checked).toBeGreaterThan(2);
    const all = await verifyAllChains(t.deps.db);
    expect(all.ok).toBe(true);
    expect(all.results).toHaveLength(2);
  });

  it('refuses UPDATE and DELETE on the audit table', async () => {
    await expect(t.deps.db.execute(`update audit_event set action = 'x' where seq = 1` as never)).rejects.toThrow();
    await expect(t.deps.db.execute(`delete from audit_event where seq = 1` as never)).rejects.toThrow();
  });

  it('detects a tampered row (trigger bypassed) and names the first broken entry', async () => {
    const [tenant] = await query<{ id: string }>(t, `select id from tenant where slug = 'kab-contoh'`);
    await t.deps.db.execute(`alter table audit_event disable trigger audit_event_append_only` as never);
    await t.deps.db.execute(`update audit_event set actor_label = 'orang lain' where tenant_id = '${tenant!.id}' and seq = 2` as never);
    await t.deps.db.execute(`alter table audit_event enable trigger audit_event_append_only` as never);
    const res = await admin.get('/api/audit/verify');
    expect(res.body.ok).toBe(false);
    expect(res.body.brokenAt.seq).toBe(2);
    const all = await verifyAllChains(t.deps.db);
    expect(all.results.find((r) => r.slug === 'kab-contoh')!.ok).toBe(false);
    expect(all.results.find((r) => r.slug === 'kota-lain')!.ok).toBe(true);
  });

  it('detects a deleted entry', async () => {
    await new TestClient(t).login('admin.bkpsdm', undefined, 'kota-lain'); // a second entry after the seed
    const [tenant] = await query<{ id: string }>(t, `select id from tenant where slug = 'kota-lain'`);
    await t.deps.db.execute(`alter table audit_event disable trigger audit_event_append_only` as never);
    await t.deps.db.execute(`delete from audit_event where tenant_id = '${tenant!.id}' and seq = 1` as never);
    await t.deps.db.execute(`alter table audit_event enable trigger audit_event_append_only` as never);
    const all = await verifyAllChains(t.deps.db);
    expect(all.results.find((r) => r.slug === 'kota-lain')!.brokenAt!.seq).toBe(1);
  });

  it('keeps the chain intact under concurrent writes: written unsealed, then sealed in one gapless order', async () => {
    const [tenant] = await query<{ id: string }>(t, `select id from tenant where slug = 'kab-contoh'`);
    await sealAuditChain(t.deps.db, tenant!.id, { wait: true });
    const badan = (await admin.get('/api/units')).body.items.filter((u: { unitType: string }) => u.unitType === 'badan');
    const results = await Promise.all(badan.map((u: { id: string }, i: number) => admin.patch(`/api/units/${u.id}`, { code: `C-${i}` })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const waiting = await query<{ n: number }>(t, `select count(*)::int as n from audit_event where tenant_id = '${tenant!.id}' and seq is null`);
    expect(waiting[0]!.n).toBeGreaterThanOrEqual(badan.length); // writers do not chain: the sealer does
    // Two sealers at once (two server processes): each entry gets exactly one place.
    await Promise.all([sealAllAuditChains(t.deps.db, { wait: true }), sealAuditChain(t.deps.db, tenant!.id, { wait: true })]);
    const seqs = await query<{ seq: number }>(t, `select seq::int as seq from audit_event where tenant_id = '${tenant!.id}' order by seq`);
    expect(seqs.map((r) => Number(r.seq))).toEqual(seqs.map((_, i) => i + 1));
    // The chain was tampered at #2 by the test above; nothing after it is reported broken first.
    expect((await admin.get('/api/audit/verify')).body.brokenAt.seq).toBe(2);
  });

  it('lets the trigger seal an entry once and refuses any other change, also before sealing', async () => {
    await admin.patch(`/api/units/${(await admin.get('/api/units')).body.items[0].id}`, { code: 'X-1' });
    const [row] = await query<{ id: number }>(t, `select id::int as id from audit_event where seq is null order by id desc limit 1`);
    expect(row).toBeDefined();
    await expect(t.deps.db.execute(`update audit_event set action = 'x' where id = ${row!.id}` as never)).rejects.toThrow();
    await expect(t.deps.db.execute(`update audit_event set seq = 999999, prev_hash = 'a', hash = 'b', action = 'x' where id = ${row!.id}` as never)).rejects.toThrow();
    await expect(t.deps.db.execute(`delete from audit_event where id = ${row!.id}` as never)).rejects.toThrow();
    await sealAllAuditChains(t.deps.db, { wait: true });
    await expect(t.deps.db.execute(`update audit_event set seq = seq + 1000000 where id = ${row!.id}` as never)).rejects.toThrow();
    const list = await admin.get('/api/audit?page=1&pageSize=5');
    expect(list.status).toBe(200);
    expect(list.body.items.every((i: { seq: number | null }) => typeof i.seq === 'number')).toBe(true);
  });
});
