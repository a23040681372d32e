/**
 * Privacy across the whole life of a report (issue 8). `reports-intake.test.ts` already shows that a
 * single public anonim submission leaves no address, user agent or precise time in any table or log
 * line, and that a rahasia identity is sealed at rest. This file follows the data further, through
 * everything that happens *after* a submission, with SMTP delivery on (jobs inline):
 *
 *   public anonim + rahasia reports and internal (employee) anonim + rahasia reports, each sent with a
 *   marked address and user agent; a receipt-portal reply with more evidence; Satgas messages (e-mail
 *   notices through the `mail.send` job), a note, a two-person reveal that is read; both public
 *   reports made cases (notices again); the deadline escalation weeks later (notifications + mail).
 *
 * Then it searches: every row of every table (all schemas, so pg-boss's too when present), every log
 * line, every job payload handed to the queue, the outbox (`mail_message`) and the file store (file
 * names, file contents, PDF text, file times) for the address, the user agent, the rahasia
 * identities (name, NIK, phone, e-mail), the contact e-mails and the uploaded file names. Sealed
 * values are fine: they are ciphertext. It also checks that reporter actions enqueue no job but the
 * clean copies of their images (`report.clean_copies`, payload `{ tenantId }` and nothing else) and
 * that an internal anonim report adds no row that carries the employee's user id.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEscalations } from '../../src/server/modules/cases/escalation.jobs.js';
import { FORGOTTEN_RECIPIENT } from '../../src/server/modules/mail/mail.service.js';
import { jpegWithExif } from '../support/apel-fixtures.js';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { allTables, loginReceipt, postForm, REPORT_TEST_ENV, reportForm, sqlRows, submitReport, tablesContaining } from '../support/report-fixtures.js';
import { startSmtp } from '../support/smtp.js';

const PROBE_IP = '198.51.100.23';
const PROBE_UA = 'Mozilla/5.0 (X11; Linux x86_64) NetraPrivasiPelacak/8.8';
const UA_MARK = 'NetraPrivasiPelacak';
const probe = { remoteAddress: PROBE_IP, headers: { 'user-agent': PROBE_UA, 'x-forwarded-for': PROBE_IP, 'x-real-ip': PROBE_IP } };

/** Rahasia identities: public (Wulan) and internal (Intan). */
const WULAN = { name: 'Wulan Kerahasiaan', nik: '3201019912310007', phone: '081399887766', email: 'wulan.pribadi@example.net' };
const INTAN = { name: 'Intan Internalia', nik: '3201019912310008', phone: '081399887755', email: 'intan.pribadi@example.net' };
const CONTACTS = ['kabar.anonim@example.net', 'kabar.wulan@example.net', 'kabar.intan@example.net'];
/** Parts of uploaded file names (a phone owner's name is typical in a photo's file name). */
const UPLOAD_NAMES = ['IMG_wulan-sekolah.jpg', 'layar-intan-grup.png', 'tambahan-wulan-video.png'];
const UPLOAD_MARKS = ['wulan-sekolah', 'intan-grup', 'wulan-video'];
/** What the photo's EXIF says (owner, camera): readable nowhere once stored. */
const EXIF_MARKS = ['Pemilik Ponsel', 'KameraUji'];

const SECRETS = [PROBE_IP, UA_MARK, ...Object.values(WULAN), ...Object.values(INTAN), ...CONTACTS, ...UPLOAD_MARKS];

const DAY = 86_400_000;

interface RecordedJob {
  phase: string;
  name: string;
  payload: Record<string, unknown>;
}

/** Every file under `dir`, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

describe(`privacy after a report: tables, logs, job payloads, outbox, file store on ${TEST_DB}`, () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let satgas: TestClient;
  let custodian: TestClient;
  let employeeUserId: string;
  let phase = 'setup';
  const jobs: RecordedJob[] = [];
  let tenantId = '';
  const ids: Record<string, string> = {};
  let logStart = 0;

  const idOf = async (number: string) => (await sqlRows<{ id: string }>(t, `select id from report where number = '${number}'`))[0]!.id;
  const ok = async (res: Promise<{ status: number; body: any }>, status = 200) => {
    const done = await res;
    expect(done.status, JSON.stringify(done.body)).toBe(status);
    return done.body;
  };

  /** Rows, per table, whose JSON contains `needle`. */
  const rowsContaining = async (needle: string) => {
    const counts: Record<string, number> = {};
    for (const table of await allTables(t)) {
      const [row] = await sqlRows<{ n: number }>(t, `select count(*)::int as n from ${table} x where row_to_json(x)::text ilike '%${needle.replace(/'/g, "''")}%'`);
      if (row!.n > 0) counts[table] = row!.n;
    }
    return counts;
  };

  /** Employee sign-in with NIP + the one-time code, read from what the SMTP sink received. */
  const signInEmployee = async (client: TestClient, idNumber: string) => {
    const before = smtp.messages.length;
    await ok(client.post('/api/auth/otp/request', { idNumber }));
    const raw = smtp.messages.slice(before).map((m) => m.raw).join('\n');
    const code = raw.replace(/=\r?\n/g, '').match(/Kode masuk Netra Anda: (\d{6})/)?.[1];
    expect(code, 'no one-time code reached the SMTP sink').toBeTruthy();
    await ok(client.post('/api/auth/otp/verify', { idNumber, code }));
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ ...REPORT_TEST_ENV, SMTP_URL: smtp.url });
    const demo = await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 150);
    tenantId = demo.tenantId;
    // Every job handed to the queue, with the phase it was enqueued in (the mailer holds the same queue).
    const queue = t.deps.jobs;
    const enqueue = queue.enqueue.bind(queue);
    queue.enqueue = async (name, payload) => {
      jobs.push({ phase, name, payload: structuredClone(payload) });
      return enqueue(name, payload);
    };
    satgas = new TestClient(t);
    await satgas.login('satgas');
    custodian = new TestClient(t);
    await custodian.login('kustodian');
    const employee = new TestClient(t);
    await signInEmployee(employee, demo.employeeLogin.idNumber);
    employeeUserId = (await employee.get('/api/auth/session')).body.user.id;
    logStart = t.logs.length;

    // 1. Reporters: two public reports, two from inside Netra, all with the marked address and user agent.
    phase = 'reporter';
    const photo = await jpegWithExif();
    const png = await sharp({ create: { width: 24, height: 24, channels: 3, background: '#aa3300' } }).png().toBuffer();
    const citizen = new TestClient(t);
    // The form page's CSRF fetch is an ordinary, logged request (SECURITY.md "Pages around the form"):
    // sent without the probe here, as in reports-intake.test.ts.
    await citizen.get('/api/auth/session');
    const anon = await submitReport(citizen, reportForm({ contactEmail: CONTACTS[0], description: 'Kepala bidang mengumpulkan pegawai untuk deklarasi dukungan calon.' }), [{ name: UPLOAD_NAMES[0]!, content: photo, type: 'image/jpeg' }], probe);
    expect(anon.status, JSON.stringify(anon.body)).toBe(201);
    const wulan = await submitReport(citizen, reportForm({ identityMode: 'rahasia', reporter: WULAN, contactEmail: CONTACTS[1], actKind: 'politik_uang', description: 'Pembagian amplop kepada guru honorer menjelang pemungutan suara.' }), [{ name: UPLOAD_NAMES[0]!, content: photo, type: 'image/jpeg' }], probe);
    expect(wulan.status, JSON.stringify(wulan.body)).toBe(201);

    const before = await rowsContaining(employeeUserId);
    const internalAnon = await postForm(employee, '/api/reports/internal', { report: JSON.stringify(reportForm({ description: 'Atasan mewajibkan staf hadir di rapat tim pemenangan.' })) }, [{ name: UPLOAD_NAMES[1]!, content: png, type: 'image/png' }], probe);
    expect(internalAnon.status, JSON.stringify(internalAnon.body)).toBe(201);
    const internalSecret = await postForm(employee, '/api/reports/internal', { report: JSON.stringify(reportForm({ identityMode: 'rahasia', reporter: INTAN, contactEmail: CONTACTS[2], description: 'Sekretaris dinas menyebarkan stiker calon di ruang kerja.' })) }, [], probe);
    expect(internalSecret.status, JSON.stringify(internalSecret.body)).toBe(201);
    ids.employeeRowsBefore = JSON.stringify(before);
    ids.employeeRowsAfter = JSON.stringify(await rowsContaining(employeeUserId));

    // 2. The rahasia reporter signs in with the receipt, answers and adds evidence.
    const portal = new TestClient(t);
    expect((await loginReceipt(portal, wulan.body.number, wulan.body.receiptKey, probe)).status).toBe(200);
    await ok(portal.request({ method: 'POST', url: '/api/public/receipt/messages', payload: { body: 'Saya bisa menunjukkan rekaman videonya.' }, ...probe }));
    await ok(postForm(portal, '/api/public/receipt/files', {}, [{ name: UPLOAD_NAMES[2]!, content: png, type: 'image/png' }], probe));
    phase = 'staff';

    ids.anon = await idOf(anon.body.number);
    ids.wulan = await idOf(wulan.body.number);
    ids.internalAnon = await idOf(internalAnon.body.number);
    ids.internalSecret = await idOf(internalSecret.body.number);

    // 3. The Satgas: messages (e-mail notices), a note, a reveal read with a second person's approval.
    for (const id of [ids.anon, ids.wulan, ids.internalSecret]) await ok(satgas.post(`/api/reports/${id}/messages`, { body: 'Terima kasih, laporan Anda sedang kami pelajari.' }));
    await ok(satgas.post(`/api/reports/${ids.wulan}/notes`, { body: 'Cek daftar penerima amplop di sekolah.' }));
    const reveal = await ok(satgas.post(`/api/reports/${ids.wulan}/reveal-requests`, { reason: 'Klarifikasi langsung kepada pelapor tentang rekaman video.' }), 201);
    await ok(custodian.post(`/api/reveal-requests/${reveal.id}/decision`, { approve: true, note: null }));
    const identity = await ok(satgas.get(`/api/reveal-requests/${reveal.id}/identity`));
    expect(identity.name).toBe(WULAN.name); // the reveal works: what follows is not vacuous

    // 4. Both public reports become cases (notices again); weeks later their deadlines escalate.
    await ok(satgas.post(`/api/reports/${ids.anon}/case`, {}));
    await ok(satgas.post(`/api/reports/${ids.wulan}/case`, {}));
    phase = 'escalation';
    expect(await runEscalations(t.deps, new Date(Date.now() + 40 * DAY))).toBeGreaterThan(0);
    phase = 'done';
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('keeps no address, user agent, identity, contact or file name in any row of any table', async () => {
    const hits: Record<string, string[]> = {};
    for (const secret of [...SECRETS, ...EXIF_MARKS]) {
      const tables = await tablesContaining(t, secret);
      if (tables.length) hits[secret] = tables;
    }
    expect(hits).toEqual({});
    // The tables that were searched include the case tables, the outbox and the notifications.
    const tables = await allTables(t);
    for (const table of ['case_file', 'case_subject', 'case_event', 'case_evidence', 'mail_message', 'notification', 'report_message', 'reveal_request', 'stored_file', 'audit_event']) {
      expect(tables, table).toContain(`"public"."${table}"`);
    }
    expect((await sqlRows<{ n: number }>(t, `select count(*)::int as n from case_file`))[0]!.n).toBe(2);
  });

  it('writes none of them to the log', async () => {
    const log = t.logs.slice(logStart).join('\n');
    expect(log).toContain('/api/reports/'); // staff requests are logged: the log was captured
    for (const secret of [...SECRETS, ...EXIF_MARKS, '/api/reports/internal', '/api/public/receipt', '/api/public/reports']) expect(log, secret).not.toContain(secret);
  });

  it('enqueues for a reporter action only the clean copies of its images (tenant id only), and no job payload carries any of them', async () => {
    const byReporters = jobs.filter((j) => j.phase === 'reporter');
    // Three submissions with an image (two public, one internal) and the receipt portal's evidence.
    expect(byReporters.map((j) => j.name)).toEqual(Array(4).fill('report.clean_copies'));
    for (const j of byReporters) expect(j.payload).toEqual({ tenantId });
    expect(jobs.filter((j) => j.name === 'mail.send').length).toBeGreaterThanOrEqual(5);
    expect((await sqlRows<{ n: number }>(t, `select count(*)::int as n from notification where kind = 'case.overdue'`))[0]!.n).toBeGreaterThan(0);
    const payloads = JSON.stringify(jobs);
    for (const secret of SECRETS) expect(payloads, secret).not.toContain(secret);
    // Payloads are references (tenant, row id, flags), never addresses or content.
    for (const j of jobs.filter((x) => x.name === 'mail.send')) expect(Object.keys(j.payload).sort()).toEqual(['forgetRecipient', 'id', 'isSecret', 'tenantId']);
    // With pg-boss the same payloads would sit in pgboss.job; if that schema exists here it was searched above.
    const schemas = await sqlRows<{ n: string }>(t, `select schema_name as n from information_schema.schemata where schema_name = 'pgboss'`);
    if (schemas.length) expect(await tablesContaining(t, PROBE_IP)).toEqual([]);
  });

  it('delivers content-free notices, then forgets every reporter address in the outbox', async () => {
    const delivered = smtp.messages.filter((m) => m.to.some((to) => CONTACTS.includes(to)));
    expect(new Set(delivered.flatMap((m) => m.to))).toEqual(new Set(CONTACTS.slice(0, 2).concat(CONTACTS[2]!)));
    for (const m of delivered) for (const leak of ['amplop', 'pelajari', WULAN.name, 'LP-']) expect(m.raw).not.toContain(leak);
    const notices = await sqlRows<{ to_address: string; status: string; forget_recipient: boolean }>(t, `select to_address, status, forget_recipient from mail_message where subject like '%laporan Anda%'`);
    expect(notices.length).toBe(delivered.length);
    expect(notices.every((n) => n.to_address === FORGOTTEN_RECIPIENT && n.status === 'sent' && n.forget_recipient)).toBe(true);
  });

  it('links an internal anonim or rahasia report to no row carrying the employee’s user id', () => {
    expect(JSON.parse(ids.employeeRowsAfter!)).toEqual(JSON.parse(ids.employeeRowsBefore!));
  });

  it('keeps the file store free of them: names, contents, PDF text; reporter files dated to the day', async () => {
    const files = walk(join(t.dataDir, 'files'));
    expect(files.length).toBeGreaterThanOrEqual(6); // sealed originals + clean copies (+ case documents)
    const found: string[] = [];
    for (const file of files) {
      const name = relative(t.dataDir, file);
      const bytes = readFileSync(file);
      const text = bytes.subarray(0, 5).toString() === '%PDF-' ? execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString('utf8') : '';
      for (const secret of [...SECRETS, ...EXIF_MARKS]) {
        if (name.includes(secret) || bytes.includes(Buffer.from(secret)) || bytes.includes(Buffer.from(secret, 'utf16le')) || text.includes(secret)) found.push(`${name}: ${secret}`);
      }
    }
    expect(found).toEqual([]);
    // Every evidence file of a reporter (submission or portal) and its row carry midnight, not the instant.
    const stored = await sqlRows<{ storage_path: string; created_at: string; file_name: string }>(t, `select storage_path, created_at::text, file_name from stored_file where purpose like 'report%'`);
    expect(stored.length).toBe(2 * 2 + 2 + 2); // two photos (original + clean), two PNGs (original + clean)
    for (const f of stored) {
      expect(f.created_at).toMatch(/ 00:00:00\+00$/);
      expect(f.file_name).toMatch(/^bukti-[0-9a-f-]{36}(-bersih)?$/);
      const mtime = statSync(f.storage_path).mtime;
      expect(mtime.getUTCHours() * 3600 + mtime.getUTCMinutes() * 60 + mtime.getUTCSeconds()).toBe(0);
    }
  });
});
