/**
 * `npm start` as a user runs it: a real server process on a fresh data dir. Covers the demo seed and
 * banner, the second-start refusal on one PGlite dir, and an acknowledged write surviving kill -9.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../support/harness.js';
import { createScratchDatabase } from '../support/template.js';
import { freePort, startServer, waitFor, type ServerProcess } from '../support/server-process.js';

async function signIn(base: string) {
  const session = await fetch(`${base}/api/auth/session`);
  const csrf = session.headers.getSetCookie().find((c) => c.startsWith('netra_csrf='))!.split(';')[0]!;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf, 'x-csrf-token': csrf.split('=')[1]! },
    body: JSON.stringify({ username: 'admin.bkpsdm', password: 'Netra-Demo-2026!' }),
  });
  expect(login.status).toBe(200);
  const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const token = cookies.find((c) => c.startsWith('netra_csrf='))!.split('=')[1]!;
  return { cookie: cookies.join('; '), token };
}

const servers: ServerProcess[] = [];
afterAll(() => {
  for (const s of servers) s.child.kill('SIGKILL');
});

describe.runIf(TEST_DB === 'pglite')('npm start on embedded PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'netra-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the demo, prints URL and accounts, refuses a second start, and keeps acknowledged writes after kill -9', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = startServer({ DATA_DIR: dataDir, PORT: String(port) });
    servers.push(first);
    await waitFor(() => first.output().includes('Netra berjalan di'), 'banner');
    expect(first.output()).toContain(base);
    expect(first.output()).toMatch(/admin\.bkpsdm\s+Netra-Demo-2026!/);
    expect(first.output()).toContain('Kabupaten Contoh');

    const second = startServer({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(await second.exited).toBe(75);
    expect(second.output()).toMatch(/sedang dipakai oleh proses Netra lain/);

    const { cookie, token } = await signIn(base);
    const list = await (await fetch(`${base}/api/employees?pageSize=1`, { headers: { cookie } })).json();
    const id = list.items[0].id;
    const patch = await fetch(`${base}/api/employees/${id}`, {
      method: 'PATCH',
      headers: { cookie, 'x-csrf-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '081234567890' }),
    });
    expect(patch.status).toBe(200);
    first.child.kill('SIGKILL');
    await first.exited;

    const third = startServer({ DATA_DIR: dataDir, PORT: String(port) });
    servers.push(third);
    await waitFor(() => third.output().includes('Netra berjalan di'), 'restart');
    expect(third.output()).not.toContain('Data demo'); // not seeded twice
    const again = await signIn(base);
    const employee = await (await fetch(`${base}/api/employees/${id}`, { headers: { cookie: again.cookie } })).json();
    expect(employee.phone).toBe('081234567890');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('refuses to start on invalid configuration and lists every problem', async () => {
    const bad = startServer({ DATA_DIR: dataDir, PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' });
    expect(await bad.exited).toBe(78);
    expect(bad.output()).toMatch(/PORT/);
    expect(bad.output()).toMatch(/DATABASE_URL/);
    expect(bad.output()).toMatch(/SMTP_URL/);
  });
});

describe.runIf(TEST_DB === 'postgres')('npm start on a PostgreSQL server', () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(() => drop?.());

  it('migrates, seeds and serves with DATABASE_URL', async () => {
    const scratch = await createScratchDatabase('netra_start');
    drop = scratch.drop;
    const port = await freePort();
    const server = startServer({ DATABASE_URL: scratch.url, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'netra-pgstart-')) });
    servers.push(server);
    await waitFor(() => server.output().includes('Netra berjalan di'), 'banner');
    expect(server.output()).toContain('server PostgreSQL');
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health).toEqual({ ok: true, database: 'postgres' });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
