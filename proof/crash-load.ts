/**
 * The mixed load of the crash proof, as real clients over HTTP: employees signing the pledge,
 * anonymous public reports with evidence photos (each with its own solved proof of work), the Satgas
 * moving cases through the workflow (forwarding issues a numbered PDF letter), and BKPSDM importing
 * employee-master files (upload → validate job → commit job). Every complete 2xx answer goes into the
 * ledger; a request that gets no answer (the server was killed) is counted as lost and ends its worker.
 */
import { createHash } from 'node:crypto';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import sharp from 'sharp';
import { Client, sleep, type FilePart, type Reply } from './server.js';
import type { AckedCase, AckedImport, Ledger, LoadKind, RoundLoad } from './ledger.js';

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export interface Signer {
  client: Client;
  idNumber: string;
  name: string;
}

export interface World {
  campaignId: string;
  templates: { ikrarTemplateId: string; paktaTemplateId: string; undertakings: number };
  admin: Client;
  satgas: Client;
  /** Signed-in employees who have not signed yet (taken per round). */
  signers: Signer[];
  /** Employees whose sign request got no answer: they sign again next round (must stay one signature). */
  retry: Signer[];
  images: FilePart[];
  importSeq: number;
  /** Cases still being worked (continued next round), and an import left uploaded/validated. */
  openCases: AckedCase[];
  openImport: AckedImport | null;
  clients(): Client[];
}

/** Settings that make each submission cheap for the clients (the checks are about storage, not about limits). */
export const LOAD_SERVER_ENV: Record<string, string> = {
  POW_COST: '1',
  POW_MAX_NUMBER: '20',
  REPORT_FILE_MAX_BYTES: String(1024 * 1024),
  REPORT_TOTAL_MAX_BYTES: String(3 * 1024 * 1024),
  REPORT_MAX_FILES: '3',
  REPORT_SUBMIT_PER_HOUR: '100000',
  RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000',
  ARGON2_MEMORY_KIB: '19456',
  ARGON2_TIME_COST: '2',
  LOG_LEVEL: 'warn',
};

async function noiseImages(): Promise<FilePart[]> {
  const out: FilePart[] = [];
  for (let i = 0; i < 4; i++) {
    const [w, h] = [200 + i * 20, 150];
    const raw = Buffer.alloc(w * h * 3);
    for (let j = 0; j < raw.length; j++) raw[j] = (j * 7919 + i * 104729 + ((j * j) >>> 3)) & 0xff;
    const content = i % 2 === 0 ? await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 80 }).toBuffer() : await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
    out.push({ name: i % 2 === 0 ? `IMG_${i}.jpg` : `Screenshot_${i}.png`, type: i % 2 === 0 ? 'image/jpeg' : 'image/png', content });
  }
  return out;
}

function ok(res: Reply, ...statuses: number[]): boolean {
  return statuses.includes(res.status);
}

/** Signs in staff, finds the demo's open campaign and signs in `signerCount` employees by NIP + one-time code. */
export async function setupWorld(port: number, signerCount: number): Promise<World> {
  const admin = new Client(port);
  await admin.login('admin.bkpsdm');
  const satgas = new Client(port);
  await satgas.login('satgas');

  const campaigns = await admin.call('GET', '/api/campaigns');
  const campaign = (campaigns.body.items as { id: string; status: string }[]).find((c) => c.status === 'open');
  if (!campaign) throw new Error(`no open campaign: ${JSON.stringify(campaigns.body).slice(0, 300)}`);

  const people: { idNumber: string; name: string; email: string }[] = [];
  for (let page = 1; people.length < signerCount; page++) {
    const res = await admin.call('GET', `/api/employees?pageSize=200&page=${page}`);
    if (res.status !== 200) throw new Error(`employees: ${res.status}`);
    const items = res.body.items as { idNumber: string; name: string; email: string | null; isActive: boolean }[];
    if (items.length === 0) throw new Error(`only ${people.length} employees with e-mail; need ${signerCount} (raise DEMO_EMPLOYEES)`);
    for (const e of items) if (e.email && e.isActive !== false && people.length < signerCount) people.push({ idNumber: e.idNumber, name: e.name, email: e.email });
  }

  // One at a time: request a one-time code, read it from the dev outbox (newest first), sign in. Demo
  // e-mail addresses can repeat, so the mail must be the one just sent.
  const signers: Signer[] = [];
  for (const p of people) {
    const client = new Client(port);
    const r = await client.call('POST', '/api/auth/otp/request', { idNumber: p.idNumber });
    if (r.status !== 200) throw new Error(`otp request ${p.idNumber}: ${r.status} ${JSON.stringify(r.body)}`);
    const outbox = (await admin.call('GET', '/api/dev/outbox')).body.items as { to: string; body: string | null; createdAt: string }[];
    const mail = outbox.filter((m) => m.to === p.email).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    const code = mail?.body?.match(/Kode masuk Netra Anda: (\d{6})/)?.[1];
    if (!code) throw new Error(`no one-time code for ${p.email}`);
    const v = await client.call('POST', '/api/auth/otp/verify', { idNumber: p.idNumber, code });
    if (v.status !== 200) throw new Error(`otp verify ${p.idNumber}: ${v.status} ${JSON.stringify(v.body)}`);
    signers.push({ client, idNumber: p.idNumber, name: p.name });
  }
  const view = signers.length ? await signers[0]!.client.call('GET', `/api/campaigns/${campaign.id}/signing`) : null;
  if (view && view.status !== 200) throw new Error(`signing view: ${view.status} ${JSON.stringify(view.body)}`);
  const templates = view ? { ikrarTemplateId: view.body.ikrar.id, paktaTemplateId: view.body.pakta.id, undertakings: (view.body.undertakings as unknown[]).length } : { ikrarTemplateId: '', paktaTemplateId: '', undertakings: 0 };
  const images = await noiseImages();
  return {
    campaignId: campaign.id,
    templates,
    admin,
    satgas,
    signers,
    retry: [],
    images,
    importSeq: 0,
    openCases: [],
    openImport: null,
    clients: () => [admin, satgas, ...signers.map((s) => s.client)],
  };
}

export interface RoundPlan {
  round: number;
  signers: number;
  reportWorkers: number;
  caseWorkers: number;
  importRows: number;
  rand: () => number;
}

/**
 * Runs the load of one round until `stopped()` is true and every worker has hit the dead server.
 * Resolves when all workers have ended.
 */
export async function runRoundLoad(world: World, plan: RoundPlan, ledger: Ledger, load: RoundLoad, stopped: () => boolean): Promise<void> {
  const port = world.admin.port;
  /** Sends one request; returns null when it got no answer (the worker then ends). */
  const send = async (kind: LoadKind, fn: () => Promise<Reply>, expected: number[], what: string): Promise<Reply | null> => {
    load.sent[kind]++;
    try {
      const res = await fn();
      if (ok(res, ...expected)) load.acked[kind]++;
      else load.unexpected.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      return res;
    } catch {
      load.lost[kind]++;
      return null;
    }
  };

  // Signers of this round: last round's unanswered ones first (signing again must not add a second
  // signature), then fresh ones; the first fresh signer double-submits (two requests at once).
  const queue: { signer: Signer; double: boolean }[] = [...world.retry.splice(0).map((s) => ({ signer: s, double: false }))];
  for (const [i, s] of world.signers.splice(0, plan.signers).entries()) queue.push({ signer: s, double: i === 0 });
  const signBody = (s: Signer) => ({ ikrarTemplateId: world.templates.ikrarTemplateId, paktaTemplateId: world.templates.paktaTemplateId, typedName: s.name, undertakings: Array.from({ length: world.templates.undertakings }, () => true) });
  const signOnce = async (s: Signer): Promise<string | null | undefined> => {
    const res = await send('signature', () => s.client.call('POST', `/api/campaigns/${world.campaignId}/sign`, signBody(s)), [200, 201], `sign ${s.idNumber}`);
    if (!res) return null;
    if (ok(res, 200, 201) && typeof res.body?.id === 'string') {
      ledger.signatures.push({ round: plan.round, id: res.body.id, campaignId: world.campaignId, idNumber: s.idNumber });
      return res.body.id as string;
    }
    return undefined;
  };
  const signWorker = async () => {
    while (!stopped()) {
      const next = queue.shift();
      if (!next) return;
      const ids = next.double ? await Promise.all([signOnce(next.signer), signOnce(next.signer)]) : [await signOnce(next.signer)];
      const acked = ids.filter((x): x is string => typeof x === 'string');
      if (new Set(acked).size > 1) ledger.clientViolations.push({ check: 'ack.signature.idempotent', detail: `employee ${next.signer.idNumber} got two different signatures: ${acked.join(', ')}` });
      if (ids.includes(null)) {
        if (acked.length === 0) world.retry.push(next.signer);
        return;
      }
    }
  };

  const reportWorker = async (w: number) => {
    const reporter = new Client(port);
    for (let n = 0; !stopped(); n++) {
      let pow: Reply;
      try {
        pow = await reporter.call('GET', '/api/public/pow');
      } catch (error) {
        if (!stopped()) load.unexpected.push(`pow: ${(error as Error).message}`);
        return; // the server is gone; nothing was being written
      }
      if (pow.status !== 200) {
        load.unexpected.push(`pow: ${pow.status}`);
        return;
      }
      const solution = await solveChallenge({ challenge: pow.body as Challenge, deriveKey });
      if (!solution) throw new Error('proof of work not solved');
      const altcha = Buffer.from(JSON.stringify({ challenge: pow.body, solution })).toString('base64');
      const count = 1 + Math.floor(plan.rand() * 2);
      const files = Array.from({ length: count }, () => world.images[Math.floor(plan.rand() * world.images.length)]!);
      const form = {
        identityMode: 'anonim',
        reported: { name: `Terlapor Uji Crash ${plan.round}-${w}-${n}`, agency: 'Dinas Pendidikan', position: 'Kepala Seksi' },
        actKind: 'kampanye_media_sosial',
        actDate: isoDay(-10),
        discoveredOn: isoDay(-2),
        place: 'Facebook',
        description: 'Yang bersangkutan membagikan poster calon bupati di akun media sosial pribadinya (uji ketahanan).',
        links: ['https://facebook.com/contoh/posts/1'],
      };
      const res = await send('report', () => reporter.form('/api/public/reports', { report: JSON.stringify(form), altcha }, files), [201], 'report');
      if (!res) return;
      if (res.status === 201 && typeof res.body?.number === 'string') ledger.reports.push({ round: plan.round, number: res.body.number, receiptKey: res.body.receiptKey, fileSha256: files.map((f) => sha256(f.content)) });
    }
  };

  /** The next step of the case workflow loop used here: verify → forward → receive back → forward … */
  const nextAction = (state: string, n: number, tag: string): Record<string, unknown> | null => {
    if (state === 'registered') return { action: 'start_verification', note: 'Mulai verifikasi (uji ketahanan).' };
    if (state === 'verification') return { action: 'forward', target: n % 2 ? 'gakkumdu' : 'bawaslu', mode: 'handover', reason: 'Dugaan pelanggaran pemilihan diteruskan (uji ketahanan).' };
    if (state === 'forwarded') return { action: 'receive_external', result: 'returned', letterNumber: `${tag}/PM.00/K.JT-01/2026`, letterDate: isoDay(-1), summary: 'Instansi tujuan mengembalikan penanganan etik ke Satgas (uji ketahanan).' };
    return null;
  };
  const CASE_STEPS = 7;

  /**
   * Works a case through CASE_STEPS workflow steps. A case whose last request got no answer stays
   * open and is picked up next round: its version is read back first (the lost step may have committed).
   */
  const caseWorker = async (w: number) => {
    for (let n = 0; !stopped(); n++) {
      let acked = world.openCases.shift();
      let version: number;
      let state: string;
      if (acked) {
        let current: Reply;
        try {
          current = await world.satgas.call('GET', `/api/cases/${acked.id}`);
        } catch {
          world.openCases.unshift(acked);
          return;
        }
        if (current.status !== 200) {
          load.unexpected.push(`case ${acked.number} read: ${current.status}`);
          continue;
        }
        version = current.body.version as number;
        state = current.body.state as string;
      } else {
        const created = await send(
          'case',
          () =>
            world.satgas.call('POST', '/api/cases', {
              origin: 'temuan_patroli',
              title: `Uji ketahanan ${plan.round}-${w}-${n}: poster calon di Facebook`,
              summary: 'Patroli siber Satgas menemukan unggahan poster pasangan calon pada akun pribadi pegawai (uji ketahanan).',
              subjects: [],
              actKind: 'kampanye_media_sosial',
              actDate: isoDay(-10),
              discoveredOn: isoDay(-1),
              place: 'Facebook',
            }),
          [201],
          'case create',
        );
        if (!created) return;
        if (created.status !== 201) continue;
        acked = { round: plan.round, id: created.body.id as string, number: created.body.number as string, steps: [{ kind: 'created', version: created.body.version as number }] };
        ledger.cases.push(acked);
        version = created.body.version as number;
        state = created.body.state as string;
      }
      while (acked.steps.length < CASE_STEPS) {
        if (stopped()) {
          world.openCases.push(acked);
          return;
        }
        const body = nextAction(state, acked.steps.length, `${plan.round}${w}${n}`);
        if (!body) break;
        const res = await send('case', () => world.satgas.call('POST', `/api/cases/${acked.id}/actions`, { ...body, expectedVersion: version }), [200], `case ${acked.number} ${String(body.action)}`);
        if (!res) {
          world.openCases.push(acked);
          return;
        }
        if (res.status !== 200) break;
        version = res.body.version as number;
        state = res.body.state as string;
        acked.steps.push({ kind: String(body.action), version });
      }
    }
  };

  /**
   * Imports one employee-master file after another: upload, validate (job), commit (job). An import
   * left `uploaded` or `validated` by a kill is continued next round; one cut while its job ran
   * (`validating`/`committing`) is left to its job (retried by pg-boss once the dead worker's claim
   * expires) and a new file is started.
   */
  const importWorker = async () => {
    while (!stopped()) {
      let acked = world.openImport;
      world.openImport = null;
      let status: string;
      let mapping: Record<string, string>;
      if (acked) {
        let current: Reply;
        try {
          current = await world.admin.call('GET', `/api/imports/${acked.id}`);
        } catch {
          world.openImport = acked;
          return;
        }
        status = current.body?.status;
        mapping = current.body?.mapping;
        if (status === 'committed') acked.committedSeen = true;
        if (status !== 'uploaded' && status !== 'validated') continue; // in its job's hands, or done
      } else {
        const seq = ++world.importSeq;
        const idNumbers: string[] = [];
        const lines = ['NIP;Nama Lengkap;Jenis Pegawai;Unit Kerja;Gol/Ruang;Jabatan'];
        const units = ['Dinas Kesehatan', 'Dinas Sosial', 'Inspektorat Daerah'];
        for (let r = 0; r < plan.importRows; r++) {
          const birth = new Date(Date.UTC(1972, 0, 1) + (seq * plan.importRows + r) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
          const idNumber = `${birth}200503${1 + (r % 2)}777`;
          idNumbers.push(idNumber);
          lines.push(`${idNumber};Pegawai Uji ${seq}-${r};PNS;${units[r % units.length]};III/a;Analis Uji Ketahanan`);
        }
        const csv = `\uFEFF${lines.join('\r\n')}\r\n`;
        const up = await send('import', () => world.admin.form('/api/imports', {}, [{ name: `pegawai-${seq}.csv`, type: 'text/csv', content: Buffer.from(csv) }]), [201], 'import upload');
        if (!up) return;
        if (up.status !== 201) return;
        acked = { round: plan.round, id: up.body.id as string, fileSha256: sha256(csv), idNumbers, validateAcked: false, commitAcked: false, committedSeen: false };
        ledger.imports.push(acked);
        status = 'uploaded';
        mapping = up.body.mapping;
      }
      const current = acked;
      if (status === 'uploaded') {
        const validate = await send('import', () => world.admin.call('POST', `/api/imports/${current.id}/validate`, { mapping }), [202], 'import validate');
        if (!validate) {
          world.openImport = current;
          return;
        }
        if (validate.status !== 202) continue;
        current.validateAcked = true;
        world.openImport = current; // looked at again next round if the kill comes first
        if (!(await waitStatus(current.id, 'validated'))) return;
        world.openImport = null;
      }
      const commit = await send('import', () => world.admin.call('POST', `/api/imports/${current.id}/commit`, { createMissingUnits: false, skipInvalidRows: false, deactivateMissing: false }), [202], 'import commit');
      if (!commit) {
        world.openImport = current;
        return;
      }
      if (commit.status !== 202) continue;
      current.commitAcked = true;
      world.openImport = current;
      if (!(await waitStatus(current.id, 'committed'))) return;
      world.openImport = null;
      current.committedSeen = true;
    }
  };
  /** Polls the import until it reaches `status`; false when the server died or the import failed. */
  const waitStatus = async (id: string, status: string): Promise<boolean> => {
    while (!stopped()) {
      let res: Reply;
      try {
        res = await world.admin.call('GET', `/api/imports/${id}`);
      } catch {
        return false;
      }
      if (res.body?.status === status) return true;
      if (res.body?.status === 'failed') {
        load.unexpected.push(`import ${id} failed: ${res.body.failureMessage}`);
        return false;
      }
      await sleep(200);
    }
    return false;
  };

  await Promise.all([
    signWorker(),
    signWorker(),
    ...Array.from({ length: plan.reportWorkers }, (_, w) => reportWorker(w)),
    ...Array.from({ length: plan.caseWorkers }, (_, w) => caseWorker(w)),
    importWorker(),
  ]);
}
