import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';

describe(`platform basics on ${TEST_DB}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database kind', async () => {
    const res = await new TestClient(t).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, database: TEST_DB });
  });

  it('answers unknown API routes with the error shape', async () => {
    const res = await new TestClient(t).get('/api/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    expect(typeof res.body.error.message).toBe('string');
  });

  it('serves the OpenAPI document', async () => {
    const res = await new TestClient(t).get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/employees', '/api/imports', '/api/units']));
  });
});
