/** The case page: everything the Satgas needs on one screen; every opening is in the audit log. */
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadWorkingCalendar } from '../case-settings/case-settings.service.js';
import { findCatalogue } from '../catalogue/catalogue.service.js';
import { assignableUsers } from './assignment.js';
import { earlierCasesOf, findCase, findElection, findUserNames, listCaseReports, listDocuments, listEvents, listEvidence, listExclusions, listSubjects } from './cases.repository.js';
import { presentCaseDetail } from './cases.presenter.js';
import { allowedActionsFor, readableCase, tenantToday } from './cases.service.js';
import { proposalFor } from './subjects.js';

export async function getCaseDetail(deps: AppDeps, ctx: RequestContext, id: string) {
  const c = await readableCase(deps.db, ctx, id);
  const db = deps.db;
  // The reads are independent: together, on PostgreSQL each on its own pooled connection, so the page
  // waits for the slowest rather than for the sum of ~15 round trips (PGlite runs them one by one).
  const [subjects, events, evidence, documents, reports, exclusions, { today }, calendar, election, proposal, names, merged] = await Promise.all([
    listSubjects(db, ctx.tenantId, id),
    listEvents(db, ctx.tenantId, id),
    listEvidence(db, ctx.tenantId, id),
    listDocuments(db, ctx.tenantId, id),
    listCaseReports(db, ctx.tenantId, id),
    listExclusions(db, ctx.tenantId, id),
    tenantToday(db, ctx.tenantId),
    loadWorkingCalendar(db, ctx.tenantId),
    findElection(db, ctx.tenantId, c.electionEventId, c.electionContestId),
    proposalFor(db, ctx.tenantId, c),
    findUserNames(db, ctx.tenantId, c.assigneeUserId ? [c.assigneeUserId] : []),
    c.mergedInto ? findCase(db, ctx.tenantId, c.mergedInto) : undefined,
  ]);
  // A proposal is made under the case's catalogue version when it has one: no need to read that version again.
  const catalogueVersion = !c.catalogueId ? null : proposal ? proposal.catalogueVersion : ((await findCatalogue(db, ctx.tenantId, c.catalogueId))?.version ?? null);
  const [earlier, assignable] = await Promise.all([
    earlierCasesOf(db, ctx.tenantId, subjects.map((s) => s.employeeId).filter((x): x is string => Boolean(x)), id),
    assignableUsers(db, ctx.tenantId, id, { today, excludedUserIds: exclusions.map((e) => e.userId) }),
  ]);
  const detail = presentCaseDetail({
    c,
    today,
    calendar,
    subjects,
    events,
    evidence,
    documents,
    reports,
    earlier,
    election: election ? { eventId: election.event.id, eventName: election.event.name, contestId: election.contest?.id ?? null, contestName: election.contest?.name ?? null, penetapanCalonOn: election.contest?.penetapanCalonOn ?? null } : null,
    catalogueVersion,
    proposal: proposal ? { list: proposal.list ?? null, itemCode: proposal.itemCode ?? null, tier: proposal.tier ?? null, reason: proposal.reason } : null,
    assignee: c.assigneeUserId ? { id: c.assigneeUserId, name: names.get(c.assigneeUserId) ?? '-' } : null,
    mergedInto: merged ? { id: merged.id, number: merged.number } : null,
    allowedActions: allowedActionsFor(ctx, c),
    assignable,
    excludedCount: exclusions.length,
  });
  await db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.read', entityType: 'case', entityId: id }));
  return detail;
}
