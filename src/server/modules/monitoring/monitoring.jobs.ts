/**
 * The bulk-import job: reads the stored file, checks every row, matches employees, drops repeats,
 * screens the rest, then commits every valid row in one transaction with the batch's final state, or
 * refuses the batch. Idempotent: a finished batch is left alone; a batch interrupted while running
 * starts over (its transaction never committed).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkRow, decodeText, ImportFileError, readRows, sniffFormat, type ImportCandidate, type RowIssue } from './capture-import.reader.js';
import { CAPTURE_IMPORT_JOB, type CaptureImportJobPayload } from './capture-imports.service.js';
import { projectionOf, revisionRow, tenantZone, type CaptureFacts } from './captures.service.js';
import { MAX_IMPORT_ISSUES } from './monitoring.presenter.js';
import {
  findCaptureImport,
  findCapturedKeys,
  findEmployeesByIdNumbers,
  insertCaptures,
  insertRevisions,
  mapDeclaredHandles,
  updateCaptureImport,
  type CaptureImportRow,
} from './monitoring.repository.js';
import { CaptureScorer, type Scored } from './scoring.js';

/** Writes progress at most twice a second (outside the import transaction, so the page can show it). */
function progressReporter(deps: AppDeps, tenantId: string, importId: string) {
  let last = 0;
  return async (patch: { processedRows: number; progress: number; totalRows?: number }, force = false) => {
    if (!force && Date.now() - last < 500) return;
    last = Date.now();
    await updateCaptureImport(deps.db, tenantId, importId, patch);
  };
}

/** Row problems of a batch: every message, and which rows they make wrong. */
class RowProblems {
  readonly issues: RowIssue[];
  readonly badRows: Set<number>;
  constructor(initial: RowIssue[]) {
    this.issues = [...initial];
    this.badRows = new Set(initial.map((i) => i.row));
  }
  add(issue: RowIssue): void {
    this.issues.push(issue);
    this.badRows.add(issue.row);
  }
}

interface AcceptedRow {
  c: ImportCandidate;
  employeeId: string | null;
  employeeConfirmed: boolean;
}

/** Matches employees (by NIP, else a suggestion from the declared-accounts register) and drops repeats. */
async function matchRows(deps: AppDeps, tenantId: string, candidates: ImportCandidate[], problems: RowProblems): Promise<AcceptedRow[]> {
  const byNip = await findEmployeesByIdNumbers(deps.db, tenantId, [...new Set(candidates.map((c) => c.employeeNip).filter((n): n is string => !!n))]);
  const declared = await mapDeclaredHandles(deps.db, tenantId);
  const captured = await findCapturedKeys(deps.db, tenantId, [...new Set(candidates.map((c) => c.textSha256))]);
  const seen = new Map<string, number>();
  const accepted: AcceptedRow[] = [];
  for (const c of candidates) {
    const key = `${c.platform}|${c.url}|${c.textSha256}`;
    const problem = (column: string | null, message: string) => problems.add({ row: c.row, column, message });
    if (c.employeeNip && !byNip.has(c.employeeNip)) problem('employee_nip', `NIP/NIK ${c.employeeNip} tidak ditemukan pada data kepegawaian.`);
    else if (seen.has(key)) problem(null, `Baris ini sama dengan baris ${seen.get(key)} (platform, URL dan teks sama).`);
    else if (captured.has(key)) problem(null, 'Unggahan ini (platform, URL dan teks sama) sudah pernah ditangkap.');
    else {
      seen.set(key, c.row);
      // A NIP in the file is the preparer's assertion; a handle from the register is only a suggestion to confirm.
      const suggested = c.employeeNip ? null : (declared.get(`${c.platform}|${c.handle.toLowerCase()}`) ?? null);
      accepted.push({ c, employeeId: c.employeeNip ? byNip.get(c.employeeNip)! : suggested, employeeConfirmed: Boolean(c.employeeNip) });
    }
  }
  return accepted;
}

/** Validates every row, matches employees, drops repeats, screens the rest, then commits or refuses the batch. */
export async function runCaptureImport(deps: AppDeps, payload: CaptureImportJobPayload): Promise<void> {
  const { tenantId, importId } = payload;
  const ctx: RequestContext = { tenantId, requestId: payload.requestId, actor: payload.actor };
  const batch = await findCaptureImport(deps.db, tenantId, importId);
  // Idempotent: a finished batch is left alone; a batch interrupted while running starts over (its transaction never committed).
  if (!batch || (batch.status !== 'queued' && batch.status !== 'running')) return;
  const finish = async (status: 'refused' | 'failed', message: string, extra: Partial<CaptureImportRow> = {}) => {
    await deps.db.transaction(async (tx) => {
      await updateCaptureImport(tx, tenantId, importId, { status, failureMessage: message, importedRows: 0, finishedAt: new Date(), ...extra });
      await recordAudit(tx, ctx, { action: `monitoring.import.${status}`, entityType: 'capture_import', entityId: importId, after: { reason: message, errorRows: extra.errorRows ?? 0 } });
    });
  };
  try {
    await updateCaptureImport(deps.db, tenantId, importId, { status: 'running', progress: 0, processedRows: 0 });
    const timeZone = await tenantZone(deps.db, tenantId);
    const report = progressReporter(deps, tenantId, importId);

    let format: 'csv' | 'jsonl';
    let parsed: ReturnType<typeof readRows>;
    try {
      const text = decodeText(await readFile(batch.storagePath));
      format = sniffFormat(text);
      parsed = readRows(text, format);
    } catch (error) {
      if (error instanceof ImportFileError) return await finish('refused', error.message);
      throw error;
    }
    const total = parsed.rows.length + parsed.issues.length;
    await updateCaptureImport(deps.db, tenantId, importId, { format, totalRows: total });

    // 1. Row checks (0–40 %); 2. employees by NIP or declared handle, repeats.
    const problems = new RowProblems(parsed.issues);
    const candidates: ImportCandidate[] = [];
    const now = new Date();
    for (const [i, raw] of parsed.rows.entries()) {
      const result = checkRow(raw, timeZone, now);
      if ('issues' in result) for (const issue of result.issues) problems.add(issue);
      else candidates.push(result.candidate);
      await report({ processedRows: i + 1, progress: Math.floor(((i + 1) / total) * 40) });
    }
    const accepted = await matchRows(deps, tenantId, candidates, problems);
    const { issues, badRows } = problems;
    const errorRows = badRows.size;
    const kept = issues.sort((a, b) => a.row - b.row).slice(0, MAX_IMPORT_ISSUES);
    if (errorRows > 0 && batch.mode === 'all_or_nothing') {
      return await finish('refused', `${errorRows.toLocaleString('id-ID')} baris salah; dengan pilihan "semua atau tidak sama sekali" tidak ada baris yang diimpor. Perbaiki berkas lalu unggah ulang.`, { issues: kept, errorRows, processedRows: total, progress: 100 });
    }
    if (accepted.length === 0) return await finish('refused', 'Tidak ada baris yang valid untuk diimpor.', { issues: kept, errorRows, processedRows: total, progress: 100 });

    // 3. Screening (40–90 %): the same scorer as the form, one watchlist lookup per election.
    const scorer = new CaptureScorer(deps.db, tenantId, timeZone);
    const rows: { id: string; row: number; facts: CaptureFacts; scored: Scored }[] = [];
    for (const [i, a] of accepted.entries()) {
      const facts: CaptureFacts = {
        platform: a.c.platform, url: a.c.url, accountHandle: a.c.handle, accountName: a.c.displayName, employeeId: a.employeeId, employeeConfirmed: a.employeeConfirmed,
        text: a.c.text, actKind: a.c.actKind, postedAt: a.c.postedAt, electionEventId: batch.electionEventId, electionContestId: batch.electionContestId,
      };
      rows.push({ id: randomUUID(), row: a.c.row, facts, scored: await scorer.score(facts) });
      await report({ processedRows: total, progress: 40 + Math.floor(((i + 1) / accepted.length) * 50) });
    }
    await report({ processedRows: total, progress: 90 }, true);

    // 4. One transaction: every capture, its original revision, the batch's final state and the audit event.
    await deps.db.transaction(async (tx) => {
      const current = await findCaptureImport(tx, tenantId, importId);
      if (current?.status !== 'running') return;
      const capturedAt = new Date();
      await insertCaptures(tx, rows.map((r) => ({ tenantId, id: r.id, source: 'import', importId, importRow: r.row, capturedAt, capturedBy: ctx.actor.userId, currentRevision: 1, ...projectionOf(r.facts, r.scored) })));
      await insertRevisions(tx, rows.map((r) => revisionRow(tenantId, r.id, 1, r.facts, r.scored, ctx.actor.userId, null)));
      await updateCaptureImport(tx, tenantId, importId, { status: 'done', importedRows: rows.length, errorRows, issues: kept, processedRows: total, progress: 100, finishedAt: new Date() });
      await recordAudit(tx, ctx, {
        action: 'monitoring.import.commit',
        entityType: 'capture_import',
        entityId: importId,
        after: { fileName: batch.fileName, sha256: batch.fileSha256, format, mode: batch.mode, totalRows: total, importedRows: rows.length, errorRows, modelVersion: rows[0]!.scored.modelVersion },
      });
    });
  } catch (error) {
    deps.log.error({ err: error, importId }, 'capture import failed');
    await finish('failed', 'Impor gagal karena kesalahan server; tidak ada baris yang diimpor. Coba unggah ulang berkas.').catch(() => undefined);
  }
}

export function registerMonitoringJobs(deps: AppDeps): void {
  deps.jobs.register(CAPTURE_IMPORT_JOB, (p) => runCaptureImport(deps, p as CaptureImportJobPayload));
}
