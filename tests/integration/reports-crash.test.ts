/**
 * "A crash during submission leaves either the whole report with its files or nothing, and an
 * acknowledged receipt is always valid after restart" (issue 4): a real server process
 * (src/server/main.ts) on a fresh data dir / database, with the test settings for reports (low
 * proof-of-work cost, high submit limit). 30 anonymous reports, each with a ~200 kB JPEG and its own
 * solved proof of work, are sent at once; the process is killed with SIGKILL when the 10th receipt
 * has been acknowledged, while the others are in flight (in the multipart read, the photo re-encode,
 * the file writes or the transaction). It is restarted on the same data. Then:
 *  - every acknowledged receipt (201 with number + key) signs in to the receipt portal and shows its
 *    one evidence file;
 *  - every report in the Satgas inbox has exactly the one file it was sent with; its sealed original
 *    can be downloaded at once (decrypted and checked against its SHA-256), and its clean copy (made
 *    by the `report.clean_copies` job after the commit; a crash before the job ran leaves the image
 *    waiting, and the restart's sweep queues it again) appears within a minute and can be downloaded;
 *  - the start-up sweep removed every file of the submissions that never committed;
 *  - the audit chain verifies.
 * Each submission goes from its own loopback address (127.0.10.x), like phones on their own IPs.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../support/harness.js';
import { REPORT_TEST_ENV, reportForm } from '../support/report-fixtures.js';
import { freePort, HttpClient, rawRequest, startServer, waitFor, type RawReply, type ServerProcess } from '../support/server-process.js';
import { createScratchDatabase } from '../support/template.js';

const SUBMISSIONS = 30;
/** Acknowledgements after which the server is killed. */
const KILL_AFTER = 10;
const CSRF = 'reports-crash-pre-session-csrf-token';
const ipOf = (i: number) => `127.0.10.${i + 1}`;

type Reply = RawReply;

/** One request on its own connection from `ip`. Rejects on a socket error (e.g. the server died). */
const call = (port: number, ip: string, method: string, path: string, opts: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Reply> =>
  rawRequest(port, ip, method, path, opts);

async function solvedPow(port: number, ip: string): Promise<string> {
  const res = await call(port, ip, 'GET', '/api/public/pow');
  expect(res.status).toBe(200);
  const challenge = res.body as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('proof of work not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

function multipart(fields: Record<string, string>, file: Buffer): { contentType: string; body: Buffer } {
  const boundary = `----netracrash${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="IMG_0001.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

/** A JPEG of random noise (so it does not compress away) of about 200 kB. */
async function noiseJpeg(): Promise<Buffer> {
  const [w, h] = [640, 480];
  return sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

const filesIn = (dir: string) => {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
};

const servers: ServerProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  for (const c of cleanups.reverse()) await c();
});

async function scenario(env: Record<string, string>, dataDir: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverEnv = { ...REPORT_TEST_ENV, ...env, PORT: String(port), DATA_DIR: dataDir };

  const first = startServer(serverEnv);
  servers.push(first);
  await waitFor(() => first.output().includes('Netra berjalan di') || first.child.exitCode !== null, 'first start');
  expect(first.child.exitCode, first.output()).toBeNull();

  // Everything a phone has before pressing "Kirim": the photo and a solved proof of work.
  const photo = await noiseJpeg();
  expect(photo.length).toBeGreaterThan(150_000);
  expect(photo.length).toBeLessThan(Number(REPORT_TEST_ENV.REPORT_FILE_MAX_BYTES));
  const forms = await Promise.all(
    Array.from({ length: SUBMISSIONS }, async (_, i) => {
      const altcha = await solvedPow(port, ipOf(i));
      const form = reportForm({ reported: { name: `Terlapor Uji Crash ${i}`, agency: 'Dinas Pendidikan', position: 'Kepala Seksi' } });
      return multipart({ report: JSON.stringify(form), altcha }, photo);
    }),
  );

  // All at once; SIGKILL in the callback of the KILL_AFTER-th acknowledgement.
  const acked: { i: number; number: string; key: string }[] = [];
  const otherStatuses: string[] = [];
  let lost = 0;
  let inFlightAtKill = -1;
  let inFlight = 0;
  await Promise.all(
    forms.map(async (f, i) => {
      inFlight++;
      try {
        const res = await call(port, ipOf(i), 'POST', '/api/public/reports', { headers: { 'content-type': f.contentType, cookie: `netra_csrf=${CSRF}`, 'x-csrf-token': CSRF }, body: f.body });
        if (res.status === 201 && typeof res.body?.number === 'string' && typeof res.body?.receiptKey === 'string') {
          acked.push({ i, number: res.body.number, key: res.body.receiptKey });
          if (acked.length === KILL_AFTER) {
            inFlightAtKill = inFlight - 1;
            first.child.kill('SIGKILL');
          }
        } else otherStatuses.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      } catch {
        lost++;
      } finally {
        inFlight--;
      }
    }),
  );
  await first.exited;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(otherStatuses).toEqual([]);
  expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(inFlightAtKill).toBeGreaterThan(0); // requests really were in flight when the process died
  expect(lost).toBeGreaterThan(0); // and their answers were lost
  expect(new Set(acked.map((a) => a.number)).size).toBe(acked.length);

  // Restart on the same data.
  const second = startServer(serverEnv);
  servers.push(second);
  await waitFor(() => second.output().includes('Netra berjalan di') || second.child.exitCode !== null, 'restart');
  expect(second.child.exitCode, second.output()).toBeNull();

  // Every acknowledged receipt is valid: the portal signs in and shows the one file.
  for (const a of acked) {
    const altcha = await solvedPow(port, ipOf(a.i));
    const login = await call(port, ipOf(a.i), 'POST', '/api/public/receipt/login', {
      headers: { 'content-type': 'application/json', cookie: `netra_csrf=${CSRF}`, 'x-csrf-token': CSRF },
      body: JSON.stringify({ number: a.number, key: a.key, altcha }),
    });
    expect(login.status, `receipt ${a.number}: ${JSON.stringify(login.body)}`).toBe(200);
    expect(login.body).toMatchObject({ number: a.number, evidenceCount: 1 });
    expect(login.cookies.netra_receipt).toBeTruthy();
    const view = await call(port, ipOf(a.i), 'GET', '/api/public/receipt', { headers: { cookie: `netra_receipt=${login.cookies.netra_receipt}` } });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ number: a.number, evidenceCount: 1 });
  }

  // No report without its file: every report in the inbox has exactly one, and it can be read back.
  const satgas = new HttpClient(base);
  await satgas.login('satgas');
  const inbox = await satgas.call('GET', '/api/reports?pageSize=200');
  expect(inbox.status).toBe(200);
  const items = inbox.body.items as { id: string; number: string }[];
  expect(inbox.body.total).toBe(items.length);
  const numbers = new Set(items.map((r) => r.number));
  for (const a of acked) expect(numbers, `acknowledged ${a.number} in the inbox`).toContain(a.number);
  expect(items.length).toBeLessThanOrEqual(SUBMISSIONS);
  type File = { fileId: string; size: number; hasCleanCopy: boolean; cleanCopy: string };
  const fileOf = async (id: string, number: string): Promise<File> => {
    const detail = await satgas.call('GET', `/api/reports/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.files, `files of ${number}`).toHaveLength(1);
    return detail.body.files[0] as File;
  };
  let processingAfterRestart = 0;
  for (const r of items) {
    const file = await fileOf(r.id, r.number);
    expect(file.size).toBe(photo.length);
    expect(['ready', 'processing']).toContain(file.cleanCopy);
    if (file.cleanCopy === 'processing') processingAfterRestart++;
    expect((await satgas.call('GET', `/api/reports/${r.id}/files/${file.fileId}?variant=original`)).status).toBe(200); // decrypted and checked against its SHA-256
  }
  // Every file gets its clean copy: those whose job died with the process are queued again at start.
  const cleanStarted = Date.now();
  for (const r of items) {
    let file = await fileOf(r.id, r.number);
    while (file.cleanCopy !== 'ready' && Date.now() - cleanStarted < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      file = await fileOf(r.id, r.number);
    }
    expect(file, `clean copy of ${r.number} after restart`).toMatchObject({ hasCleanCopy: true, cleanCopy: 'ready' });
    expect((await satgas.call('GET', `/api/reports/${r.id}/files/${file.fileId}`)).status).toBe(200);
  }
  const cleanMs = Date.now() - cleanStarted;

  const admin = new HttpClient(base);
  await admin.login('admin.bkpsdm');
  const chain = await admin.call('GET', '/api/audit/verify');
  expect(chain.status).toBe(200);
  expect(chain.body).toMatchObject({ ok: true });

  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);

  // Files written for submissions that never committed were removed by the start-up sweep: exactly one
  // sealed original and one clean copy per stored report remain.
  const tenantDirs = readdirSync(join(dataDir, 'files')).filter((d) => d !== 'imports');
  const onDisk = (purpose: string) => tenantDirs.reduce((n, t) => n + filesIn(join(dataDir, 'files', t, purpose)), 0);
  const [originals, cleanCopies] = [onDisk('report_evidence'), onDisk('report_view')];
  expect(originals).toBe(items.length);
  expect(cleanCopies).toBe(items.length);
  const swept = Number(second.output().match(/"removed":(\d+)[^\n]*berkas tanpa catatan/)?.[1] ?? 0);
  const requeued = Number(second.output().match(/"tenants":(\d+)[^\n]*salinan bersih bukti yang tertunda/)?.[1] ?? 0);
  if (processingAfterRestart > 0) expect(requeued).toBe(1);
  return { acknowledged: acked.length, answersLost: lost, inFlightAtKill, storedReports: items.length, committedButUnacknowledged: items.length - acked.length, sweptAtRestart: swept, processingAfterRestart, tenantsRequeued: requeued, cleanCopiesSettledMs: cleanMs };
}

describe.runIf(TEST_DB === 'pglite')('crash during report submissions on embedded PGlite', () => {
  it('keeps every acknowledged receipt across kill -9 and never keeps a report without its file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-report-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const result = await scenario({}, dataDir);
    console.log(`pglite report crash: ${JSON.stringify(result)}`);
  }, 180_000);
});

describe.runIf(TEST_DB === 'postgres')('crash during report submissions on PostgreSQL', () => {
  it('keeps every acknowledged receipt across kill -9 and never keeps a report without its file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-report-pgcrash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const scratch = await createScratchDatabase('netra_report_crash');
    cleanups.push(scratch.drop);
    const result = await scenario({ DATABASE_URL: scratch.url }, dataDir);
    console.log(`postgres report crash: ${JSON.stringify(result)}`);
  }, 180_000);
});
