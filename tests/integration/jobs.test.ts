import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBossJobQueue } from '../../src/server/jobs/queue.js';
import { startTestApp, TEST_DB, type TestApp } from '../support/harness.js';

describe(`pg-boss job queue on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('runs queued jobs in the background and retries a failing one', async () => {
    const queue = new PgBossJobQueue(t.deps.database, t.databaseUrl, pino({ level: 'silent' }));
    const done: number[] = [];
    let failures = 0;
    queue.register('uji.kerja', async (p) => {
      done.push(p.n as number);
    });
    queue.register('uji.gagal', async () => {
      if (++failures < 2) throw new Error('gagal sekali');
    });
    await queue.start();
    try {
      await queue.enqueue('uji.kerja', { n: 1 });
      await queue.enqueue('uji.kerja', { n: 2 });
      await queue.enqueue('uji.gagal', {});
      const until = Date.now() + 30_000;
      while ((done.length < 2 || failures < 2) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(done.sort()).toEqual([1, 2]);
      expect(failures).toBe(2); // failed once, retried, then succeeded
    } finally {
      await queue.stop();
    }
  });
});
