/**
 * The soak benchmark's short mode in CI (bench/soak.ts --short): the real server process on a scratch
 * PostgreSQL database under ~40 s of the mixed, open-loop load at a low rate. Not a timed assertion:
 * it checks that nothing failed (no unexpected status, no socket error, no request left unanswered
 * for 60 s, i.e. a hang rather than slowness) and that every endpoint of the mix was exercised;
 * latencies are printed by the run, never asserted (the CI machine is shared).
 * PostgreSQL only (the soak is defined on PostgreSQL); skipped on PGlite.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SoakJson } from '../../bench/soak.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const onPostgres = process.env.NETRA_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;

describe.skipIf(!onPostgres)('soak, short mode (PostgreSQL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netra-soak-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the whole mix for 40 s at 4 requests/s with no error, every endpoint exercised', async () => {
    const jsonPath = join(dir, 'soak.json');
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/soak.ts', '--short', '--seconds', '40', '--rate', '4', '--timeout-ms', '60000', '--json', jsonPath, '--db', `netra_soak_ci_${process.pid}`], {
      cwd: ROOT,
      env: { ...process.env, BENCH_PG_URL: process.env.TEST_DATABASE_URL },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const tail = output.slice(-6000);
    expect(code, tail).toBe(0);

    const result = JSON.parse(readFileSync(jsonPath, 'utf8')) as SoakJson;
    expect(result.totalErrors, tail).toBe(0);
    const counts = new Map(result.endpoints.map((e) => [e.endpoint, e.count]));
    const missed = result.expectedEndpoints.filter((e) => !(counts.get(e)! > 0));
    expect(missed, tail).toEqual([]);
    for (const e of result.endpoints) expect(e.errors, `${e.endpoint}: ${e.samples.join(' | ')}`).toBe(0);
    expect(result.signExhausted).toBe(0);
    expect(result.rss.samples.length).toBeGreaterThanOrEqual(3);
  }, 900_000);
});
