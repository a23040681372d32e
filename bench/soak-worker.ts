/**
 * One load worker of bench/soak.ts (a child process with its own event loop). Open loop: operations
 * arrive as a Poisson process at the rate the parent asks for, and each starts at its scheduled time
 * whether or not earlier ones have finished; the latency of an operation's first request is measured
 * from that scheduled time, so a late start (a busy client) counts against the figure rather than
 * hiding it. Every 2 s the worker sends the latencies and statuses of that window to the parent.
 *
 * Clients are shaped like the real ones: employees and the public on their own connections from their
 * own loopback addresses (127.x.y.z; per-address limits stay on and are never reached), staff on
 * keep-alive connections like a browser. Proof of work is solved on a worker thread (bench/soak-pow.mjs).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Worker } from 'node:worker_threads';
import {
  CASE_STEPS,
  type EndpointName,
  type EndpointWindow,
  type FromWorker,
  type OpName,
  type PhaseMsg,
  type ProfileMsg,
  type StaffSession,
  type ToWorker,
  type WorkerInit,
  ipOf,
  prng,
} from './soak-mix.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}
interface ReqOpts {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  agent?: Agent | false;
  localAddress?: string;
}

class TimeoutError extends Error {}

const PRE_SESSION_CSRF = 'soak-pre-session-csrf-token-0001';
const isoDay = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

function send(port: number, timeoutMs: number, o: ReqOpts): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...o.headers };
    if (o.body !== undefined) headers['content-length'] = Buffer.byteLength(o.body);
    const req = httpRequest({ host: '127.0.0.1', port, path: o.path, method: o.method, agent: o.agent ?? false, localAddress: o.localAddress, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new TimeoutError(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(o.body);
  });
}

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }): { contentType: string; body: Buffer } {
  const boundary = `----netrasoak${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

function cookiePairs(headers: IncomingHttpHeaders): string {
  return (headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).join('; ');
}

// ---------------------------------------------------------------------------------------------------

class Recorder {
  private windows = new Map<EndpointName, EndpointWindow>();
  lag: number[] = [];
  ops = 0;

  record(endpoint: EndpointName, ms: number, status: string, ok: boolean, timeout: boolean, sample?: string): void {
    let w = this.windows.get(endpoint);
    if (!w) this.windows.set(endpoint, (w = { endpoint, lat: [], statuses: {}, errors: 0, timeouts: 0, samples: [] }));
    w.lat.push(Math.round(ms * 100) / 100);
    w.statuses[status] = (w.statuses[status] ?? 0) + 1;
    if (!ok) {
      w.errors++;
      if (timeout) w.timeouts++;
      if (sample && w.samples.length < 3) w.samples.push(sample);
    }
  }

  take(): { endpoints: EndpointWindow[]; lag: number[]; ops: number } {
    const out = { endpoints: [...this.windows.values()], lag: this.lag, ops: this.ops };
    this.windows = new Map();
    this.lag = [];
    this.ops = 0;
    return out;
  }
}

interface CaseWork {
  id: string;
  version: number;
  subjectId: string;
  step: number;
  busy: boolean;
}

class LoadWorker {
  private readonly rnd: () => number;
  private readonly rec = new Recorder();
  private readonly staffAgent = new Agent({ keepAlive: true, maxSockets: 32 });
  private readonly pow: Worker;
  private readonly powWaiting = new Map<number, { resolve: (altcha: string) => void; reject: (e: Error) => void }>();
  private powSeq = 0;
  private readonly reportJpeg: Buffer;
  private readonly captureJpeg: Buffer;
  /** Smooth weighted round robin over the mix: every 100 operations follow the weights exactly. */
  private readonly current: number[];
  private nextSigner = 0;
  private signExhausted = 0;
  private publicSeq = 0;
  private captureSeq = 0;
  private readonly cases: CaseWork[] = [];
  private readonly receipts: { number: string; key: string }[];

  constructor(private readonly init: WorkerInit) {
    this.rnd = prng(init.seed);
    this.reportJpeg = readFileSync(init.reportJpegPath);
    this.captureJpeg = readFileSync(init.captureJpegPath);
    this.receipts = [...init.receipts];
    this.current = init.mix.map(() => 0);
    this.pow = new Worker(new URL('./soak-pow.mjs', import.meta.url));
    this.pow.on('message', (m: { id: number; altcha?: string; error?: string }) => {
      const w = this.powWaiting.get(m.id);
      this.powWaiting.delete(m.id);
      if (m.altcha) w?.resolve(m.altcha);
      else w?.reject(new Error(m.error ?? 'proof of work failed'));
    });
    this.pow.unref();
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)]!;
  }

  private solve(challenge: unknown): Promise<string> {
    const id = ++this.powSeq;
    return new Promise((resolve, reject) => {
      this.powWaiting.set(id, { resolve, reject });
      this.pow.postMessage({ id, challenge });
    });
  }

  /** One request; records it under `endpoint`, timed from `startedAt`. Returns the reply when its status is expected. */
  private async call(endpoint: EndpointName, startedAt: number, o: ReqOpts, expect: number[]): Promise<Reply | null> {
    try {
      const r = await send(this.init.port, this.init.timeoutMs, o);
      const ok = expect.includes(r.status);
      this.rec.record(endpoint, performance.now() - startedAt, String(r.status), ok, false, ok ? undefined : `${r.status} ${o.method} ${o.path} ${r.body.slice(0, 300)}`);
      return ok ? r : null;
    } catch (error) {
      const timeout = error instanceof TimeoutError;
      this.rec.record(endpoint, performance.now() - startedAt, timeout ? 'timeout' : 'socket error', false, timeout, `${o.method} ${o.path}: ${String(error)}`);
      return null;
    }
  }

  private staff(s: StaffSession, method: string, path: string, body?: unknown): ReqOpts {
    const headers: Record<string, string> = { cookie: s.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = s.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return { method, path, headers, body: body === undefined ? undefined : JSON.stringify(body), agent: this.staffAgent };
  }

  private employeeAddress(i: number): string {
    return ipOf(this.init.employeeBlock, i);
  }

  private nextPublicAddress(): string {
    return ipOf(this.init.publicBlock, this.publicSeq++ % 600_000);
  }

  // --- operations -------------------------------------------------------------------------------

  private async run(op: OpName, at: number): Promise<void> {
    const i = this.init;
    switch (op) {
      case 'pledgePage':
      case 'myPledges': {
        const n = Math.floor(this.rnd() * i.employees.length);
        const e = i.employees[n]!;
        const path = op === 'pledgePage' ? `/api/campaigns/${i.campaignId}/signing` : '/api/pledges/mine';
        await this.call(op === 'pledgePage' ? 'GET /api/campaigns/:id/signing' : 'GET /api/pledges/mine', at, { method: 'GET', path, headers: { cookie: e.cookie }, localAddress: this.employeeAddress(n) }, [200]);
        return;
      }
      case 'sign': {
        if (this.nextSigner >= i.employees.length) {
          this.signExhausted++;
          return;
        }
        const n = this.nextSigner++;
        const e = i.employees[n]!;
        const body = JSON.stringify({ ikrarTemplateId: i.signing.ikrarId, paktaTemplateId: i.signing.paktaId, typedName: e.name, undertakings: Array(i.signing.undertakings).fill(true) });
        await this.call('POST /api/campaigns/:id/sign', at, { method: 'POST', path: `/api/campaigns/${i.campaignId}/sign`, headers: { cookie: e.cookie, 'x-csrf-token': e.csrf, 'content-type': 'application/json' }, body, localAddress: this.employeeAddress(n) }, [201]);
        return;
      }
      case 'compliance':
        await this.call('GET /api/campaigns/:id/compliance', at, this.staff(this.rnd() < 0.6 ? i.staff.admin : i.staff.pimpinan, 'GET', `/api/campaigns/${i.campaignId}/compliance`), [200]);
        return;
      case 'dashboard':
        await this.call('GET /api/insights/cases', at, this.staff(i.staff.admin, 'GET', `/api/insights/cases?event=${i.eventId}`), [200]);
        return;
      case 'workBox':
        await this.call('GET /api/cases?state=open', at, this.staff(i.staff.satgas, 'GET', `/api/cases?state=open&page=${1 + Math.floor(this.rnd() * 3)}`), [200]);
        return;
      case 'casePage':
        await this.call('GET /api/cases/:id', at, this.staff(i.staff.satgas, 'GET', `/api/cases/${this.pick(i.caseIds)}`), [200]);
        return;
      case 'caseTransition':
        await this.caseTransition(at);
        return;
      case 'reportInbox':
        await this.call('GET /api/reports', at, this.staff(i.staff.satgas, 'GET', '/api/reports?page=1'), [200]);
        return;
      case 'captureQueue':
        await this.call('GET /api/monitoring/captures', at, this.staff(i.staff.satgas, 'GET', '/api/monitoring/captures'), [200]);
        return;
      case 'captureCreate': {
        const n = ++this.captureSeq;
        const capture = {
          platform: 'facebook',
          url: `https://facebook.com/akun.soak.${i.worker}.${n}/posts/${Date.now()}`,
          accountHandle: `akun.soak.${i.worker}.${n}`,
          accountName: `Akun Uji ${i.worker}-${n}`,
          text: 'Ayo dukung #TeguhMaya02 untuk Contoh yang lebih maju! Teguh Melayani Contoh.',
          actKind: 'share',
          postedAt: new Date(Date.now() - 3_600_000).toISOString(),
          electionEventId: i.eventId,
          electionContestId: i.contestId,
        };
        const m = multipart({ capture: JSON.stringify(capture) }, { name: 'tangkapan-layar.jpg', type: 'image/jpeg', bytes: this.captureJpeg });
        const o = this.staff(i.staff.satgas, 'POST', '/api/monitoring/captures');
        await this.call('POST /api/monitoring/captures', at, { ...o, headers: { ...o.headers, 'content-type': m.contentType }, body: m.body }, [201]);
        return;
      }
      case 'transparencyPage':
        await this.call('GET /transparansi', at, { method: 'GET', path: '/transparansi', localAddress: this.nextPublicAddress() }, [200]);
        return;
      case 'transparencyApi':
        await this.call('GET /api/public/transparency', at, { method: 'GET', path: `/api/public/transparency?tenant=${i.tenantSlug}`, localAddress: this.nextPublicAddress() }, [200]);
        return;
      case 'reportSubmit':
        await this.reportSubmit(at);
        return;
      case 'receiptCheck':
        await this.receiptCheck(at);
        return;
    }
  }

  private async challenge(at: number, localAddress: string): Promise<string | null> {
    const r = await this.call('GET /api/public/pow', at, { method: 'GET', path: '/api/public/pow', localAddress }, [200]);
    if (!r) return null;
    return this.solve(JSON.parse(r.body));
  }

  private async reportSubmit(at: number): Promise<void> {
    const i = this.init;
    const ip = this.nextPublicAddress();
    const altcha = await this.challenge(at, ip);
    if (!altcha) return;
    const report = {
      identityMode: 'anonim',
      reported: { name: `Pegawai Terlapor ${i.worker}-${this.publicSeq}`, agency: 'Dinas Pendidikan dan Kebudayaan', position: 'Kepala Seksi' },
      actKind: 'kampanye_media_sosial',
      actDate: isoDay(-2),
      discoveredOn: null,
      place: 'Facebook',
      description: 'Yang bersangkutan membagikan poster calon bupati di akun media sosial pribadinya dan mengajak rekan kerja memilih pasangan tersebut.',
      links: ['https://facebook.com/contoh/posts/1'],
    };
    const m = multipart({ report: JSON.stringify(report), altcha, tenant: i.tenantSlug }, { name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: this.reportJpeg });
    const r = await this.call(
      'POST /api/public/reports',
      performance.now(),
      { method: 'POST', path: '/api/public/reports', headers: { 'content-type': m.contentType, cookie: `netra_csrf=${PRE_SESSION_CSRF}`, 'x-csrf-token': PRE_SESSION_CSRF }, body: m.body, localAddress: ip },
      [201],
    );
    if (r) {
      const res = JSON.parse(r.body) as { number: string; receiptKey: string };
      this.receipts.push({ number: res.number, key: res.receiptKey });
    }
  }

  private async receiptCheck(at: number): Promise<void> {
    const i = this.init;
    if (!this.receipts.length) return;
    const receipt = this.pick(this.receipts);
    const ip = this.nextPublicAddress();
    const altcha = await this.challenge(at, ip);
    if (!altcha) return;
    const body = JSON.stringify({ tenant: i.tenantSlug, number: receipt.number, key: receipt.key, altcha });
    const login = await this.call(
      'POST /api/public/receipt/login',
      performance.now(),
      { method: 'POST', path: '/api/public/receipt/login', headers: { 'content-type': 'application/json', cookie: `netra_csrf=${PRE_SESSION_CSRF}`, 'x-csrf-token': PRE_SESSION_CSRF }, body, localAddress: ip },
      [200],
    );
    if (!login) return;
    await this.call('GET /api/public/receipt', performance.now(), { method: 'GET', path: '/api/public/receipt', headers: { cookie: cookiePairs(login.headers) }, localAddress: ip }, [200]);
  }

  /** The next step of an idle case of this worker; a new case when none is idle. */
  private async caseTransition(at: number): Promise<void> {
    const i = this.init;
    const s = i.staff.satgas;
    const c = this.cases.find((x) => !x.busy);
    if (!c) {
      const created = await this.call(
        'POST /api/cases',
        at,
        this.staff(s, 'POST', '/api/cases', {
          origin: 'temuan_patroli',
          title: 'Membagikan poster calon di Facebook',
          summary: 'Patroli siber Satgas menemukan unggahan poster pasangan calon pada akun Facebook pribadi pegawai.',
          subjects: [{ employeeId: this.pick(i.subjectIds) }],
          electionEventId: i.eventId,
          electionContestId: i.contestId,
          actKind: 'kampanye_media_sosial',
          actDate: new Date(Date.parse(`${i.penetapanOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
          discoveredOn: isoDay(-1),
          place: 'Facebook',
        }),
        [201],
      );
      if (!created) return;
      const { id } = JSON.parse(created.body) as { id: string };
      const work: CaseWork = { id, version: 0, subjectId: '', step: 0, busy: true };
      this.cases.push(work);
      const page = await this.call('GET /api/cases/:id', performance.now(), this.staff(s, 'GET', `/api/cases/${id}`), [200]);
      if (!page) return void this.cases.splice(this.cases.indexOf(work), 1);
      const d = JSON.parse(page.body) as { version: number; subjects: { id: string }[] };
      work.version = d.version;
      work.subjectId = d.subjects[0]!.id;
      await this.caseStep(work, performance.now());
      return;
    }
    c.busy = true;
    await this.caseStep(c, at);
  }

  /** The case's next step (the case is marked busy by the caller). */
  private async caseStep(c: CaseWork, at: number): Promise<void> {
    const s = this.init.staff.satgas;
    const action = CASE_STEPS[c.step]!;
    const sid = c.subjectId;
    const extra: Record<string, unknown> =
      action === 'verify' ? { subjects: [{ subjectId: sid, itemCode: 'KE-4', tier: 'moral' }] }
      : action === 'summon' ? { subjectId: sid, summonsNo: 1, appearOn: isoDay(3), appearTime: '09.00', place: 'Ruang Rapat BKPSDM' }
      : action === 'record_clarification' ? { subjectId: sid, heldOn: isoDay(0), statement: 'Saya membagikan unggahan tersebut tanpa bermaksud mendukung.', attendees: ['Kepala Bidang'] }
      : action === 'conclude' ? { findings: [{ subjectId: sid, finding: 'not_proven', reason: 'Akun tidak dapat dipastikan milik pegawai.' }] }
      : {};
    const r = await this.call('POST /api/cases/:id/actions', at, this.staff(s, 'POST', `/api/cases/${c.id}/actions`, { action, expectedVersion: c.version, ...extra }), [200]);
    if (!r) {
      this.cases.splice(this.cases.indexOf(c), 1); // unknown state now: leave it
      return;
    }
    c.version = (JSON.parse(r.body) as { version: number }).version;
    c.step++;
    c.busy = false;
    if (c.step >= CASE_STEPS.length) this.cases.splice(this.cases.indexOf(c), 1); // closed
  }

  // --- phases -----------------------------------------------------------------------------------

  private flush(phase: number): void {
    const w = this.rec.take();
    const msg: FromWorker = { type: 'window', worker: this.init.worker, phase, ...w };
    process.send!(msg);
  }

  /** Operations to run first, one of every kind, so every endpoint is hit early even in a short run. */
  private sweep: OpName[] | null = null;

  private pickOp(): OpName {
    if (!this.sweep) this.sweep = this.init.mix.map((m) => m.op);
    const first = this.sweep.shift();
    if (first) return first;
    const mix = this.init.mix;
    let best = 0;
    for (let k = 0; k < mix.length; k++) {
      this.current[k]! += mix[k]!.weight;
      if (this.current[k]! > this.current[best]!) best = k;
    }
    this.current[best]! -= mix.reduce((s, m) => s + m.weight, 0);
    return mix[best]!.op;
  }

  async phase(p: PhaseMsg): Promise<void> {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const end = t0 + p.durationMs;
    const inflight = new Set<Promise<void>>();
    const gap = () => (-Math.log(1 - this.rnd()) / p.opRate) * 1000;
    let next = t0 + gap();
    const timer = setInterval(() => this.flush(p.phase), 2_000); // the parent samples every 10 s
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (next <= now && next < end) {
          const at = next;
          this.rec.lag.push(Math.round((now - at) * 100) / 100);
          this.rec.ops++;
          const op = this.pickOp();
          const run = this.run(op, at).catch((error: unknown) => {
            // A failure of the client itself (e.g. an unparsable body), charged to the operation's first endpoint.
            this.rec.record(this.init.mix.find((m) => m.op === op)!.endpoints[0]!, performance.now() - at, 'client error', false, false, `client (${op}): ${String(error)}`);
          });
          inflight.add(run);
          void run.finally(() => inflight.delete(run));
          next += gap();
        }
        if (next >= end) return resolve();
        setTimeout(tick, Math.max(0, Math.min(5, next - performance.now())));
      };
      tick();
    });
    await Promise.allSettled([...inflight]);
    clearInterval(timer);
    this.flush(p.phase);
    const cpu = process.cpuUsage(cpu0);
    const done: FromWorker = {
      type: 'phaseDone',
      worker: this.init.worker,
      phase: p.phase,
      cpuMs: (cpu.user + cpu.system) / 1000,
      elapsedMs: performance.now() - t0,
      unsignedLeft: this.init.employees.length - this.nextSigner,
      signExhausted: this.signExhausted,
    };
    process.send!(done);
  }

  async profile(p: ProfileMsg): Promise<void> {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < p.count; k++) {
      this.rec.ops++;
      await this.run(p.op, performance.now());
    }
    this.flush(p.phase);
    const cpu = process.cpuUsage(cpu0);
    const done: FromWorker = { type: 'phaseDone', worker: this.init.worker, phase: p.phase, cpuMs: (cpu.user + cpu.system) / 1000, elapsedMs: performance.now() - t0, unsignedLeft: this.init.employees.length - this.nextSigner, signExhausted: this.signExhausted };
    process.send!(done);
  }

  async stop(): Promise<void> {
    this.staffAgent.destroy();
    await this.pow.terminate();
  }
}

if (process.send) {
  let worker: LoadWorker | undefined;
  process.on('message', (m: ToWorker) => {
    if (m.type === 'init') {
      worker = new LoadWorker(m);
      process.send!({ type: 'ready', worker: m.worker } satisfies FromWorker);
    } else if (m.type === 'phase') {
      worker!.phase(m).catch((error: unknown) => process.send!({ type: 'fatal', worker: -1, error: String(error) } satisfies FromWorker));
    } else if (m.type === 'profile') {
      worker!.profile(m).catch((error: unknown) => process.send!({ type: 'fatal', worker: -1, error: String(error) } satisfies FromWorker));
    } else if (m.type === 'stop') {
      void (worker?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}
