/**
 * The review queue (riskiest first, filters, pages), reviewer decisions with reasons (audited,
 * duplicates pointing at their original), the labelled-data export, and who may do what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows } from '../support/case-fixtures.js';
import { TEST_DB } from '../support/harness.js';
import { captureBody, captured, expectError, startMonitoringWorld, type MonitoringWorld } from '../support/monitoring-fixtures.js';

const TEXTS = {
  voteCall: 'Ayo coblos nomor 2! Teguh–Maya pasti menang ✌️ #TeguhMaya02',
  hoax: 'Katanya ASN yang tidak memilih 02 bakal dimutasi ke pelosok.',
  news: 'KPU menetapkan dua pasangan calon bupati Contoh: Arief–Lestari dan Teguh–Maya.',
  abusive: 'Dasar kampret, pendukung sebelah memang bodoh semua!',
  benign: 'Selamat pagi, posyandu balita di balai kelurahan jam 8.',
};

describe(`monitoring queue and review on ${TEST_DB}`, () => {
  let w: MonitoringWorld;
  const ids: Record<keyof typeof TEXTS, string> = {} as never;

  beforeAll(async () => {
    w = await startMonitoringWorld();
    // Captured in an order unrelated to risk.
    for (const key of ['benign', 'voteCall', 'news', 'abusive', 'hoax'] as const) {
      ids[key] = (await captured(w.satgas, captureBody(w, { text: TEXTS[key], platform: key === 'news' ? 'x' : 'facebook' }))).id;
    }
  });
  afterAll(() => w.t.close());

  it('lists pending captures riskiest first, with scores, signals, pair, item and reason spans', async () => {
    const res = await w.satgas.get('/api/monitoring/captures');
    expect(res.status).toBe(200);
    const items = res.body.items as { id: string; score: number; text: string; reasons: { start: number; end: number; text: string }[]; signals: object; pair: number | null }[];
    expect(res.body.total).toBe(5);
    const scores = items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(items[0]!.id).toBe(ids.voteCall);
    expect(items.at(-1)!.id).toBe(ids.benign);
    expect(items[0]).toMatchObject({ pair: 2, pairLabel: 'Teguh–Maya', suggestedItem: { code: 'D-6' }, signals: { partisan: expect.any(Number), hate: expect.any(Number), abusive: expect.any(Number), hoax: expect.any(Number) } });
    for (const item of items) for (const r of item.reasons) expect(item.text.slice(r.start, r.end)).toBe(r.text);
    const hoax = items.find((i) => i.id === ids.hoax)!;
    expect(hoax.signals).toMatchObject({ hoax: 100 });
  });

  it('filters by score, platform, words and status, and pages', async () => {
    const high = await w.satgas.get('/api/monitoring/captures?minScore=50');
    expect(high.body.items.every((i: { score: number }) => i.score >= 50)).toBe(true);
    expect(high.body.items.map((i: { id: string }) => i.id)).toContain(ids.voteCall);
    const onX = await w.satgas.get('/api/monitoring/captures?platform=x');
    expect(onX.body.items.map((i: { id: string }) => i.id)).toEqual([ids.news]);
    const page2 = await w.satgas.get('/api/monitoring/captures?pageSize=2&page=2');
    expect(page2.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.body.items).toHaveLength(2);
    const recent = await w.satgas.get('/api/monitoring/captures?sort=recent');
    expect(recent.body.items[0].id).toBe(ids.hoax);
    expectError(await w.satgas.get('/api/monitoring/captures?minScore=101'), 400, 'VALIDATION_FAILED');
    expectError(await w.satgas.get('/api/monitoring/captures?status=tertunda'), 400, 'VALIDATION_FAILED');
  });

  it('records reviewer decisions with reasons; a duplicate points at its original', async () => {
    const notRelevant = await w.satgas.post(`/api/monitoring/captures/${ids.news}/review`, { decision: 'not_relevant', reason: 'Berita netral dari KPU, tanpa ajakan.', expectedRevision: 1 });
    expect(notRelevant.status, JSON.stringify(notRelevant.body)).toBe(200);
    expect(notRelevant.body).toMatchObject({ reviewStatus: 'not_relevant', review: { status: 'not_relevant', reason: 'Berita netral dari KPU, tanpa ajakan.', by: expect.any(String) } });

    const copy = await captured(w.satgas, captureBody(w, { text: TEXTS.voteCall, url: 'https://facebook.com/orang.lain/posts/9' }));
    expect(copy.possibleDuplicates.map((d: { id: string }) => d.id)).toContain(ids.voteCall);
    expectError(await w.satgas.post(`/api/monitoring/captures/${copy.id}/review`, { decision: 'duplicate', reason: 'Sama persis', expectedRevision: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await w.satgas.post(`/api/monitoring/captures/${copy.id}/review`, { decision: 'duplicate', reason: 'Sama', duplicateOfId: copy.id, expectedRevision: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await w.satgas.post(`/api/monitoring/captures/${copy.id}/review`, { decision: 'relevant', reason: 'x', expectedRevision: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await w.satgas.post(`/api/monitoring/captures/${copy.id}/review`, { decision: 'relevant', reason: 'Versi lama halaman', expectedRevision: 4 }), 409, 'CAPTURE_CONFLICT');
    const dup = await w.satgas.post(`/api/monitoring/captures/${copy.id}/review`, { decision: 'duplicate', reason: 'Unggahan ulang teks yang sama.', duplicateOfId: ids.voteCall, expectedRevision: 1 });
    expect(dup.body.review).toMatchObject({ status: 'duplicate', duplicateOfId: ids.voteCall });

    const relevant = await w.admin.post(`/api/monitoring/captures/${ids.voteCall}/review`, { decision: 'relevant', reason: 'Ajakan mencoblos pasangan nomor 2.', expectedRevision: 1 });
    expect(relevant.body.reviewStatus).toBe('relevant');
    // A decision can be revised; both are in the audit log with before and after.
    await w.satgas.post(`/api/monitoring/captures/${ids.abusive}/review`, { decision: 'relevant', reason: 'Menghina pendukung calon.', expectedRevision: 1 });
    await w.satgas.post(`/api/monitoring/captures/${ids.abusive}/review`, { decision: 'not_relevant', reason: 'Tidak menyebut calon; bukan netralitas.', expectedRevision: 1 });
    const audits = await sqlRows<{ before: string; after: string }>(w.t, `select before::text, after::text from audit_event where action = 'monitoring.capture.review' and entity_id = '${ids.abusive}' order by id`);
    expect(audits).toHaveLength(2);
    expect(audits[1]!.before).toContain('relevant');
    expect(audits[1]!.after).toContain('not_relevant');

    const pending = await w.satgas.get('/api/monitoring/captures');
    expect(pending.body.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.benign, ids.hoax].sort());
    const reviewed = await w.satgas.get('/api/monitoring/captures?status=relevant');
    expect(reviewed.body.items.map((i: { id: string }) => i.id)).toEqual([ids.voteCall]);
  });

  it('exports reviewer decisions as JSONL labelled data (duplicates left out), audited', async () => {
    const res = await w.satgas.get('/api/monitoring/labels.jsonl');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/label-tinjauan\.jsonl/);
    const lines = res.raw.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id).sort()).toEqual([ids.news, ids.voteCall, ids.abusive].sort());
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['id', 'label', 'model_version', 'reason', 'text']);
    expect(lines.find((l) => l.id === ids.voteCall)).toMatchObject({ text: TEXTS.voteCall, label: 'relevant', reason: 'Ajakan mencoblos pasangan nomor 2.' });
    expect(lines.find((l) => l.id === ids.news)).toMatchObject({ label: 'not_relevant' });
    const [audit] = await sqlRows<{ after: string }>(w.t, `select after::text from audit_event where action = 'monitoring.labels.export'`);
    expect(audit!.after).toContain('"lines": 3');
  });

  it('refuses roles outside the Satgas with the error shape', async () => {
    for (const client of [w.pimpinan, w.ppk, w.inspektorat]) {
      expectError(await client.post(`/api/monitoring/captures/${ids.benign}/review`, { decision: 'relevant', reason: 'coba-coba', expectedRevision: 1 }), 403, 'FORBIDDEN');
      expectError(await client.get('/api/monitoring/labels.jsonl'), 403, 'FORBIDDEN');
      expectError(await client.post(`/api/monitoring/captures/${ids.benign}/open-case`, { expectedRevision: 1 }), 403, 'FORBIDDEN');
    }
    const session = await w.ppk.get('/api/auth/session');
    expect(session.body.permissions).toMatchObject({ 'monitoring.read': false, 'monitoring.review': false });
    const satgas = await w.satgas.get('/api/auth/session');
    expect(satgas.body.permissions).toMatchObject({ 'monitoring.read': true, 'monitoring.capture': true, 'monitoring.review': true, 'monitoring.watchlist': true });
    expectError(await w.satgas.get('/api/monitoring/captures/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });
});
