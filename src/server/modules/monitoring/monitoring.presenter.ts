/** Rows of the monitoring module → response contracts. */
import type { z } from 'zod';
import type { CaptureImportView, CaptureListItem, CaptureRevisionView, DeclaredAccountView, SuggestedItem, WatchlistSummary } from '../../../shared/contracts/monitoring.contract.js';
import type { CatalogueList, Tier } from '../../../shared/case-workflow.js';
import type { CaptureImportRow, CaptureWithRevision, DeclaredAccountWithEmployee, RevisionRow, WatchlistWithNames } from './monitoring.repository.js';

/** Characters of post text the queue carries per item (the detail carries all of it). */
export const QUEUE_TEXT_CHARS = 1500;
/** Row problems an import keeps. */
export const MAX_IMPORT_ISSUES = 1000;

export function presentSuggestedItem(r: Pick<RevisionRow, 'itemCode' | 'itemList' | 'itemTier' | 'itemReason'>): z.infer<typeof SuggestedItem> | null {
  if (!r.itemCode || !r.itemList) return null;
  return { code: r.itemCode, list: r.itemList as CatalogueList, tier: (r.itemTier as Tier | null) ?? null, reason: r.itemReason ?? '' };
}

/** A queue item; `cut` limits the text (and drops reasons past the cut). */
export function presentCaptureItem(row: CaptureWithRevision, cut = QUEUE_TEXT_CHARS): z.infer<typeof CaptureListItem> {
  const { c, r } = row;
  // Never cut a surrogate pair in half.
  let end = Math.min(r.text.length, cut);
  if (end < r.text.length && end > 0 && /[\uD800-\uDBFF]/.test(r.text[end - 1]!)) end--;
  const truncated = end < r.text.length;
  return {
    id: c.id,
    source: c.source as 'form' | 'import',
    platform: r.platform,
    url: r.url,
    accountHandle: r.accountHandle,
    accountName: r.accountName,
    employee: r.employeeId && row.employeeName ? { id: r.employeeId, name: row.employeeName, idNumber: row.employeeIdNumber!, unitName: row.unitName ?? null, position: row.employeePosition ?? null } : null,
    employeeConfirmed: r.employeeConfirmed,
    text: truncated ? r.text.slice(0, end) : r.text,
    textTruncated: truncated,
    actKind: r.actKind,
    postedAt: r.postedAt.toISOString(),
    capturedAt: c.capturedAt.toISOString(),
    score: r.score,
    signals: r.signals,
    pair: r.pair,
    pairLabel: r.pairLabel,
    suggestedItem: presentSuggestedItem(r),
    reasons: r.reasons.filter((x) => x.end <= end),
    modelVersion: r.modelVersion,
    reviewStatus: c.reviewStatus,
    caseId: c.caseId,
    revision: c.currentRevision,
    fileCount: row.fileCount,
  };
}

export function presentRevision(row: { r: RevisionRow; editedByName: string | null }): z.infer<typeof CaptureRevisionView> {
  const { r } = row;
  return {
    revision: r.revision,
    editedBy: row.editedByName,
    editedAt: r.editedAt.toISOString(),
    reason: r.editReason,
    platform: r.platform,
    url: r.url,
    accountHandle: r.accountHandle,
    accountName: r.accountName,
    employeeId: r.employeeId,
    employeeConfirmed: r.employeeConfirmed,
    text: r.text,
    textSha256: r.textSha256,
    actKind: r.actKind,
    postedAt: r.postedAt.toISOString(),
    score: r.score,
    modelVersion: r.modelVersion,
    watchlistId: r.watchlistId,
  };
}

export function presentWatchlistSummary(row: WatchlistWithNames): z.infer<typeof WatchlistSummary> {
  const { w } = row;
  const doc = w.document as { pairs?: unknown[]; hoax_claims?: unknown[] };
  return {
    id: w.id,
    electionEventId: w.electionEventId,
    electionContestId: w.electionContestId,
    electionName: row.electionName,
    contestName: row.contestName ?? null,
    version: w.version,
    isCurrent: w.isCurrent,
    sha256: w.sha256,
    note: w.note,
    createdBy: row.createdByName ?? null,
    createdAt: w.createdAt.toISOString(),
    pairs: Array.isArray(doc.pairs) ? doc.pairs.length : 0,
    hoaxClaims: Array.isArray(doc.hoax_claims) ? doc.hoax_claims.length : 0,
  };
}

export function presentImport(row: CaptureImportRow): z.infer<typeof CaptureImportView> {
  return {
    id: row.id,
    status: row.status as z.infer<typeof CaptureImportView>['status'],
    fileName: row.fileName,
    fileSha256: row.fileSha256,
    fileSize: row.fileSize,
    format: (row.format as 'csv' | 'jsonl' | null) ?? null,
    mode: row.mode as 'skip_invalid' | 'all_or_nothing',
    electionEventId: row.electionEventId,
    electionContestId: row.electionContestId,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    importedRows: row.importedRows,
    errorRows: row.errorRows,
    progress: row.progress,
    issues: row.issues,
    issuesTruncated: row.issues.length >= MAX_IMPORT_ISSUES,
    failureMessage: row.failureMessage,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function presentDeclaredAccount(row: DeclaredAccountWithEmployee): z.infer<typeof DeclaredAccountView> {
  const { a } = row;
  return {
    id: a.id,
    employee: { id: row.id, name: row.name, idNumber: row.idNumber, unitName: row.unitName ?? null, position: row.position ?? null },
    platform: a.platform,
    handle: a.handle,
    url: a.url,
    legalBasis: a.legalBasis,
    declaredOn: a.declaredOn,
    note: a.note,
    createdAt: a.createdAt.toISOString(),
  };
}
