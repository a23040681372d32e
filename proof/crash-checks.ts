/**
 * The invariants checked after every crash, as pure functions over a snapshot of the stored state
 * (database rows + the files on disk, read by crash-snapshot.ts) and the ledger of acknowledged
 * writes. Each returns the violations it finds; an empty list means the invariant holds.
 *
 *  1. Acknowledged ⇒ present exactly once (signatures, reports with the exact files sent, cases and
 *     every acknowledged workflow step, imports and the state their acknowledged request reached).
 *  2. Present ⇒ whole, for everything, acknowledged or not (what was in flight may be missing, but
 *     never half there): every stored_file row has its file on disk with the recorded SHA-256 and
 *     size; every report has its submission audit entry and exactly the files it was audited with;
 *     every signature has its pledge.sign entry (and a PDF, once rendered, its file and entry); every
 *     case has a gap-free event history matching its version, each event with its audit entry and
 *     each entry with its event; every case document its event and file; every import its file, its
 *     upload entry, and the commit entry iff committed. An import waiting for a job that was never
 *     enqueued (crash between the two steps) must be resumed by the restarted server; after a clean
 *     stop none may be left (checkImportJobs). Evidence images are two-phase: the sealed original is
 *     durable when the report is acknowledged, the clean copy is made by a job after the commit; right
 *     after a crash an image may still wait for it, but the restarted server must queue it again and,
 *     once settled, every image has its clean copy (checkCleanCopies).
 *  3. The audit chain of every tenant verifies.
 */
import { CASE_ACTIONS } from '../src/shared/case-workflow.js';
import type { Ledger } from './ledger.js';

export interface Violation {
  check: string;
  detail: string;
}

export interface DiskFile {
  size: number;
  sha256: string;
}

export interface AuditEntry {
  tenantId: string;
  seq: number;
  action: string;
  entityId: string | null;
  after: Record<string, unknown> | null;
}

export interface Snapshot {
  signatures: { tenantId: string; id: string; campaignId: string; employeeId: string; idNumber: string; method: string; revoked: boolean; pdfFileId: string | null; pdfSha256: string | null }[];
  reports: { tenantId: string; id: string; number: string }[];
  reportFiles: { tenantId: string; reportId: string; fileId: string; viewFileId: string | null; sha256: string; mimeType: string }[];
  storedFiles: { tenantId: string; id: string; purpose: string; sha256: string; size: number; storagePath: string }[];
  cases: { tenantId: string; id: string; number: string; version: number; state: string }[];
  caseEvents: { tenantId: string; caseId: string; seq: number; kind: string }[];
  caseDocuments: { tenantId: string; caseId: string; id: string; eventSeq: number | null; fileId: string; sha256: string }[];
  imports: { tenantId: string; id: string; status: string; fileSha256: string; fileSize: number; storagePath: string }[];
  /** Jobs of the import queues still to run (created, retry, or active: an active job of a dead worker expires and is retried). */
  pendingImportJobs: { importId: string; name: string; state: string }[];
  /** Jobs in state `active` per queue: right after a kill, claimed by the dead process (pg-boss retries them once they expire). */
  orphanedJobs: { name: string; n: number }[];
  /** Employees per identity number, for the numbers of the acknowledged imports. */
  employeesByIdNumber: Record<string, number>;
  /** Audit entries of the actions checked here (pledge.*, report.submit, case.*, employee.import.*). */
  audit: AuditEntry[];
  chain: { ok: boolean; results: { slug: string; ok: boolean; checked: number; brokenAt?: { seq: number; reason: string } | null }[] };
  /** Every path a row points at (stored_file, import_batch), as found on disk (null: missing). */
  disk: Record<string, DiskFile | null>;
  /** Files under DATA_DIR/files/<tenant>/<purpose>/ that no row points at (crash leftovers, swept at start). */
  unreferencedFiles: number;
  /** Files under DATA_DIR/files/imports/ that no import row points at (crash leftovers, swept at start too). */
  unreferencedImportFiles: number;
}

const key = (...parts: (string | number | null)[]) => parts.join('|');

function groupCount<T>(items: T[], keyOf: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(keyOf(t), (m.get(keyOf(t)) ?? 0) + 1);
  return m;
}

const sameMultiset = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

// ---- 1. acknowledged ⇒ present exactly once ------------------------------------------------------

export function checkAcknowledged(s: Snapshot, ledger: Ledger): Violation[] {
  const out: Violation[] = [];
  const v = (check: string, detail: string) => out.push({ check, detail });

  const sigById = groupCount(s.signatures, (x) => x.id);
  const liveByPerson = groupCount(s.signatures.filter((x) => !x.revoked), (x) => key(x.campaignId, x.idNumber));
  for (const a of ledger.signatures) {
    const n = sigById.get(a.id) ?? 0;
    if (n !== 1) v('ack.signature', `signature ${a.id} (${a.idNumber}, round ${a.round}) stored ${n}×`);
    const live = liveByPerson.get(key(a.campaignId, a.idNumber)) ?? 0;
    if (live !== 1) v('ack.signature.once', `employee ${a.idNumber} has ${live} live signatures in campaign ${a.campaignId}`);
  }

  const reportsByNumber = new Map<string, Snapshot['reports']>();
  for (const r of s.reports) reportsByNumber.set(r.number, [...(reportsByNumber.get(r.number) ?? []), r]);
  for (const a of ledger.reports) {
    const found = reportsByNumber.get(a.number) ?? [];
    if (found.length !== 1) {
      v('ack.report', `report ${a.number} (round ${a.round}) stored ${found.length}×`);
      continue;
    }
    const files = s.reportFiles.filter((f) => f.tenantId === found[0]!.tenantId && f.reportId === found[0]!.id).map((f) => f.sha256);
    if (!sameMultiset(files, a.fileSha256)) v('ack.report.files', `report ${a.number}: files stored [${files.map((h) => h.slice(0, 8)).join(', ')}], sent [${a.fileSha256.map((h) => h.slice(0, 8)).join(', ')}]`);
  }

  const casesById = groupCount(s.cases, (x) => x.id);
  const caseOf = new Map(s.cases.map((c) => [c.id, c]));
  const eventKind = new Map(s.caseEvents.map((e) => [key(e.caseId, e.seq), e.kind]));
  for (const a of ledger.cases) {
    const n = casesById.get(a.id) ?? 0;
    if (n !== 1) {
      v('ack.case', `case ${a.number} (round ${a.round}) stored ${n}×`);
      continue;
    }
    const row = caseOf.get(a.id)!;
    for (const step of a.steps) {
      if (row.version < step.version) v('ack.case.version', `case ${a.number}: acknowledged ${step.kind} at version ${step.version}, stored version ${row.version}`);
      const kind = eventKind.get(key(a.id, step.version));
      if (kind !== step.kind) v('ack.case.event', `case ${a.number}: acknowledged ${step.kind} (version ${step.version}) but event #${step.version} is ${kind ?? 'missing'}`);
    }
  }

  const importsById = new Map<string, Snapshot['imports']>();
  for (const i of s.imports) importsById.set(i.id, [...(importsById.get(i.id) ?? []), i]);
  for (const a of ledger.imports) {
    const found = importsById.get(a.id) ?? [];
    if (found.length !== 1) {
      v('ack.import', `import ${a.id} (round ${a.round}) stored ${found.length}×`);
      continue;
    }
    const row = found[0]!;
    if (row.fileSha256 !== a.fileSha256) v('ack.import.file', `import ${a.id}: file_sha256 ${row.fileSha256.slice(0, 12)} ≠ uploaded ${a.fileSha256.slice(0, 12)}`);
    const reached = ['uploaded', 'validating', 'validated', 'committing', 'committed'].indexOf(row.status);
    const needed = a.committedSeen ? 4 : a.commitAcked ? 3 : a.validateAcked ? 1 : 0;
    if (reached < needed) v('ack.import.status', `import ${a.id}: status ${row.status} after an acknowledged ${a.committedSeen ? 'commit (seen committed)' : a.commitAcked ? 'commit request' : 'validate request'}`);
    if (row.status === 'committed') {
      for (const idNumber of a.idNumbers) {
        const n = s.employeesByIdNumber[idNumber] ?? 0;
        if (n !== 1) v('ack.import.employees', `import ${a.id} committed but employee ${idNumber} stored ${n}×`);
      }
    }
  }

  out.push(...ledger.clientViolations);
  return out;
}

// ---- 2. present ⇒ whole ---------------------------------------------------------------------------

export function checkFiles(s: Snapshot): Violation[] {
  const out: Violation[] = [];
  for (const f of s.storedFiles) {
    const d = s.disk[f.storagePath];
    if (!d) out.push({ check: 'whole.stored_file', detail: `stored_file ${f.id} (${f.purpose}) without its file ${f.storagePath}` });
    else if (d.sha256 !== f.sha256 || d.size !== f.size) out.push({ check: 'whole.stored_file.hash', detail: `stored_file ${f.id} (${f.purpose}): file has ${d.size} B sha256 ${d.sha256.slice(0, 12)}, row says ${f.size} B ${f.sha256.slice(0, 12)}` });
  }
  return out;
}

function auditIndex(s: Snapshot) {
  const byAction = (action: string) => groupCount(s.audit.filter((a) => a.action === action), (a) => key(a.tenantId, a.entityId));
  return { byAction };
}

export function checkReports(s: Snapshot): Violation[] {
  const out: Violation[] = [];
  const submits = new Map<string, AuditEntry[]>();
  for (const a of s.audit) if (a.action === 'report.submit' || a.action === 'report.enter') submits.set(key(a.tenantId, a.entityId), [...(submits.get(key(a.tenantId, a.entityId)) ?? []), a]);
  const stored = new Set(s.storedFiles.map((f) => key(f.tenantId, f.id)));
  const reportIds = new Set(s.reports.map((r) => key(r.tenantId, r.id)));
  for (const r of s.reports) {
    const entries = submits.get(key(r.tenantId, r.id)) ?? [];
    if (entries.length !== 1) {
      out.push({ check: 'whole.report.audit', detail: `report ${r.number} has ${entries.length} submission audit entries` });
      continue;
    }
    const audited = ((entries[0]!.after?.files as { sha256: string }[] | undefined) ?? []).map((f) => f.sha256);
    const files = s.reportFiles.filter((f) => f.tenantId === r.tenantId && f.reportId === r.id);
    if (!sameMultiset(files.map((f) => f.sha256), audited)) out.push({ check: 'whole.report.files', detail: `report ${r.number}: ${files.length} evidence rows, audited with ${audited.length} files` });
    for (const f of files) {
      if (!stored.has(key(f.tenantId, f.fileId))) out.push({ check: 'whole.report.files', detail: `report ${r.number}: evidence ${f.fileId} has no stored_file` });
      if (f.viewFileId && !stored.has(key(f.tenantId, f.viewFileId))) out.push({ check: 'whole.report.files', detail: `report ${r.number}: clean copy ${f.viewFileId} has no stored_file` });
    }
  }
  for (const [k, entries] of submits) if (!reportIds.has(k)) out.push({ check: 'whole.report.audit', detail: `audit ${entries[0]!.action} #${entries[0]!.seq} for a report that does not exist (${entries[0]!.entityId})` });
  return out;
}

export function checkSignatures(s: Snapshot): Violation[] {
  const out: Violation[] = [];
  const { byAction } = auditIndex(s);
  const signs = byAction('pledge.sign');
  const renders = byAction('pledge.pdf.render');
  const stored = new Map(s.storedFiles.map((f) => [key(f.tenantId, f.id), f]));
  const ids = new Set(s.signatures.map((x) => key(x.tenantId, x.id)));
  for (const sig of s.signatures) {
    const k = key(sig.tenantId, sig.id);
    if (sig.method === 'online' && (signs.get(k) ?? 0) !== 1) out.push({ check: 'whole.signature.audit', detail: `signature ${sig.id} has ${signs.get(k) ?? 0} pledge.sign audit entries` });
    if (sig.pdfFileId) {
      const file = stored.get(key(sig.tenantId, sig.pdfFileId));
      if (!file) out.push({ check: 'whole.signature.pdf', detail: `signature ${sig.id}: PDF ${sig.pdfFileId} has no stored_file` });
      else if (file.sha256 !== sig.pdfSha256) out.push({ check: 'whole.signature.pdf', detail: `signature ${sig.id}: pdf_sha256 differs from its stored_file` });
      if ((renders.get(k) ?? 0) !== 1) out.push({ check: 'whole.signature.pdf', detail: `signature ${sig.id}: PDF set with ${renders.get(k) ?? 0} pledge.pdf.render entries` });
    } else if ((renders.get(k) ?? 0) !== 0) out.push({ check: 'whole.signature.pdf', detail: `signature ${sig.id}: pledge.pdf.render audited but no PDF stored` });
  }
  for (const [k] of signs) if (!ids.has(k)) out.push({ check: 'whole.signature.audit', detail: `pledge.sign audit entry for a signature that does not exist (${k})` });
  return out;
}

/** Event kinds with a one-to-one audit entry carrying `after.seq` (`created` is audited as case.create). */
const AUDITED_EVENT_KINDS = new Set<string>([...CASE_ACTIONS, 'note']);

export function checkCases(s: Snapshot): Violation[] {
  const out: Violation[] = [];
  const eventsOf = new Map<string, Snapshot['caseEvents']>();
  for (const e of s.caseEvents) eventsOf.set(key(e.tenantId, e.caseId), [...(eventsOf.get(key(e.tenantId, e.caseId)) ?? []), e]);
  const audits = s.audit.filter((a) => a.action.startsWith('case.'));
  const creates = groupCount(audits.filter((a) => a.action === 'case.create'), (a) => key(a.tenantId, a.entityId));
  const stepAudits = groupCount(
    audits.filter((a) => AUDITED_EVENT_KINDS.has(a.action.slice(5)) && typeof a.after?.seq === 'number'),
    (a) => key(a.tenantId, a.entityId, a.after!.seq as number, a.action.slice(5)),
  );
  const caseIds = new Set(s.cases.map((c) => key(c.tenantId, c.id)));
  const eventKeys = new Set(s.caseEvents.map((e) => key(e.tenantId, e.caseId, e.seq, e.kind)));
  for (const c of s.cases) {
    const events = (eventsOf.get(key(c.tenantId, c.id)) ?? []).sort((a, b) => a.seq - b.seq);
    const seqs = events.map((e) => e.seq);
    if (seqs.some((seq, i) => seq !== i + 1)) out.push({ check: 'whole.case.events', detail: `case ${c.number}: event seqs ${seqs.join(',')} have a gap` });
    if (events[0]?.kind !== 'created') out.push({ check: 'whole.case.events', detail: `case ${c.number}: first event is ${events[0]?.kind ?? 'missing'}` });
    if ((creates.get(key(c.tenantId, c.id)) ?? 0) !== 1) out.push({ check: 'whole.case.audit', detail: `case ${c.number}: ${creates.get(key(c.tenantId, c.id)) ?? 0} case.create audit entries` });
    for (const e of events) {
      if (!AUDITED_EVENT_KINDS.has(e.kind)) continue;
      const n = stepAudits.get(key(c.tenantId, c.id, e.seq, e.kind)) ?? 0;
      if (n !== 1) out.push({ check: 'whole.case.audit', detail: `case ${c.number}: event #${e.seq} ${e.kind} has ${n} audit entries` });
    }
  }
  for (const a of audits) {
    if (a.action === 'case.create' && !caseIds.has(key(a.tenantId, a.entityId))) out.push({ check: 'whole.case.audit', detail: `case.create audit #${a.seq} for a case that does not exist` });
    const kind = a.action.slice(5);
    if (AUDITED_EVENT_KINDS.has(kind) && typeof a.after?.seq === 'number' && !eventKeys.has(key(a.tenantId, a.entityId, a.after.seq as number, kind))) {
      out.push({ check: 'whole.case.audit', detail: `audit #${a.seq} ${a.action} (event #${a.after.seq}) without its case event` });
    }
  }
  const stored = new Set(s.storedFiles.map((f) => key(f.tenantId, f.id)));
  const eventSeqs = new Set(s.caseEvents.map((e) => key(e.tenantId, e.caseId, e.seq)));
  for (const d of s.caseDocuments) {
    if (!stored.has(key(d.tenantId, d.fileId))) out.push({ check: 'whole.case_document', detail: `case document ${d.id} has no stored_file` });
    if (d.eventSeq !== null && !eventSeqs.has(key(d.tenantId, d.caseId, d.eventSeq))) out.push({ check: 'whole.case_document', detail: `case document ${d.id} points at missing event #${d.eventSeq}` });
  }
  return out;
}

export function checkImports(s: Snapshot): Violation[] {
  const out: Violation[] = [];
  const { byAction } = auditIndex(s);
  const uploads = byAction('employee.import.upload');
  const commits = byAction('employee.import.commit');
  for (const i of s.imports) {
    const k = key(i.tenantId, i.id);
    const d = s.disk[i.storagePath];
    if (!d) out.push({ check: 'whole.import.file', detail: `import ${i.id} without its file ${i.storagePath}` });
    else if (d.sha256 !== i.fileSha256 || d.size !== i.fileSize) out.push({ check: 'whole.import.file', detail: `import ${i.id}: file on disk does not match file_sha256/file_size` });
    if ((uploads.get(k) ?? 0) !== 1) out.push({ check: 'whole.import.audit', detail: `import ${i.id}: ${uploads.get(k) ?? 0} upload audit entries` });
    const committed = commits.get(k) ?? 0;
    if ((i.status === 'committed') !== (committed === 1) || committed > 1) out.push({ check: 'whole.import.audit', detail: `import ${i.id}: status ${i.status} with ${committed} employee.import.commit entries` });
  }
  return out;
}

/**
 * Imports waiting (`validating`/`committing`) for a job that is not queued, running or due for a retry.
 * Right after a crash these are expected: the status commits before its job is enqueued, and the
 * server enqueues their jobs again at start (`resumeInterruptedImports`); the proof checks that it
 * resumes exactly these. After a clean stop there must be none.
 */
export function stalledImports(s: Snapshot): Snapshot['imports'] {
  const pending = new Set(s.pendingImportJobs.map((j) => key(j.name, j.importId)));
  return s.imports.filter((i) => (i.status === 'validating' && !pending.has(key('import.validate', i.id))) || (i.status === 'committing' && !pending.has(key('import.commit', i.id))));
}

/** Evidence images (JPEG, PNG, WebP) whose clean copy the job has not made yet. */
export function pendingCleanCopies(s: Snapshot): Snapshot['reportFiles'] {
  return s.reportFiles.filter((f) => f.viewFileId === null && /^image\/(jpeg|png|webp)$/.test(f.mimeType));
}

/** Once the server has run its sweep and its queue has drained, every evidence image has its clean copy. */
export function checkCleanCopies(s: Snapshot): Violation[] {
  return pendingCleanCopies(s).map((f) => ({ check: 'whole.report.clean_copy', detail: `evidence ${f.fileId} (${f.mimeType}) of report ${f.reportId} still has no clean copy` }));
}

export function checkImportJobs(s: Snapshot): Violation[] {
  return stalledImports(s).map((i) => ({ check: 'whole.import.job', detail: `import ${i.id} is ${i.status} but no job is queued for it: it can never finish` }));
}

// ---- 3. the audit chain ---------------------------------------------------------------------------

export function checkAuditChain(s: Snapshot): Violation[] {
  return s.chain.results.filter((r) => !r.ok).map((r) => ({ check: 'audit.chain', detail: `${r.slug}: chain broken at #${r.brokenAt?.seq} (${r.brokenAt?.reason})` }));
}

/** Every invariant of the state a crash leaves. */
export function checkCrashState(s: Snapshot, ledger: Ledger): Violation[] {
  return [...checkAcknowledged(s, ledger), ...checkFiles(s), ...checkReports(s), ...checkSignatures(s), ...checkCases(s), ...checkImports(s), ...checkAuditChain(s)];
}

/**
 * The same, plus what must hold once the server has started (sweeps run), drained its queue and
 * stopped cleanly: no import waits for a missing job, no evidence image lacks its clean copy.
 */
export function checkSettledState(s: Snapshot, ledger: Ledger): Violation[] {
  return [...checkCrashState(s, ledger), ...checkImportJobs(s), ...checkCleanCopies(s)];
}

/** Figures for the round summary: what is stored, and how much of it was never acknowledged. */
export function summarise(s: Snapshot, ledger: Ledger) {
  const ackedSig = new Set(ledger.signatures.map((a) => a.id));
  const ackedReports = new Set(ledger.reports.map((a) => a.number));
  const ackedCases = new Set(ledger.cases.map((a) => a.id));
  return {
    signatures: s.signatures.length,
    signaturesUnacked: s.signatures.filter((x) => !ackedSig.has(x.id)).length,
    signaturesWithPdf: s.signatures.filter((x) => x.pdfFileId).length,
    reports: s.reports.length,
    reportsUnacked: s.reports.filter((r) => !ackedReports.has(r.number)).length,
    cases: s.cases.length,
    casesUnacked: s.cases.filter((c) => !ackedCases.has(c.id)).length,
    caseEvents: s.caseEvents.length,
    imports: s.imports.length,
    importsByStatus: Object.fromEntries(groupCount(s.imports, (i) => i.status)),
    storedFiles: s.storedFiles.length,
    filesHashed: Object.values(s.disk).filter(Boolean).length,
    unreferencedFiles: s.unreferencedFiles,
    unreferencedImportFiles: s.unreferencedImportFiles,
    pendingCleanCopies: pendingCleanCopies(s).length,
    orphanedJobs: s.orphanedJobs.map((j) => `${j.name}×${j.n}`).join(', ') || 'none',
    auditEntries: s.chain.results.reduce((n, r) => n + r.checked, 0),
  };
}
