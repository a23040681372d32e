/**
 * The crash proof in its short mode for CI: `npm run proof:crash -- --rounds 2 --backend <this project's
 * back end>` as a child process (real server, SIGKILL at random moments, checks after each restart);
 * it must report no violation. The full run is `npm run proof:crash` (20 rounds on both back ends).
 * The checks themselves are also shown to fire: each planted defect in an otherwise whole snapshot
 * must be reported (a check that never fires proves nothing). And the durability bug the proof found
 * (an import left `committing` with no job, by a crash between the status change and the enqueue) is
 * pinned down deterministically: the restarted server enqueues the job again and the import commits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '../../src/server/db/client.js';
import { checkCrashState, checkSettledState, type Snapshot } from '../../proof/crash-checks.js';
import { LOAD_SERVER_ENV } from '../../proof/crash-load.js';
import { emptyLedger, type Ledger } from '../../proof/ledger.js';
import { Client, freePort, sleep, startServer, waitReady, type ServerProcess } from '../../proof/server.js';
import { TEST_DB } from '../support/harness.js';
import { createScratchDatabase } from '../support/template.js';

// Two rounds per back end keep CI under its 30 minutes on a 2-core VM (the full proof, `npm run proof:crash`, runs 20; bench/RESULTS.md).
const ROUNDS = 2;

function runProof(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'proof/crash.ts', ...args], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.runIf(TEST_DB === 'pglite' || !!process.env.TEST_DATABASE_URL)(`crash proof (short mode) on ${TEST_DB}`, () => {
  it(`keeps every acknowledged write whole across ${ROUNDS} SIGKILLs under mixed load`, async () => {
    const { code, output } = await runProof(['--rounds', String(ROUNDS), '--backend', TEST_DB]);
    console.log(output);
    expect(output).toMatch(new RegExp(`✔ ${TEST_DB}: ${ROUNDS} SIGKILL dilalui`));
    const acked = Number(output.match(/(\d+) tulis yang diakui/)?.[1] ?? 0);
    expect(acked).toBeGreaterThanOrEqual(ROUNDS); // each round is killed only after a write was acknowledged
    expect(code, output).toBe(0);
  }, 900_000);
});

// ---- the bug the proof found: an import waiting for a job that was never enqueued ----------------------

describe.runIf(TEST_DB === 'pglite' || !!process.env.TEST_DATABASE_URL)(`import resumed after a crash between its status change and its enqueue on ${TEST_DB}`, () => {
  it('enqueues the commit job again at start, and the import commits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'netra-resume-'));
    const scratch = TEST_DB === 'postgres' ? await createScratchDatabase('netra_resume') : null;
    const port = await freePort();
    const env = { ...LOAD_SERVER_ENV, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: '', DATA_DIR: dataDir, DATABASE_URL: scratch?.url ?? '', SMTP_URL: '', DEMO_EMPLOYEES: '150', JOBS_INLINE: 'false' };
    const servers: ServerProcess[] = [];
    try {
      const first = startServer(env);
      servers.push(first);
      await waitReady(first, 300_000);
      const admin = new Client(port);
      await admin.login('admin.bkpsdm');
      const csv = '\uFEFFNIP;Nama Lengkap;Jenis Pegawai;Unit Kerja\r\n196601012005031777;Pegawai Uji Lanjut;PNS;Dinas Kesehatan\r\n';
      const up = await admin.form('/api/imports', {}, [{ name: 'pegawai.csv', type: 'text/csv', content: Buffer.from(csv) }]);
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      expect((await admin.call('POST', `/api/imports/${up.body.id}/validate`, { mapping: up.body.mapping })).status).toBe(202);
      for (let i = 0; i < 300 && (await admin.call('GET', `/api/imports/${up.body.id}`)).body.status !== 'validated'; i++) await sleep(200);
      first.child.kill('SIGKILL');
      await first.exited;
      // The crash state: the commit request's transaction committed (status committing, options saved),
      // its job was never enqueued.
      const database = scratch ? openPostgres(scratch.url, 1) : await openPglite(join(dataDir, 'pglite'));
      await database.db.execute(`update import_batch set status = 'committing', options = coalesce(options, '{}'::jsonb) || '{"createMissingUnits":false,"skipInvalidRows":false,"deactivateMissing":false}'::jsonb where id = '${up.body.id}'` as never);
      await database.close();

      const second = startServer(env);
      servers.push(second);
      await waitReady(second, 300_000);
      expect(second.output()).toMatch(/"imports":1[^\n]*impor yang terhenti dilanjutkan/);
      let status = '';
      for (let i = 0; i < 300 && status !== 'committed'; i++) {
        status = (await admin.call('GET', `/api/imports/${up.body.id}`)).body.status;
        if (status !== 'committed') await sleep(200);
      }
      expect(status).toBe('committed');
      const found = await admin.call('GET', '/api/employees?q=196601012005031777&status=all');
      expect(found.body.items.map((e: { idNumber: string }) => e.idNumber)).toContain('196601012005031777');
    } finally {
      for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      rmSync(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    }
  }, 900_000);
});

// ---- the checks catch what they are meant to catch --------------------------------------------------

const T = 't1';
const sha = (c: string) => c.repeat(64);

/** A small, whole state: one signature, one report with a file, one case with two steps and a letter, one committed import. */
function wholeState(): { s: Snapshot; ledger: Ledger } {
  const s: Snapshot = {
    signatures: [{ tenantId: T, id: 'sig1', campaignId: 'c1', employeeId: 'e1', idNumber: '1001', method: 'online', revoked: false, pdfFileId: 'f3', pdfSha256: sha('3') }],
    reports: [{ tenantId: T, id: 'r1', number: 'LP-AAAA-BBBB' }],
    reportFiles: [{ tenantId: T, reportId: 'r1', fileId: 'f1', viewFileId: 'f2', sha256: sha('a'), mimeType: 'image/jpeg' }],
    storedFiles: [
      { tenantId: T, id: 'f1', purpose: 'report_evidence', sha256: sha('1'), size: 10, storagePath: '/d/files/t1/report_evidence/f1' },
      { tenantId: T, id: 'f2', purpose: 'report_view', sha256: sha('2'), size: 20, storagePath: '/d/files/t1/report_view/f2' },
      { tenantId: T, id: 'f3', purpose: 'pledge_pdf', sha256: sha('3'), size: 30, storagePath: '/d/files/t1/pledge_pdf/f3' },
      { tenantId: T, id: 'f4', purpose: 'case_document', sha256: sha('4'), size: 40, storagePath: '/d/files/t1/case_document/f4' },
    ],
    cases: [{ tenantId: T, id: 'k1', number: 'KS-2026-0001', version: 3, state: 'forwarded' }],
    caseEvents: [
      { tenantId: T, caseId: 'k1', seq: 1, kind: 'created' },
      { tenantId: T, caseId: 'k1', seq: 2, kind: 'start_verification' },
      { tenantId: T, caseId: 'k1', seq: 3, kind: 'forward' },
    ],
    caseDocuments: [{ tenantId: T, caseId: 'k1', id: 'd1', eventSeq: 3, fileId: 'f4', sha256: sha('4') }],
    imports: [{ tenantId: T, id: 'i1', status: 'committed', fileSha256: sha('5'), fileSize: 50, storagePath: '/d/files/imports/t1/i1.csv' }],
    pendingImportJobs: [],
    orphanedJobs: [],
    employeesByIdNumber: { '2001': 1, '2002': 1 },
    audit: [
      { tenantId: T, seq: 1, action: 'pledge.sign', entityId: 'sig1', after: {} },
      { tenantId: T, seq: 2, action: 'pledge.pdf.render', entityId: 'sig1', after: {} },
      { tenantId: T, seq: 3, action: 'report.submit', entityId: 'r1', after: { files: [{ sha256: sha('a') }] } },
      { tenantId: T, seq: 4, action: 'case.create', entityId: 'k1', after: {} },
      { tenantId: T, seq: 5, action: 'case.start_verification', entityId: 'k1', after: { seq: 2 } },
      { tenantId: T, seq: 6, action: 'case.forward', entityId: 'k1', after: { seq: 3 } },
      { tenantId: T, seq: 7, action: 'employee.import.upload', entityId: 'i1', after: {} },
      { tenantId: T, seq: 8, action: 'employee.import.commit', entityId: 'i1', after: {} },
    ],
    chain: { ok: true, results: [{ slug: 'kab-contoh', ok: true, checked: 8 }] },
    disk: {
      '/d/files/t1/report_evidence/f1': { size: 10, sha256: sha('1') },
      '/d/files/t1/report_view/f2': { size: 20, sha256: sha('2') },
      '/d/files/t1/pledge_pdf/f3': { size: 30, sha256: sha('3') },
      '/d/files/t1/case_document/f4': { size: 40, sha256: sha('4') },
      '/d/files/imports/t1/i1.csv': { size: 50, sha256: sha('5') },
    },
    unreferencedFiles: 0,
    unreferencedImportFiles: 0,
  };
  const ledger = emptyLedger();
  ledger.signatures.push({ round: 1, id: 'sig1', campaignId: 'c1', idNumber: '1001' });
  ledger.reports.push({ round: 1, number: 'LP-AAAA-BBBB', receiptKey: 'k', fileSha256: [sha('a')] });
  ledger.cases.push({ round: 1, id: 'k1', number: 'KS-2026-0001', steps: [{ kind: 'created', version: 1 }, { kind: 'start_verification', version: 2 }, { kind: 'forward', version: 3 }] });
  ledger.imports.push({ round: 1, id: 'i1', fileSha256: sha('5'), idNumbers: ['2001', '2002'], validateAcked: true, commitAcked: true, committedSeen: true });
  return { s, ledger };
}

describe.runIf(TEST_DB === 'pglite')('crash checks', () => {
  it('find nothing wrong in a whole state', () => {
    const { s, ledger } = wholeState();
    expect(checkSettledState(s, ledger)).toEqual([]);
  });

  const defects: [string, string, (w: { s: Snapshot; ledger: Ledger }) => void][] = [
    ['an acknowledged signature is missing', 'ack.signature', ({ s }) => (s.signatures = [])],
    ['an acknowledged report lost a file row', 'ack.report.files', ({ s }) => (s.reportFiles = [])],
    ['an acknowledged case step is missing', 'ack.case.event', ({ s }) => s.caseEvents.pop()],
    ['an acknowledged import went back to uploaded', 'ack.import.status', ({ s }) => (s.imports[0]!.status = 'uploaded')],
    ['a committed import lost an employee', 'ack.import.employees', ({ s }) => delete s.employeesByIdNumber['2002']],
    ['a stored_file row has no file on disk', 'whole.stored_file', ({ s }) => (s.disk['/d/files/t1/report_view/f2'] = null)],
    ['a file on disk differs from its row', 'whole.stored_file.hash', ({ s }) => (s.disk['/d/files/t1/pledge_pdf/f3'] = { size: 30, sha256: sha('9') })],
    ['a report has no submission audit entry', 'whole.report.audit', ({ s }) => (s.audit = s.audit.filter((a) => a.action !== 'report.submit'))],
    ['an unacknowledged report is there without its file rows', 'whole.report.files', ({ s }) => {
      s.reports.push({ tenantId: T, id: 'r2', number: 'LP-CCCC-DDDD' });
      s.audit.push({ tenantId: T, seq: 9, action: 'report.submit', entityId: 'r2', after: { files: [{ sha256: sha('b') }] } });
    }],
    ['a signature without its pledge.sign entry', 'whole.signature.audit', ({ s }) => (s.audit = s.audit.filter((a) => a.action !== 'pledge.sign'))],
    ['a case event without its audit entry', 'whole.case.audit', ({ s }) => (s.audit = s.audit.filter((a) => a.action !== 'case.forward'))],
    ['a case audit entry without its event', 'whole.case.audit', ({ s }) => s.audit.push({ tenantId: T, seq: 9, action: 'case.receive_external', entityId: 'k1', after: { seq: 4 } })],
    ['a gap in a case history', 'whole.case.events', ({ s }) => (s.caseEvents = s.caseEvents.filter((e) => e.seq !== 2))],
    ['a case document pointing at a missing event', 'whole.case_document', ({ s }) => (s.caseDocuments[0]!.eventSeq = 7)],
    ['an import committing with no job to finish it', 'whole.import.job', ({ s }) => {
      s.imports.push({ tenantId: T, id: 'i2', status: 'committing', fileSha256: sha('5'), fileSize: 50, storagePath: '/d/files/imports/t1/i1.csv' });
      s.audit.push({ tenantId: T, seq: 9, action: 'employee.import.upload', entityId: 'i2', after: {} });
    }],
    ['a committed import without its commit entry', 'whole.import.audit', ({ s }) => (s.audit = s.audit.filter((a) => a.action !== 'employee.import.commit'))],
    ['an evidence image never got its clean copy', 'whole.report.clean_copy', ({ s }) => (s.reportFiles[0]!.viewFileId = null)],
    ['a broken audit chain', 'audit.chain', ({ s }) => (s.chain = { ok: false, results: [{ slug: 'kab-contoh', ok: false, checked: 3, brokenAt: { seq: 4, reason: 'hash' } }] })],
  ];
  it('allow an image still waiting for its clean copy right after a crash, not once settled', () => {
    const { s, ledger } = wholeState();
    s.reportFiles[0]!.viewFileId = null;
    s.storedFiles = s.storedFiles.filter((f) => f.id !== 'f2');
    expect(checkCrashState(s, ledger)).toEqual([]);
    expect(checkSettledState(s, ledger).map((v) => v.check)).toEqual(['whole.report.clean_copy']);
    s.reportFiles[0]!.mimeType = 'application/pdf'; // a PDF never gets one
    expect(checkSettledState(s, ledger)).toEqual([]);
  });

  it.each(defects)('report %s', (_name, check, plant) => {
    const w = wholeState();
    plant(w);
    expect(checkSettledState(w.s, w.ledger).map((v) => v.check)).toContain(check);
  });
});
