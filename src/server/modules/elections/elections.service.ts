import type { z } from 'zod';
import type { ElectionEventBody, ElectionEventView } from '../../../shared/contracts/pledges.contract.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findEvent, insertEvent, listContests, listEvents, replaceContests, updateEvent, type EventRow } from './elections.repository.js';

type View = z.infer<typeof ElectionEventView>;

function checkCalendar(input: z.infer<typeof ElectionEventBody>): void {
  for (const s of input.stages) {
    if (s.endsOn && s.endsOn < s.startsOn) throw new AppError('VALIDATION_FAILED', { stages: `Tahapan ${s.kind} berakhir sebelum dimulai.` });
  }
}

async function present(db: Db, tenantId: string, events: EventRow[]): Promise<View[]> {
  const contests = await listContests(db, tenantId, events.map((e) => e.id));
  return events.map((e) => ({
    id: e.id,
    kind: e.kind as View['kind'],
    name: e.name,
    stages: e.stages as View['stages'],
    contests: contests.filter((c) => c.eventId === e.id).map((c) => ({ id: c.id, kind: c.kind as View['contests'][number]['kind'], name: c.name, penetapanCalonOn: c.penetapanCalonOn })),
  }));
}

/** Election events with their calendar and contests (read by pledges now, by cases later). */
export async function getElectionEvents(db: Db, ctx: RequestContext): Promise<View[]> {
  requireScope(ctx.actor, 'election.read');
  return present(db, ctx.tenantId, await listEvents(db, ctx.tenantId));
}

export async function getElectionEvent(db: Db, ctx: RequestContext, id: string): Promise<View> {
  requireScope(ctx.actor, 'election.read');
  const event = await findEvent(db, ctx.tenantId, id);
  if (!event) throw notFound({ eventId: id });
  return (await present(db, ctx.tenantId, [event]))[0]!;
}

export async function createElectionEvent(db: Db, ctx: RequestContext, input: z.infer<typeof ElectionEventBody>): Promise<View> {
  requireScope(ctx.actor, 'election.write');
  checkCalendar(input);
  const id = await db.transaction(async (tx) => {
    const event = await insertEvent(tx, { tenantId: ctx.tenantId, kind: input.kind, name: input.name, stages: input.stages });
    await replaceContests(tx, ctx.tenantId, event.id, input.contests.map((c) => ({ ...c, tenantId: ctx.tenantId, eventId: event.id })));
    await recordAudit(tx, ctx, { action: 'election.create', entityType: 'election_event', entityId: event.id, after: input });
    return event.id;
  });
  return getElectionEvent(db, ctx, id);
}

export async function updateElectionEvent(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof ElectionEventBody>): Promise<View> {
  requireScope(ctx.actor, 'election.write');
  checkCalendar(input);
  const before = await getElectionEvent(db, ctx, id);
  await db.transaction(async (tx) => {
    await updateEvent(tx, ctx.tenantId, id, { kind: input.kind, name: input.name, stages: input.stages });
    await replaceContests(tx, ctx.tenantId, id, input.contests.map((c) => ({ ...c, tenantId: ctx.tenantId, eventId: id })));
    await recordAudit(tx, ctx, { action: 'election.update', entityType: 'election_event', entityId: id, before, after: input });
  });
  return getElectionEvent(db, ctx, id);
}
