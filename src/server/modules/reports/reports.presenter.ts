/** Rows → response contracts. A sealed value never passes through here: only whether one exists. */
import type { z } from 'zod';
import type { ActKind, IdentityMode, InboxItem, ReportChannel, ReportDetail, ReportStatus, RevealView } from '../../../shared/contracts/reports.contract.js';
import { needsCleanCopy } from './evidence.js';
import { presentWarnings } from './intake.service.js';
import type { listMessages, listNotes, listReportFiles, listReveals, ReportRow } from './reports.repository.js';

export function presentInboxItem(row: ReportRow): z.infer<typeof InboxItem> {
  return {
    id: row.id,
    number: row.number,
    status: row.status as ReportStatus,
    channel: row.channel as ReportChannel,
    identityMode: row.identityMode as IdentityMode,
    actKind: (row.actKind as ActKind | null) ?? null,
    reportedName: row.reported.name,
    receivedOn: row.receivedOn,
    warnings: row.warnings,
    reporterActivityOn: row.reporterActivityOn,
  };
}

export function presentReveal(r: Awaited<ReturnType<typeof listReveals>>[number], viewerId: string | null): z.infer<typeof RevealView> {
  return {
    id: r.reveal.id,
    reportId: r.reveal.reportId,
    reportNumber: r.reportNumber,
    requestedBy: r.requestedBy,
    isMine: r.reveal.requestedBy === viewerId,
    reason: r.reveal.reason,
    status: r.reveal.status as 'pending' | 'approved' | 'rejected',
    decidedBy: r.decidedBy ?? null,
    decidedAt: r.reveal.decidedAt?.toISOString() ?? null,
    decisionNote: r.reveal.decisionNote,
    createdAt: r.reveal.createdAt.toISOString(),
  };
}

/** An image without its clean copy is still being processed by the job (reports.jobs.ts), unless the job gave up on it. */
const cleanCopyState = (viewFileId: string | null, cleanFailedOn: string | null, mime: string) =>
  viewFileId ? 'ready' : !needsCleanCopy(mime) ? 'none' : cleanFailedOn ? 'failed' : 'processing';

export interface DetailParts {
  duplicateOf: { id: string; number: string } | null;
  files: Awaited<ReturnType<typeof listReportFiles>>;
  messages: Awaited<ReturnType<typeof listMessages>>;
  notes: Awaited<ReturnType<typeof listNotes>>;
  reveals: Awaited<ReturnType<typeof listReveals>>;
  can: Record<string, boolean>;
  /** The signed-in staff member, to flag their own reveal requests. */
  viewerId: string | null;
}

export function presentDetail(row: ReportRow, p: DetailParts): z.infer<typeof ReportDetail> {
  return {
    ...presentInboxItem(row),
    reporterOpen: row.identityMode === 'terbuka' ? row.reporterOpen : null,
    hasSealedIdentity: row.reporterSealed !== null,
    hasContact: row.contactSealed !== null,
    reported: row.reported,
    reportedEmployeeId: row.reportedEmployeeId,
    actKindOther: row.actKindOther,
    electionEventId: row.electionEventId,
    electionContestId: row.electionContestId,
    actDate: row.actDate,
    discoveredOn: row.discoveredOn,
    place: row.place,
    description: row.description,
    links: row.links,
    warnings: presentWarnings(row.warnings),
    duplicateOf: p.duplicateOf,
    caseId: row.caseId,
    handover: row.handoverAt ? { at: row.handoverAt.toISOString(), note: row.handoverNote } : null,
    files: p.files.map(({ file }) => ({ fileId: file.fileId, mimeType: file.mimeType, size: file.size, sha256: file.sha256, fromReporter: file.fromReporter, addedOn: file.addedOn, hasCleanCopy: file.viewFileId !== null, cleanCopy: cleanCopyState(file.viewFileId, file.cleanFailedOn, file.mimeType) })),
    messages: p.messages.map((m) => ({ seq: m.seq, direction: m.direction as 'to_reporter' | 'from_reporter', body: m.body, sentOn: m.sentOn })),
    notes: p.notes.map((n) => ({ id: n.id, body: n.body, author: n.author, createdAt: n.createdAt.toISOString() })),
    reveals: p.reveals.map((r) => presentReveal(r, p.viewerId)),
    can: p.can,
  };
}
