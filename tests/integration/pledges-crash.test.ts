/**
 * "A crash in the middle of a signing surge loses no acknowledged signature": a real server process
 * (src/server/main.ts, production job queue) on a fresh data dir / database; ~40 employees sign in
 * through the OTP flow and sign concurrently; the process is killed with SIGKILL once about half of the
 * signatures were acknowledged, while others are in flight; it is restarted on the same data. Then:
 * every acknowledged signature is stored exactly once and verifies; nothing unacknowledged is half
 * there (each signature has its pledge.sign audit entry and vice versa; the chain verifies); the
 * restart was clean (PGlite: the dead process's lock was taken over); and the employees whose requests
 * were lost can simply sign again (idempotent: one signature each).
 *
 * Each employee talks from its own loopback address (127.0.9.x), like phones on their own IPs, so
 * the per-IP limits of the sign-in and sign routes stay on without being hit by the test.
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../support/harness.js';
import { freePort, HttpClient, rawRequest, startServer, waitFor, type RawReply, type ServerProcess } from '../support/server-process.js';
import { createScratchDatabase } from '../support/template.js';

const SIGNERS = 40;
const CONCURRENCY = 8;
/** Acknowledgements after which the server is killed. */
const KILL_AFTER = 20;
/** The first employees double-submit (two concurrent requests): both must get the same signature. */
const DOUBLE = 6;

type Reply = RawReply;

function call(port: number, ip: string, method: string, path: string, opts: { cookie?: string; csrf?: string; body?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = {
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
    ...(opts.csrf ? { 'x-csrf-token': opts.csrf } : {}),
    ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
  };
  return rawRequest(port, ip, method, path, { headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
}

const isoDay = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const ipOf = (i: number) => `127.0.9.${i + 1}`;

interface Signer {
  idNumber: string;
  name: string;
  email: string;
  ip: string;
  cookie: string;
  csrf: string;
}

const servers: ServerProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

/** Rows of the stored state, read straight from the database once the server is stopped. */
type Query = (text: string) => Promise<any[]>;

async function scenario(env: Record<string, string>, dataDir: string, openQuery: () => Promise<{ query: Query; close: () => Promise<void> }>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverEnv = { ...env, PORT: String(port), DATA_DIR: dataDir, DEMO_EMPLOYEES: '120' };

  const first = startServer(serverEnv);
  servers.push(first);
  await waitFor(() => first.output().includes('Netra berjalan di'), 'first start');

  // BKPSDM opens a campaign.
  const admin = new HttpClient(base);
  await admin.login('admin.bkpsdm');
  const event = await admin.call('POST', '/api/elections', {
    kind: 'pilkada',
    name: 'Pemilihan Bupati dan Wakil Bupati Contoh 2026',
    stages: [
      { kind: 'tahapan_mulai', startsOn: isoDay(-60), endsOn: null },
      { kind: 'penetapan_calon', startsOn: isoDay(-10), endsOn: null },
      { kind: 'kampanye', startsOn: isoDay(-5), endsOn: isoDay(40) },
      { kind: 'pemungutan_suara', startsOn: isoDay(45), endsOn: null },
    ],
    contests: [{ kind: 'bupati_walikota', name: 'Pemilihan Bupati Contoh', penetapanCalonOn: isoDay(-10) }],
  });
  expect(event.status).toBe(201);
  const created = await admin.call('POST', '/api/campaigns', { eventId: event.body.id, name: 'Ikrar Netralitas ASN Pilkada 2026', signDeadline: isoDay(7), signingPlace: 'Contoh', apelReportDeadline: isoDay(7) });
  expect(created.status).toBe(201);
  const campaignId: string = created.body.id;
  expect((await admin.call('PATCH', `/api/campaigns/${campaignId}`, { status: 'open' })).status).toBe(200);

  // 40 employees sign in with NIP + one-time code (read from the dev outbox: one batch ≤ 40 < 50 shown).
  const list = await admin.call('GET', '/api/employees?pageSize=200');
  const people = (list.body.items as { idNumber: string; name: string; email: string | null; isActive?: boolean }[]).filter((e) => e.email).slice(0, SIGNERS);
  expect(people.length).toBe(SIGNERS);
  const preCsrf = 'crash-test-pre-session-csrf-token';
  const requested = await Promise.all(people.map((e, i) => call(port, ipOf(i), 'POST', '/api/auth/otp/request', { cookie: `netra_csrf=${preCsrf}`, csrf: preCsrf, body: { idNumber: e.idNumber } })));
  expect(requested.map((r) => r.status)).toEqual(people.map(() => 200));
  const outbox = (await call(port, '127.0.0.1', 'GET', '/api/dev/outbox')).body.items as { to: string; body: string }[];
  const signers: Signer[] = await Promise.all(
    people.map(async (e, i) => {
      const code = outbox.find((m) => m.to === e.email)?.body.match(/Kode masuk Netra Anda: (\d{6})/)?.[1];
      expect(code, `OTP mail for ${e.email}`).toBeTruthy();
      const verified = await call(port, ipOf(i), 'POST', '/api/auth/otp/verify', { cookie: `netra_csrf=${preCsrf}`, csrf: preCsrf, body: { idNumber: e.idNumber, code } });
      expect(verified.status).toBe(200);
      const { netra_sid: sid, netra_csrf: csrf } = verified.cookies;
      return { idNumber: e.idNumber, name: e.name, email: e.email!, ip: ipOf(i), cookie: `netra_sid=${sid}; netra_csrf=${csrf}`, csrf: csrf! };
    }),
  );
  const view = await call(port, signers[0]!.ip, 'GET', `/api/campaigns/${campaignId}/signing`, { cookie: signers[0]!.cookie });
  expect(view.status).toBe(200);
  const signBody = (s: Signer) => ({ ikrarTemplateId: view.body.ikrar.id, paktaTemplateId: view.body.pakta.id, typedName: s.name, undertakings: view.body.undertakings.map(() => true) });
  const sign = (s: Signer) => call(port, s.ip, 'POST', `/api/campaigns/${campaignId}/sign`, { cookie: s.cookie, csrf: s.csrf, body: signBody(s) });

  // The surge: CONCURRENCY requests in flight at any time; SIGKILL in the callback of the KILL_AFTER-th
  // acknowledgement, so the others are cut mid-request.
  const acked = new Map<number, string[]>(); // signer index → signature ids acknowledged to it
  const lost = new Set<number>(); // signer indexes with a request that got no answer
  const otherStatuses: number[] = [];
  let ackCount = 0;
  let inFlightAtKill = -1;
  let inFlight = 0;
  let killed = false;
  const queue = signers.flatMap((s, i) => (i < DOUBLE ? [i, i] : [i]));
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < queue.length && !killed) {
        const i = queue[next++]!;
        inFlight++;
        try {
          const res = await sign(signers[i]!);
          if ((res.status === 201 || res.status === 200) && typeof res.body?.id === 'string') {
            acked.set(i, [...(acked.get(i) ?? []), res.body.id]);
            if (++ackCount === KILL_AFTER) {
              inFlightAtKill = inFlight - 1;
              killed = true;
              first.child.kill('SIGKILL');
            }
          } else otherStatuses.push(res.status);
        } catch {
          lost.add(i);
        } finally {
          inFlight--;
        }
      }
    }),
  );
  await first.exited;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(otherStatuses).toEqual([]);
  expect(ackCount).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(inFlightAtKill).toBeGreaterThan(0); // requests really were in flight when the process died
  expect(lost.size).toBeGreaterThan(0); // and their answers were lost
  expect(ackCount).toBeLessThan(queue.length); // the surge really was cut
  for (const ids of acked.values()) expect(new Set(ids).size).toBe(1); // a double-submit got one signature

  // Restart on the same data.
  const second = startServer(serverEnv);
  servers.push(second);
  await waitFor(() => second.output().includes('Netra berjalan di') || second.child.exitCode !== null, 'restart');
  expect(second.child.exitCode, second.output()).toBeNull();
  expect(second.output()).not.toContain('Data demo'); // not seeded again
  if (!env.DATABASE_URL) expect(readFileSync(join(dataDir, 'netra.lock'), 'utf8').trim()).toBe(String(second.child.pid)); // stale lock taken over

  // Every acknowledged signature is there and verifies.
  const ackedIds = new Map([...acked].map(([i, ids]) => [i, ids[0]!]));
  for (const [i, id] of ackedIds) {
    const v = await call(port, signers[i]!.ip, 'GET', `/api/public/verify/${id}`);
    expect(v.status).toBe(200);
    expect(v.body, `acknowledged signature ${id}`).toMatchObject({ status: 'valid', name: expect.any(String) });
  }

  // Nothing half-written: the set of signatures equals the set of pledge.sign audit entries; the chain holds.
  const admin2 = new HttpClient(base);
  await admin2.login('admin.bkpsdm');
  const auditIds: string[] = [];
  for (let page = 1; ; page++) {
    const res = await admin2.call('GET', `/api/audit?pageSize=200&page=${page}`);
    expect(res.status).toBe(200);
    auditIds.push(...res.body.items.filter((x: { action: string }) => x.action === 'pledge.sign').map((x: { entityId: string }) => x.entityId));
    if (page * 200 >= res.body.total) break;
  }
  expect(new Set(auditIds).size).toBe(auditIds.length);
  for (const id of ackedIds.values()) expect(auditIds).toContain(id);
  const campaignAfter = await admin2.call('GET', `/api/campaigns/${campaignId}`);
  expect(campaignAfter.body.signedCount).toBe(auditIds.length);
  const chain = await admin2.call('GET', '/api/audit/verify');
  expect(chain.body).toMatchObject({ ok: true });
  const storedAtRestart = auditIds.length;

  // The employees whose answer was lost sign again: one signature each, the acknowledged ones unchanged.
  for (const [i, s] of signers.entries()) {
    const again = await sign(s);
    expect([200, 201]).toContain(again.status);
    if (ackedIds.has(i)) {
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(ackedIds.get(i));
    }
  }
  // The signed PDF of an acknowledged signature is produced after the crash (job or on download).
  const [pdfSigner, pdfId] = [...ackedIds][0]!;
  const download = await fetch(`http://127.0.0.1:${port}/api/pledges/signatures/${pdfId}/pdf`, { headers: { cookie: signers[pdfSigner]!.cookie } });
  await download.arrayBuffer();
  const pdf = { status: download.status, type: download.headers.get('content-type') ?? undefined };
  expect(pdf).toEqual({ status: 200, type: 'application/pdf' });

  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);

  // The stored state, read directly: one signature per signer, each with exactly one audit entry.
  const { query, close } = await openQuery();
  try {
    const rows = await query(`select s.id, e.id_number, (select count(*)::int from audit_event a where a.tenant_id = s.tenant_id and a.action = 'pledge.sign' and a.entity_id = s.id::text) as audits
                              from pledge_signature s join employee e on e.tenant_id = s.tenant_id and e.id = s.employee_id where s.campaign_id = '${campaignId}'`);
    expect(rows.length).toBe(SIGNERS);
    expect(new Set(rows.map((r) => r.id_number))).toEqual(new Set(signers.map((s) => s.idNumber)));
    expect(rows.filter((r) => Number(r.audits) !== 1)).toEqual([]);
    for (const [i, id] of ackedIds) expect(rows.find((r) => r.id_number === signers[i]!.idNumber)?.id).toBe(id);
    const orphans = await query(`select count(*)::int as n from audit_event a where a.action = 'pledge.sign' and not exists (select 1 from pledge_signature s where s.id::text = a.entity_id)`);
    expect(Number(orphans[0].n)).toBe(0);
  } finally {
    await close();
  }
  return { acknowledged: ackedIds.size, answersLost: lost.size, storedAtRestart, committedButUnacknowledged: storedAtRestart - ackedIds.size, inFlightAtKill };
}

describe.runIf(TEST_DB === 'pglite')('crash during a signing surge on embedded PGlite', () => {
  it('keeps every acknowledged signature across kill -9 and leaves nothing half-written', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const result = await scenario({}, dataDir, async () => {
      const lite = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
      return { query: async (text) => (await lite.query<any>(text)).rows, close: () => lite.close() };
    });
    console.log(`pglite crash: ${JSON.stringify(result)}`);
  }, 90_000);
});

describe.runIf(TEST_DB === 'postgres')('crash during a signing surge on PostgreSQL', () => {
  it('keeps every acknowledged signature across kill -9 and leaves nothing half-written', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-pgcrash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const scratch = await createScratchDatabase('netra_crash');
    cleanups.push(scratch.drop);
    const result = await scenario({ DATABASE_URL: scratch.url }, dataDir, async () => {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      return { query: async (text) => (await client.query(text)).rows, close: () => client.end() };
    });
    console.log(`postgres crash: ${JSON.stringify(result)}`);
  }, 90_000);
});
