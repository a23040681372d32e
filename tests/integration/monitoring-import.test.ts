/**
 * Bulk import of social-listening exports (CSV and JSONL): good rows screened and imported in one
 * transaction, per-row Indonesian errors with row numbers, "all or nothing" refusing the batch, whole
 * files refused (binary, missing columns), progress, employees by NIP and by declared handle, repeats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows } from '../support/case-fixtures.js';
import { TEST_DB } from '../support/harness.js';
import { expectError, importFile, startMonitoringWorld, type MonitoringWorld } from '../support/monitoring-fixtures.js';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

describe(`monitoring import on ${TEST_DB}`, () => {
  let w: MonitoringWorld;
  let nip: string;
  let employeeId: string;
  const importCount = async (importId: string) => (await sqlRows<{ n: number }>(w.t, `select count(*)::int as n from social_capture where import_id = '${importId}'`))[0]!.n;

  beforeAll(async () => {
    w = await startMonitoringWorld();
    const [e] = await sqlRows<{ id: string; id_number: string }>(w.t, `select id, id_number from employee where category = 'pns' order by id_number offset 3 limit 1`);
    nip = e!.id_number;
    employeeId = e!.id;
    const declared = await w.admin.post('/api/monitoring/declared-accounts', { employeeId, platform: 'instagram', handle: '@Guru.Sekar', legalBasis: 'Dinyatakan dalam pakta integritas (UU 27/2022).', declaredOn: '2026-01-05' });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  });
  afterAll(() => w.t.close());

  it('imports the good rows of a CSV and lists every bad row with its number and an Indonesian reason', async () => {
    const header = ['platform', 'url', 'handle', 'display_name', 'text', 'posted_at', 'act_kind', 'employee_nip'];
    const rows = [
      header,
      ['facebook', 'https://facebook.com/a/posts/1', '@pns.a', 'Pegawai A', 'Ayo coblos nomor 2! Teguh–Maya pasti menang ✌️', hoursAgo(5), 'post', nip], // 2
      ['Twitter', 'https://x.com/b/status/2', 'b_b', '', 'Selamat pagi, rapat jam 9.', '20/11/2025 09:15', 'retweet', ''], // 3: aliases
      ['instagram', 'https://instagram.com/p/3', 'guru.sekar', 'Sekar', 'Foto bareng Pak Arief ☝️ #AriefLestari01', hoursAgo(30), 'photo_gesture', ''], // 4: declared handle
      ['myspace', 'https://myspace.com/x', 'x', '', 'teks', hoursAgo(1), 'post', ''], // 5
      ['facebook', 'facebook.com/tanpa-skema', 'y', '', 'teks', hoursAgo(1), 'post', ''], // 6
      ['facebook', 'https://facebook.com/z/1', 'z', '', '', hoursAgo(1), 'post', ''], // 7
      ['facebook', 'https://facebook.com/z/2', 'z', '', 'teks', 'kemarin sore', 'post', ''], // 8
      ['facebook', 'https://facebook.com/z/3', 'z', '', 'teks', hoursAgo(1), 'dansa', ''], // 9
      ['facebook', 'https://facebook.com/z/4', 'z', '', 'teks', hoursAgo(1), 'post', '199999999999999999'], // 10
      ['facebook', 'https://facebook.com/a/posts/1', '@pns.a', 'Pegawai A', 'Ayo coblos nomor 2! Teguh–Maya pasti menang ✌️', hoursAgo(5), 'post', nip], // 11: repeat of 2
      ['facebook', 'https://facebook.com/z/5', 'z', '', 'x'.repeat(60_000), hoursAgo(1), 'post', ''], // 12
      ['facebook', 'https://facebook.com/z/6', 'z', '', 'teks', new Date(Date.now() + 2 * 86_400_000).toISOString(), 'post', ''], // 13
    ];
    const res = await importFile(w.satgas, 'ekspor-sosmed.csv', csv(rows), { mode: 'skip_invalid', electionEventId: w.event.id, electionContestId: w.contestId });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const batch = res.body;
    expect(batch).toMatchObject({ status: 'done', format: 'csv', mode: 'skip_invalid', totalRows: 12, processedRows: 12, importedRows: 3, errorRows: 9, progress: 100 });
    const byRow = new Map<number, string>();
    for (const i of batch.issues) byRow.set(i.row, `${i.column ?? ''}: ${i.message}`);
    expect([...byRow.keys()].sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(byRow.get(5)).toMatch(/^platform: Platform "myspace" tidak dikenal/);
    expect(byRow.get(6)).toMatch(/^url: URL tidak valid/);
    expect(byRow.get(7)).toMatch(/^text: Teks unggahan wajib diisi|^text: Teks unggahan kosong/);
    expect(byRow.get(8)).toMatch(/^posted_at: Waktu unggahan tidak valid/);
    expect(byRow.get(9)).toMatch(/^act_kind: Jenis perbuatan "dansa" tidak dikenal/);
    expect(byRow.get(10)).toMatch(/^employee_nip: NIP\/NIK 199999999999999999 tidak ditemukan/);
    expect(byRow.get(11)).toMatch(/sama dengan baris 2/);
    expect(byRow.get(12)).toMatch(/^text: Teks terlalu panjang/);
    expect(byRow.get(13)).toMatch(/masa depan/);

    const imported = await sqlRows<{ import_row: number; platform: string; act_kind: string; employee_id: string | null; employee_confirmed: boolean; score: number; watchlist_id: string; text_sha256: string }>(
      w.t,
      `select c.import_row, r.platform, r.act_kind, r.employee_id, r.employee_confirmed, r.score, r.watchlist_id, r.text_sha256 from social_capture c join social_capture_revision r on r.tenant_id = c.tenant_id and r.capture_id = c.id and r.revision = 1 where c.import_id = '${batch.id}' order by c.import_row`,
    );
    expect(imported.map((r) => [r.import_row, r.platform, r.act_kind])).toEqual([[2, 'facebook', 'post'], [3, 'x', 'share'], [4, 'instagram', 'photo_gesture']]);
    // A NIP in the file is a confirmed match; a handle from the register only a suggestion to confirm.
    expect(imported[0]).toMatchObject({ employee_confirmed: true });
    expect(imported[2]).toMatchObject({ employee_id: employeeId, employee_confirmed: false });
    expect(imported[1]!.employee_id).toBeNull();
    expect(imported.every((r) => r.watchlist_id === w.watchlist.id && r.text_sha256.length === 64)).toBe(true);
    expect(imported[0]!.score).toBeGreaterThan(imported[1]!.score);

    // Importing the same file again captures nothing twice.
    const again = await importFile(w.satgas, 'ekspor-sosmed.csv', csv(rows.slice(0, 4)), { electionEventId: w.event.id });
    expect(again.body).toMatchObject({ status: 'refused', importedRows: 0, errorRows: 3 });
    expect(again.body.issues.every((i: { message: string }) => /sudah pernah ditangkap/.test(i.message))).toBe(true);

    const list = await w.satgas.get('/api/monitoring/imports');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(batch.id);
  });

  it('reads JSONL: invalid JSON lines, junk and good rows, each error on its line', async () => {
    const lines = [
      JSON.stringify({ platform: 'tiktok', url: 'https://tiktok.com/@c/video/1', handle: 'c', text: 'Contoh Maju Bersama! pilih ARLES 🙌', posted_at: hoursAgo(2), act_kind: 'post' }),
      '{"platform": "facebook", "url": ', // 2: not JSON
      '',
      '[1, 2, 3]', // 4: not an object
      JSON.stringify({ platform: 'facebook', url: 'https://facebook.com/d/1', handle: 'd', text: `\u0000\u0001\u0002\u0003junk\u0004\u0005`, posted_at: hoursAgo(2) }), // 5: binary junk
      JSON.stringify({ platform: 'facebook', url: 'https://facebook.com/d/2', handle: 'd', text: 12345, posted_at: hoursAgo(2) }), // 6: text not a string
      JSON.stringify({ platform: 'whatsapp', url: 'https://chat.whatsapp.com/abc', handle: 'Grup RT 05', text: 'Besok kerja bakti jam 7 pagi.', posted_at: '2026-01-10', employee_nip: nip }), // 7
    ];
    const res = await importFile(w.satgas, 'listening.jsonl', lines.join('\n'), { electionEventId: w.event.id });
    expect(res.body, JSON.stringify(res.body)).toMatchObject({ status: 'done', format: 'jsonl', totalRows: 6, importedRows: 2, errorRows: 4 });
    expect(res.body.issues.map((i: { row: number; message: string }) => [i.row, i.message])).toEqual([
      [2, 'Baris bukan JSON yang valid.'],
      [4, expect.stringMatching(/harus berupa objek JSON/)],
      [5, expect.stringMatching(/biner/)],
      [6, 'Teks unggahan harus berupa teks.'],
    ]);
    expect(await importCount(res.body.id)).toBe(2);
  });

  it('refuses the whole batch under "all or nothing" when one row is wrong', async () => {
    const lines = [
      JSON.stringify({ platform: 'facebook', url: 'https://facebook.com/e/1', handle: 'e', text: 'Ayo dukung Teguh–Maya!', posted_at: hoursAgo(3) }),
      JSON.stringify({ platform: 'friendster', url: 'https://friendster.com/e/2', handle: 'e', text: 'teks', posted_at: hoursAgo(3) }),
    ];
    const res = await importFile(w.satgas, 'semua-atau-tidak.jsonl', lines.join('\n'), { mode: 'all_or_nothing', electionEventId: w.event.id });
    expect(res.body).toMatchObject({ status: 'refused', mode: 'all_or_nothing', totalRows: 2, importedRows: 0, errorRows: 1 });
    expect(res.body.failureMessage).toMatch(/semua atau tidak sama sekali/);
    expect(res.body.issues).toEqual([{ row: 2, column: 'platform', message: expect.stringMatching(/friendster/) }]);
    expect(await importCount(res.body.id)).toBe(0);
  });

  it('refuses files that are not UTF-8 CSV/JSONL or lack a required column, importing nothing', async () => {
    const before = (await sqlRows<{ n: number }>(w.t, 'select count(*)::int as n from social_capture'))[0]!.n;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f8a6f50000000049454e44ae426082', 'hex');
    const binary = await importFile(w.satgas, 'gambar.csv', png);
    expect(binary.body).toMatchObject({ status: 'refused', importedRows: 0 });
    expect(binary.body.failureMessage).toMatch(/biner|UTF-8/);
    const latin1 = await importFile(w.satgas, 'latin1.csv', Buffer.from('platform,url,handle,text,posted_at\nfacebook,https://f.com/1,a,Caf\xe9 d\xe9j\xe0,2026-01-01\n', 'latin1'));
    expect(latin1.body.failureMessage).toMatch(/UTF-8/);
    const noColumns = await importFile(w.satgas, 'kurang.csv', 'platform,url,text\nfacebook,https://f.com/1,halo\n');
    expect(noColumns.body).toMatchObject({ status: 'refused' });
    expect(noColumns.body.failureMessage).toMatch(/Kolom wajib tidak ada.*handle.*posted_at/);
    const unclosed = await importFile(w.satgas, 'kutip.csv', 'platform,url,handle,text,posted_at\nfacebook,https://f.com/1,a,"tidak ditutup,2026-01-01\n');
    expect(unclosed.body.failureMessage).toMatch(/tanda kutip/);
    const empty = await importFile(w.satgas, 'kosong.csv', '');
    expectError(empty, 400, 'VALIDATION_FAILED');
    expect((await sqlRows<{ n: number }>(w.t, 'select count(*)::int as n from social_capture'))[0]!.n).toBe(before);
    const [audit] = await sqlRows<{ n: number }>(w.t, `select count(*)::int as n from audit_event where action = 'monitoring.import.refused'`);
    expect(audit!.n).toBeGreaterThanOrEqual(4);
  });

  it('reports progress while it runs (running, screened, committed) and commits every row at once', async () => {
    // Watch every change of the batch row from inside the database.
    for (const statement of [
      'create table progress_log (seq serial primary key, status text, progress int, processed int)',
      `create function log_progress() returns trigger as $$ begin insert into progress_log (status, progress, processed) values (new.status, new.progress, new.processed_rows); return new; end; $$ language plpgsql`,
      'create trigger capture_import_progress after update on capture_import for each row execute function log_progress()',
    ]) await w.t.deps.db.execute(statement as never);
    const lines = Array.from({ length: 2500 }, (_, i) => JSON.stringify({ platform: 'facebook', url: `https://facebook.com/p/${i}`, handle: `akun${i % 40}`, text: i % 3 ? `Kabar desa hari ke-${i}: kerja bakti dan posyandu.` : `Ayo dukung Teguh–Maya nomor 2, hari ke-${i} ✌️`, posted_at: hoursAgo(1 + (i % 48)) }));
    const res = await importFile(w.satgas, 'besar.jsonl', lines.join('\n'), { electionEventId: w.event.id, electionContestId: w.contestId });
    expect(res.body).toMatchObject({ status: 'done', totalRows: 2500, importedRows: 2500, errorRows: 0, progress: 100 });
    const log = await sqlRows<{ status: string; progress: number; processed: number }>(w.t, 'select status, progress, processed from progress_log order by seq');
    expect(log[0]).toMatchObject({ status: 'running', progress: 0 });
    expect(log.some((l) => l.status === 'running' && l.progress >= 90 && l.processed === 2500)).toBe(true);
    expect(log.at(-1)).toMatchObject({ status: 'done', progress: 100 });
    const progress = log.map((l) => l.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await importCount(res.body.id)).toBe(2500);
  });

  it('is open to capturers only', async () => {
    expectError(await importFile(w.pimpinan, 'x.jsonl', '{}'), 403, 'FORBIDDEN');
    expectError(await w.ppk.get('/api/monitoring/imports'), 403, 'FORBIDDEN');
    const res = await importFile(w.inspektorat, 'insp.jsonl', JSON.stringify({ platform: 'x', url: 'https://x.com/f/status/1', handle: 'f', text: 'Halo warga', posted_at: hoursAgo(1) }));
    expect(res.body.status).toBe('done');
  });
});
