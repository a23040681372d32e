/** Rows → response contracts for the inbox and the case page. */
import type { z } from 'zod';
import type { CaseDetail, CaseList, CaseListQuery } from '../../../shared/contracts/cases.contract.js';
import type { CaseDocumentKind, Tier } from '../../../shared/case-workflow.js';
import type { ActKind } from '../../../shared/contracts/reports.contract.js';
import type { CaseRow, EventRow, SubjectRow, listCases, listDocuments, listEvidence, listCaseReports, earlierCasesOf } from './cases.repository.js';
import { examinationTeam, progressOf } from './cases.workflow.js';

export interface WorkingCalendarLike {
  workingDaysBetween(fromDay: string, toDay: string): number;
}

/** Working days a step is past its due date (0 when on time or closed). */
export function overdueDays(dueOn: string | null, today: string, calendar: WorkingCalendarLike): number {
  if (!dueOn || dueOn >= today) return 0;
  return Math.max(0, calendar.workingDaysBetween(dueOn, today));
}

export function presentCaseList(page: Awaited<ReturnType<typeof listCases>>, q: CaseListQuery, today: string, calendar: WorkingCalendarLike): z.infer<typeof CaseList> {
  const names = new Map<string, string[]>();
  for (const s of page.subjects) names.set(s.caseId, [...(names.get(s.caseId) ?? []), s.name]);
  return {
    items: page.rows.map(({ c, assigneeName }) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      origin: c.origin,
      state: c.state,
      closeReason: c.closeReason ?? null,
      subjects: names.get(c.id) ?? [],
      assignee: c.assigneeUserId ? { id: c.assigneeUserId, name: assigneeName ?? '-' } : null,
      dueOn: c.dueOn,
      overdueDays: c.state === 'closed' ? 0 : overdueDays(c.dueOn, today, calendar),
      escalationLevel: c.escalationLevel,
      updatedAt: c.updatedAt.toISOString(),
    })),
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export interface DetailParts {
  c: CaseRow;
  today: string;
  calendar: WorkingCalendarLike;
  subjects: SubjectRow[];
  events: EventRow[];
  evidence: Awaited<ReturnType<typeof listEvidence>>;
  documents: Awaited<ReturnType<typeof listDocuments>>;
  reports: Awaited<ReturnType<typeof listCaseReports>>;
  earlier: Awaited<ReturnType<typeof earlierCasesOf>>;
  election: CaseDetail['election'];
  catalogueVersion: number | null;
  proposal: CaseDetail['proposal'];
  assignee: { id: string; name: string } | null;
  mergedInto: { id: string; number: string } | null;
  allowedActions: CaseDetail['allowedActions'];
  assignable: { id: string; name: string }[];
  excludedCount: number;
}

export function presentCaseDetail(p: DetailParts): CaseDetail {
  const { c } = p;
  return {
    id: c.id,
    number: c.number,
    version: c.version,
    origin: c.origin,
    originRef: c.originRef ?? null,
    title: c.title,
    summary: c.summary,
    state: c.state,
    closeReason: c.closeReason ?? null,
    election: p.election,
    actKind: (c.actKind as ActKind | null) ?? null,
    actDate: c.actDate,
    discoveredOn: c.discoveredOn,
    place: c.place,
    catalogueVersion: p.catalogueVersion,
    assignee: p.assignee,
    dueOn: c.dueOn,
    overdueDays: c.state === 'closed' ? 0 : overdueDays(c.dueOn, p.today, p.calendar),
    escalationLevel: c.escalationLevel,
    external: (c.external as CaseDetail['external']) ?? null,
    mergedInto: p.mergedInto,
    proposal: p.proposal,
    subjects: p.subjects.map((s) => {
      const progress = progressOf(p.events, s.id);
      return {
        id: s.id,
        employeeId: s.employeeId,
        name: s.name,
        idNumber: s.idNumber,
        position: s.position,
        unitName: s.unitName,
        category: s.category,
        jabatanClass: s.jabatanClass,
        track: s.track,
        proposedItemCode: s.proposedItemCode,
        itemCode: s.itemCode,
        tier: (s.tier as Tier | null) ?? null,
        overrideReason: s.overrideReason,
        finding: (s.finding as 'proven' | 'not_proven' | null) ?? null,
        findingReason: s.findingReason,
        recommendedTier: (s.recommendedTier as Tier | null) ?? null,
        sanction: s.sanction,
        skNumber: s.skNumber,
        skDate: s.skDate,
        followUp: s.followUp ?? null,
        earlierCases: p.earlier.filter((e) => e.employeeId && e.employeeId === s.employeeId).map((e) => ({ id: e.id, number: e.number, state: e.state, closeReason: e.closeReason ?? null, sanction: e.sanction })),
        progress: { summonses: progress.summonses.map((x) => ({ summonsNo: x.summonsNo, appearOn: x.appearOn, attended: x.attended })), clarified: progress.clarified, bapRecorded: progress.bapRecorded },
      };
    }),
    reports: p.reports,
    events: p.events.map((e) => ({ seq: e.seq, kind: e.kind, fromState: e.fromState ?? null, toState: e.toState ?? null, actor: e.actorLabel, at: e.at.toISOString(), reason: e.reason, data: e.data, correctsSeq: e.correctsSeq })),
    evidence: p.evidence.map(({ e, reportNumber }) => ({ id: e.id, source: e.source as 'report' | 'upload' | 'capture', description: e.description, sha256: e.sha256, mimeType: e.mimeType, size: e.size, reportNumber: reportNumber ?? null, addedAt: e.addedAt.toISOString() })),
    documents: p.documents.map(({ d, subjectName }) => ({ id: d.id, kind: d.kind as CaseDocumentKind, number: d.number, subjectName: subjectName ?? null, sha256: d.sha256, createdAt: d.createdAt.toISOString() })),
    examinationTeam: examinationTeam(p.events),
    allowedActions: p.allowedActions,
    assignable: p.assignable,
    excludedCount: p.excludedCount,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
