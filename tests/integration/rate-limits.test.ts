import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

describe(`rate limits behind a reverse proxy on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY_HOPS: '1', RATE_LIMIT_SIGN_IN_PER_MINUTE: '3' });
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 10);
  });
  afterAll(() => t.close());

  const attempt = (client: TestClient, forwardedFor: string) =>
    client.request({ method: 'POST', url: '/api/auth/otp/request', payload: { idNumber: '196001011990031001' }, headers: { 'x-forwarded-for': forwardedFor } });

  it('counts each client address the proxy reports, not the proxy itself', async () => {
    const client = new TestClient(t);
    const spread = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => attempt(client, `198.51.100.${i}`)));
    expect(spread.every((r) => r.status === 200)).toBe(true);
    const same: number[] = [];
    for (let i = 0; i < 5; i++) same.push((await attempt(client, '198.51.100.99')).status);
    expect(same.slice(0, 3)).toEqual([200, 200, 200]);
    expect(same[3]).toBe(429);
  });
});
