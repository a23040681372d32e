/**
 * What bench/soak.ts and its load workers (bench/soak-worker.ts) share: the operations of the mixed
 * load with their weights, the endpoints each one calls, the messages between the two processes and
 * small statistics helpers. No I/O here.
 */

/** One operation of the mix: a user action, issuing one request (or a short flow of requests). */
export interface OpSpec {
  op: OpName;
  /** Relative frequency (per 100 operations). */
  weight: number;
  /** Who does it, for the printed mix. */
  who: 'employee' | 'staff' | 'public';
  /** The endpoints it calls, in order (the labels used in the results). */
  endpoints: EndpointName[];
  /** Requests per operation on average (flows issue more than one). */
  requests: number;
  note: string;
}

export const ENDPOINTS = [
  'GET /api/campaigns/:id/signing',
  'GET /api/pledges/mine',
  'POST /api/campaigns/:id/sign',
  'GET /api/campaigns/:id/compliance',
  'GET /api/insights/cases',
  'GET /api/cases?state=open',
  'GET /api/cases/:id',
  'POST /api/cases',
  'POST /api/cases/:id/actions',
  'GET /api/reports',
  'GET /api/monitoring/captures',
  'POST /api/monitoring/captures',
  'GET /transparansi',
  'GET /api/public/transparency',
  'GET /api/public/pow',
  'POST /api/public/reports',
  'POST /api/public/receipt/login',
  'GET /api/public/receipt',
] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

/**
 * Endpoints slow by design, together about 5 % of the requests (4.6 % with the default mix): the case dashboard (aggregates
 * computed on request), a case step (its letters rendered as PDF inside the request), a public report
 * (photo re-encoded, receipt key hashed with argon2id) and the receipt sign-in (argon2id). Their service
 * time alone is near or above 200 ms even on an idle server, so in an all-request p99 they measure
 * themselves rather than the server's capacity: find-max judges the p99 of the other requests by
 * default; both p99s are printed, their own p99s too, and --p99-all judges all requests.
 */
export const HEAVY_BY_DESIGN: readonly EndpointName[] = ['GET /api/insights/cases', 'POST /api/cases/:id/actions', 'POST /api/public/reports', 'POST /api/public/receipt/login'];

export type OpName =
  | 'pledgePage'
  | 'myPledges'
  | 'sign'
  | 'compliance'
  | 'dashboard'
  | 'workBox'
  | 'casePage'
  | 'caseTransition'
  | 'reportInbox'
  | 'captureQueue'
  | 'captureCreate'
  | 'transparencyPage'
  | 'transparencyApi'
  | 'reportSubmit'
  | 'receiptCheck';

/** Steps of a new case walked by the Satgas after its creation, ending closed (not proven). */
export const CASE_STEPS = ['start_verification', 'verify', 'summon', 'record_clarification', 'finish_clarification', 'conclude'] as const;
/**
 * A case takes CASE_STEPS.length operations: the first creates it, reads its page (for the subject id)
 * and takes the first step (3 requests); each later one takes one step (1 request).
 */
const CASE_REQUESTS_PER_TRANSITION = (3 + CASE_STEPS.length - 1) / CASE_STEPS.length;

/**
 * The mix, per 100 operations: a busy hour during a signing campaign. Reads dominate: employees opening
 * the pledge page and the public looking at the transparency figures carry most of it; staff pages
 * (compliance tree, work box, case pages) follow; writes are signatures (8 %) and a few percent of
 * case steps, captures, public reports. The heaviest pages are rare, as in real use: the case
 * dashboard (a few staff, now and then) and a public report with a photo are 0.5 % each.
 */
export function buildMix(hasWeb: boolean): OpSpec[] {
  const mix: OpSpec[] = [
    { op: 'pledgePage', weight: 30, who: 'employee', endpoints: ['GET /api/campaigns/:id/signing'], requests: 1, note: 'an employee opens the ikrar & pakta page (phone, own address)' },
    { op: 'myPledges', weight: 6, who: 'employee', endpoints: ['GET /api/pledges/mine'], requests: 1, note: 'an employee looks at their signed pledges' },
    { op: 'sign', weight: 8, who: 'employee', endpoints: ['POST /api/campaigns/:id/sign'], requests: 1, note: 'an employee signs (each employee once; 201 expected)' },
    { op: 'compliance', weight: 5, who: 'staff', endpoints: ['GET /api/campaigns/:id/compliance'], requests: 1, note: 'compliance tree: admin BKPSDM (whole tenant) or the head of Disdik (subtree)' },
    { op: 'dashboard', weight: 0.5, who: 'staff', endpoints: ['GET /api/insights/cases'], requests: 1, note: 'case dashboard for the election (admin BKPSDM)' },
    { op: 'workBox', weight: 6, who: 'staff', endpoints: ['GET /api/cases?state=open'], requests: 1, note: 'Satgas work box: open cases, pages 1–3' },
    { op: 'casePage', weight: 8, who: 'staff', endpoints: ['GET /api/cases/:id'], requests: 1, note: 'Satgas opens a case (each read writes its audit entry)' },
    {
      op: 'caseTransition',
      weight: 2,
      who: 'staff',
      endpoints: ['POST /api/cases/:id/actions', 'POST /api/cases', 'GET /api/cases/:id'],
      requests: CASE_REQUESTS_PER_TRANSITION,
      note: `Satgas moves a case one step (${CASE_STEPS.join(' → ')}, with its letters); when no case is idle, a new one (create + page + first step)`,
    },
    { op: 'reportInbox', weight: 2, who: 'staff', endpoints: ['GET /api/reports'], requests: 1, note: 'Satgas report inbox' },
    { op: 'captureQueue', weight: 2, who: 'staff', endpoints: ['GET /api/monitoring/captures'], requests: 1, note: 'monitoring review queue' },
    { op: 'captureCreate', weight: 1, who: 'staff', endpoints: ['POST /api/monitoring/captures'], requests: 1, note: 'monitoring capture: post text + one ~150 kB screenshot (screened, sealed)' },
    { op: 'transparencyPage', weight: 12, who: 'public', endpoints: ['GET /transparansi'], requests: 1, note: 'public transparency page (HTML)' },
    { op: 'transparencyApi', weight: 15, who: 'public', endpoints: ['GET /api/public/transparency'], requests: 1, note: 'public transparency figures (JSON)' },
    { op: 'reportSubmit', weight: 0.5, who: 'public', endpoints: ['GET /api/public/pow', 'POST /api/public/reports'], requests: 2, note: 'public report: challenge, proof of work solved by the client, multipart with one ~500 kB photo' },
    { op: 'receiptCheck', weight: 2, who: 'public', endpoints: ['GET /api/public/pow', 'POST /api/public/receipt/login', 'GET /api/public/receipt'], requests: 3, note: 'reporter checks the receipt portal: challenge + PoW, number + key (argon2id), status' },
  ];
  if (!hasWeb) {
    // Without a built web app the page is not served: its visits go to the figures instead.
    const page = mix.find((m) => m.op === 'transparencyPage')!;
    mix.find((m) => m.op === 'transparencyApi')!.weight += page.weight;
    return mix.filter((m) => m !== page);
  }
  return mix;
}

/** Average HTTP requests per operation of a mix (to turn a request rate into an operation rate). */
export const requestsPerOp = (mix: OpSpec[]) => mix.reduce((s, m) => s + m.weight * m.requests, 0) / mix.reduce((s, m) => s + m.weight, 0);

/** Source address number i of a block: 127.b.x.y, 62,500 per block (a phone or a visitor each). */
export const ipOf = (block: number, i: number) => `127.${block + Math.floor(i / 62_500)}.${Math.floor(i / 250) % 250}.${1 + (i % 250)}`;

// ---------------------------------------------------------------------------------------------------
// Messages

export interface StaffSession {
  cookie: string;
  csrf: string;
}
export interface EmployeeSession {
  cookie: string;
  csrf: string;
  name: string;
}

export interface WorkerInit {
  type: 'init';
  worker: number;
  port: number;
  seed: number;
  mix: OpSpec[];
  timeoutMs: number;
  tenantSlug: string;
  campaignId: string;
  eventId: string;
  contestId: string;
  penetapanOn: string;
  signing: { ikrarId: string; paktaId: string; undertakings: number };
  staff: { satgas: StaffSession; admin: StaffSession; pimpinan: StaffSession };
  /** This worker's employees (disjoint between workers): each signs at most once. */
  employees: EmployeeSession[];
  /** Cases the Satgas may open (not excluded). */
  caseIds: string[];
  /** PNS employees outside BKPSDM (the Satgas account's own OPD), subjects of new cases. */
  subjectIds: string[];
  receipts: { number: string; key: string }[];
  reportJpegPath: string;
  captureJpegPath: string;
  /** First octet block of this worker's public and employee source addresses. */
  publicBlock: number;
  employeeBlock: number;
}
export interface PhaseMsg {
  type: 'phase';
  phase: number;
  /** Operations per second for this worker. */
  opRate: number;
  durationMs: number;
}
/** One kind of operation `count` times, one after the other (one client), to price it alone. */
export interface ProfileMsg {
  type: 'profile';
  phase: number;
  op: OpName;
  count: number;
}
export type ToWorker = WorkerInit | PhaseMsg | ProfileMsg | { type: 'stop' };

export interface EndpointWindow {
  endpoint: EndpointName;
  /** Latencies (ms) of the completed requests, from the scheduled start for the first request of an operation. */
  lat: number[];
  statuses: Record<string, number>;
  /** Unexpected statuses and timeouts/socket errors. */
  errors: number;
  timeouts: number;
  samples: string[];
}
export interface WindowMsg {
  type: 'window';
  worker: number;
  phase: number;
  endpoints: EndpointWindow[];
  /** How late operations started against their schedule (ms), this window. */
  lag: number[];
  ops: number;
}
export interface PhaseDoneMsg {
  type: 'phaseDone';
  worker: number;
  phase: number;
  /** CPU ms of the load worker process (including its proof-of-work thread) during the phase. */
  cpuMs: number;
  elapsedMs: number;
  /** Employees of this worker who have not signed yet. */
  unsignedLeft: number;
  /** Sign operations skipped because every employee of this worker had signed. */
  signExhausted: number;
}
export type FromWorker = { type: 'ready'; worker: number } | WindowMsg | PhaseDoneMsg | { type: 'fatal'; worker: number; error: string };

// ---------------------------------------------------------------------------------------------------
// Statistics

/** Nearest-rank percentile of a sorted list. */
export function pct(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Least-squares slope of y over x (NaN with fewer than 3 points). */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 3) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/** A small seeded PRNG (mulberry32), so each worker draws the same sequence run to run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
