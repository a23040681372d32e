/**
 * Capturing posts as evidence (issue 6): hashes of the text and of every file, sealed originals,
 * the screening stored with its model and watchlist version (and reproducible from them), edits as
 * new revisions with the original intact (the database refuses to change a revision), bad input.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScreener } from '../../src/screener/screener.js';
import { parseWatchlist } from '../../src/screener/watchlist.js';
import { sqlRows } from '../support/case-fixtures.js';
import { TEST_DB, TestClient } from '../support/harness.js';
import { capture, captureBody, captured, expectError, multipart, screenshot, sha256, startMonitoringWorld, type MonitoringWorld } from '../support/monitoring-fixtures.js';

describe(`monitoring capture on ${TEST_DB}`, () => {
  let w: MonitoringWorld;
  beforeAll(async () => {
    w = await startMonitoringWorld();
  });
  afterAll(() => w.t.close());

  it('stores the text and every file with their SHA-256, seals the original and screens the text', async () => {
    const png = await screenshot();
    const body = captureBody(w);
    const res = await capture(w.satgas, body, [{ name: 'layar-hp-budi.png', content: png, type: 'image/png' }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const d = res.body;
    expect(d).toMatchObject({ platform: 'facebook', accountHandle: 'budi.pns', text: body.text, revision: 1, reviewStatus: 'pending', source: 'form', caseId: null, watchlistId: w.watchlist.id, watchlistVersion: 1 });
    expect(d.textSha256).toBe(sha256(Buffer.from(body.text, 'utf8')));
    expect(d.files).toHaveLength(1);
    expect(d.files[0]).toMatchObject({ sha256: sha256(png), mimeType: 'image/png', size: png.length, hasCleanCopy: true });

    // The screening: a call to vote for pair 2 scores high, with spans that are slices of the text.
    expect(d.score).toBeGreaterThan(80);
    expect(d.pair).toBe(2);
    expect(d.pairLabel).toBe('Teguh–Maya');
    expect(d.modelVersion).toMatch(/^[0-9a-f]+\+[0-9a-f]+$/);
    expect(d.reasons.length).toBeGreaterThan(0);
    for (const r of d.reasons) expect(body.text.slice(r.start, r.end)).toBe(r.text);
    expect(d.reasons.map((r: { rule: string }) => r.rule)).toContain('vote_call');
    // Posted an hour ago, penetapan 20 days ago: a calon, so the disiplin list (D-6).
    expect(d.suggestedItem).toMatchObject({ code: 'D-6', list: 'disiplin', tier: 'berat' });

    // On disk the original is sealed (not the bytes received), and nothing keeps the file name.
    const [file] = await sqlRows<{ storage_path: string; purpose: string; file_name: string }>(w.t, `select storage_path, purpose, file_name from stored_file where id = '${d.files[0].id}'`);
    expect(file!.purpose).toBe('capture_evidence');
    expect(file!.file_name).not.toContain('budi');
    expect(readFileSync(file!.storage_path).equals(png)).toBe(false);
    const original = await w.satgas.get(`/api/monitoring/captures/${d.id}/files/${d.files[0].id}?variant=original`);
    expect(original.status).toBe(200);
    expect(sha256(original.raw)).toBe(sha256(png));
    expect(original.headers['content-disposition']).toMatch(/^attachment/);

    // The audit event carries hashes and the score, not the text.
    const [audit] = await sqlRows<{ after: string }>(w.t, `select after::text from audit_event where action = 'monitoring.capture.create' and entity_id = '${d.id}'`);
    expect(audit!.after).toContain(d.textSha256);
    expect(audit!.after).not.toContain('coblos');
  });

  it('stores a score that the stored model and watchlist version reproduce exactly', async () => {
    const d = await captured(w.satgas, captureBody(w, { text: 'Bersama Pak Arief di kampanye akbar, ayo dukung 01! ☝️ #AriefLestari01', actKind: 'photo_gesture' }));
    const [wl] = await sqlRows<{ document: unknown }>(w.t, `select document from monitoring_watchlist where id = '${d.watchlistId}'`);
    const screener = loadScreener();
    expect(screener.version).toBe(d.modelVersion);
    const again = screener.screen({ id: 'x', text: d.text, posted_at: d.postedAt }, parseWatchlist(typeof wl!.document === 'string' ? JSON.parse(wl!.document) : wl!.document), { actKind: 'photo_gesture' });
    expect(again.score).toBe(d.score);
    expect(again.signals).toEqual(d.signals);
    expect(again.reasons.map((r) => [r.start, r.end, r.rule])).toEqual(d.reasons.map((r: { start: number; end: number; rule: string }) => [r.start, r.end, r.rule]));
    expect(d.suggestedItem.code).toBe('D-7'); // a photo with a gesture after penetapan
  });

  it('suggests the kode etik item for a post before penetapan calon', async () => {
    const before = new Date(Date.parse(`${w.penetapan}T00:00:00+07:00`) - 2 * 86_400_000).toISOString();
    const d = await captured(w.satgas, captureBody(w, { postedAt: before }));
    expect(d.suggestedItem).toMatchObject({ code: 'KE-4', list: 'kode_etik', tier: 'moral' });
  });

  it('keeps the original when the capture is edited: a new revision, re-screened, with its reason', async () => {
    const employee = (await sqlRows<{ id: string }>(w.t, `select id from employee where category = 'pns' order by id_number limit 1`))[0]!;
    const first = await captured(w.satgas, captureBody(w, { text: 'Selamat pagi, rapat koordinasi jam 9 di aula.' }));
    expect(first.score).toBeLessThan(30);
    const edit = await w.satgas.post(`/api/monitoring/captures/${first.id}/revisions`, {
      text: 'Selamat pagi, rapat koordinasi jam 9 di aula. Jangan lupa coblos nomor 2 ya ✌️',
      employeeId: employee.id,
      employeeConfirmed: true,
      reason: 'Teks terpotong saat disalin; dilengkapi dari tangkapan layar.',
      expectedRevision: 1,
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(edit.body).toMatchObject({ revision: 2, employeeConfirmed: true, employee: { id: employee.id } });
    expect(edit.body.score).toBeGreaterThan(first.score);
    expect(edit.body.revisions.map((r: { revision: number; reason: string | null }) => [r.revision, r.reason])).toEqual([[1, null], [2, 'Teks terpotong saat disalin; dilengkapi dari tangkapan layar.']]);
    expect(edit.body.revisions[0]).toMatchObject({ text: first.text, textSha256: first.textSha256, score: first.score });

    const rows = await sqlRows<{ revision: number; text: string; text_sha256: string }>(w.t, `select revision, text, text_sha256 from social_capture_revision where capture_id = '${first.id}' order by revision`);
    expect(rows[0]).toEqual({ revision: 1, text: first.text, text_sha256: first.textSha256 });
    expect(rows[1]!.text_sha256).toBe(sha256(Buffer.from(rows[1]!.text, 'utf8')));

    // The database itself refuses to overwrite or remove a revision.
    for (const statement of [`update social_capture_revision set text = 'diubah' where capture_id = '${first.id}' and revision = 1`, `delete from social_capture_revision where capture_id = '${first.id}'`]) {
      const error = await w.t.deps.db.execute(statement as never).then(() => null, (e: { message?: string; cause?: { message?: string } }) => e);
      expect(String(error?.cause?.message ?? error?.message)).toMatch(/append-only/);
    }

    // A stale edit (from a page showing revision 1) is refused; an edit that changes nothing too.
    expectError(await w.satgas.post(`/api/monitoring/captures/${first.id}/revisions`, { text: 'lain', reason: 'coba lagi', expectedRevision: 1 }), 409, 'CAPTURE_CONFLICT');
    expectError(await w.satgas.post(`/api/monitoring/captures/${first.id}/revisions`, { reason: 'tidak ada', expectedRevision: 2 }), 400, 'VALIDATION_FAILED');
    const [audit] = await sqlRows<{ before: string; after: string }>(w.t, `select before::text, after::text from audit_event where action = 'monitoring.capture.edit' and entity_id = '${first.id}'`);
    expect(audit!.before).toContain(first.textSha256);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const count = async () => (await sqlRows<{ n: number }>(w.t, `select (select count(*) from social_capture)::int + (select count(*) from stored_file where purpose like 'capture%')::int as n`))[0]!.n;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '   ' }, 'text'],
      [{ text: `abc\u0000\u0001\u0002\u0003 binary` }, 'text'],
      [{ text: 'x'.repeat(50_001) }, 'text'],
      [{ url: 'facebook.com/tanpa-skema' }, 'url'],
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ platform: 'myspace' }, 'platform'],
      [{ accountHandle: '@' }, 'accountHandle'],
      [{ postedAt: new Date(Date.now() + 86_400_000).toISOString() }, 'postedAt'],
      [{ postedAt: '20-11-2026' }, 'postedAt'],
      [{ electionEventId: '00000000-0000-4000-8000-000000000000' }, 'electionEventId'],
    ];
    for (const [override, field] of cases) {
      const res = await capture(w.satgas, captureBody(w, override));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.body.error.details), `${field}: ${JSON.stringify(res.body)}`).toContain(field);
    }
    // A file that is not an image or video (HTML named .png) is refused by its content.
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expectError(await capture(w.satgas, captureBody(w), [{ name: 'bukti.png', content: html, type: 'image/png' }]), 415, 'FILE_TYPE_UNSUPPORTED');
    // A form field that is not JSON at all.
    const broken = await multipart(w.satgas, '/api/monitoring/captures', { capture: '{"platform":' });
    expectError(broken, 400, 'VALIDATION_FAILED');
    expect(await count()).toBe(before);
  });

  it('lets the Inspektorat capture but not read the queue; others may do neither', async () => {
    const d = await captured(w.inspektorat, captureBody(w, { text: 'Mantap Bang Arief! Lanjutkan! 👍' }));
    expect(d.allowed).toEqual({ review: false, edit: true, openCase: false });
    expectError(await w.inspektorat.get('/api/monitoring/captures'), 403, 'FORBIDDEN');
    expectError(await w.inspektorat.get(`/api/monitoring/captures/${d.id}`), 403, 'FORBIDDEN');
    for (const client of [w.pimpinan, w.ppk]) {
      expectError(await capture(client, captureBody(w)), 403, 'FORBIDDEN');
      expectError(await client.get('/api/monitoring/captures'), 403, 'FORBIDDEN');
      expectError(await client.get(`/api/monitoring/captures/${d.id}`), 403, 'FORBIDDEN');
    }
    const anonymous = new TestClient(w.t);
    expectError(await anonymous.get('/api/monitoring/captures'), 401, 'UNAUTHENTICATED');
  });
});
