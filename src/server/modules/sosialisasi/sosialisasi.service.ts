/**
 * Sosialisasi for staff and employees: BKPSDM publishes an announcement to units; employees read and
 * acknowledge it (after the quiz when asked); staff see read and acknowledgement rates per unit next
 * to pledge compliance — a unit head for their own subtree only.
 */
import type { z } from 'zod';
import type { AcknowledgeBody, AnnouncementSummary, AnnouncementUnits, CreateAnnouncementBody } from '../../../shared/contracts/sosialisasi.contract.js';
import { NEUTRALITY_QUIZ } from '../../../shared/sosialisasi-quiz.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope, scopeFor } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { computeTree, resolveCampaignScope } from '../compliance/compliance.service.js';
import { listCampaigns } from '../pledges/pledges.repository.js';
import { findUnit } from '../units/units.repository.js';
import { announcementScope, freshUnitStats } from '../unit-stats/unit-stats.service.js';
import { NOTICE_JOB } from './sosialisasi.jobs.js';
import {
  announcementCounts,
  announcementsFor,
  findAnnouncement,
  insertAnnouncement,
  listAnnouncements,
  markAcknowledged,
  markRead,
  unitNames,
  unitReceipts,
  type AnnouncementRow,
} from './sosialisasi.repository.js';

type Summary = z.infer<typeof AnnouncementSummary>;
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n * 1000) / d) / 10);

/** The staff viewer's subtree: the whole instansi ("/") or a unit head's own unit. */
function viewScope(ctx: RequestContext): string {
  return requireScope(ctx.actor, 'sosialisasi.read') === 'subtree' ? ctx.actor.scopeUnitPath! : '/';
}

async function summarize(deps: AppDeps, ctx: RequestContext, a: AnnouncementRow, prefix: string): Promise<Summary> {
  const names = await unitNames(deps.db, ctx.tenantId, a.targetUnitIds);
  const computedAt = await freshUnitStats(deps.db, ctx.tenantId, announcementScope(a.id));
  return {
    id: a.id,
    title: a.title,
    reference: a.reference,
    publishedAt: a.publishedAt.toISOString(),
    hasQuiz: a.hasQuiz,
    targetUnitNames: a.targetUnitIds.map((id) => names.get(id) ?? id),
    ...(await announcementCounts(deps.db, ctx.tenantId, a, prefix)),
    computedAt: computedAt.toISOString(),
    // Notice totals are instansi-wide: a unit head sees the rates of their subtree, not these.
    notices: a.notifyByEmail && prefix === '/' ? { sent: a.noticesSent, withoutEmail: a.noticesWithoutEmail, done: a.noticesDoneAt !== null } : null,
  };
}

/** POST /sosialisasi/announcements. */
export async function publishAnnouncement(deps: AppDeps, ctx: RequestContext, input: z.infer<typeof CreateAnnouncementBody>): Promise<Summary> {
  requireScope(ctx.actor, 'sosialisasi.manage');
  const targets = [...new Set(input.targetUnitIds)];
  for (const id of targets) if (!(await findUnit(deps.db, ctx.tenantId, id))) throw new AppError('VALIDATION_FAILED', { targetUnitIds: `Unit ${id} tidak ada.` });
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertAnnouncement(tx, { tenantId: ctx.tenantId, title: input.title, body: input.body, reference: input.reference ?? null, targetUnitIds: targets, hasQuiz: input.hasQuiz, notifyByEmail: input.notifyByEmail, createdBy: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'announcement.publish', entityType: 'announcement', entityId: created.id, after: { title: created.title, reference: created.reference, targetUnitIds: targets, hasQuiz: created.hasQuiz, notifyByEmail: created.notifyByEmail } });
    return created;
  });
  // After commit; a crash before this line is caught up by the scheduler (resumeAnnouncementNotices).
  if (row.notifyByEmail) await deps.jobs.enqueue(NOTICE_JOB, { tenantId: ctx.tenantId, announcementId: row.id });
  return summarize(deps, ctx, (await findAnnouncement(deps.db, ctx.tenantId, row.id))!, '/');
}

/** GET /sosialisasi/announcements: with read and acknowledgement counts in the viewer's scope. */
export async function listAnnouncementsFor(deps: AppDeps, ctx: RequestContext) {
  const prefix = viewScope(ctx);
  const rows = await listAnnouncements(deps.db, ctx.tenantId);
  const items: Summary[] = [];
  for (const a of rows) items.push(await summarize(deps, ctx, a, prefix));
  // A unit head sees what reaches their units only.
  return { items: prefix === '/' ? items : items.filter((i) => i.target > 0) };
}

/** GET /sosialisasi/announcements/:id/units: the unit tree with rolled-up rates and the pledge signing % beside them. */
export async function announcementUnits(deps: AppDeps, ctx: RequestContext, id: string): Promise<z.infer<typeof AnnouncementUnits>> {
  const prefix = viewScope(ctx);
  const a = await findAnnouncement(deps.db, ctx.tenantId, id);
  if (!a) throw notFound({ id });
  const announcement = await summarize(deps, ctx, a, prefix); // makes the per-unit rows fresh first
  const rows = await unitReceipts(deps.db, ctx.tenantId, a, prefix);
  // Roll-up by path: a unit's path lists itself and its ancestors.
  const byId = new Map(rows.map((r) => [r.id, { ...r, sub: { target: 0, read: 0, acknowledged: 0 } }]));
  for (const r of rows) {
    for (const ancestor of r.path.split('/').filter(Boolean)) {
      const u = byId.get(ancestor);
      if (!u) continue;
      u.sub.target += r.target;
      u.sub.read += r.read;
      u.sub.acknowledged += r.acknowledged;
    }
  }
  const campaign = scopeFor(ctx.actor, 'compliance.read') ? (await listCampaigns(deps.db, ctx.tenantId)).find((c) => c.campaign.status === 'open')?.campaign : undefined;
  const signed = new Map<string, number | null>();
  if (campaign) {
    const tree = await computeTree(deps.db, await resolveCampaignScope(deps.db, ctx, 'compliance.read', campaign.id), new Date());
    for (const u of tree.units) signed.set(u.id, u.signedPct);
  }
  const baseDepth = Math.min(...rows.map((r) => r.path.split('/').filter(Boolean).length));
  // Display order: depth-first, siblings by name (as the compliance tree).
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const parent = byId.has(r.parentId ?? '') ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const ordered: (typeof rows)[number][] = [];
  const visit = (parent: string | null) => {
    for (const r of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'id'))) {
      ordered.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return {
    announcement,
    body: a.body,
    campaign: campaign ? { id: campaign.id, name: campaign.name } : null,
    units: ordered.map((r) => byId.get(r.id)!).map((u) => ({
      id: u.id,
      parentId: u.parentId,
      name: u.name,
      depth: u.path.split('/').filter(Boolean).length - baseDepth,
      target: u.sub.target,
      read: u.sub.read,
      acknowledged: u.sub.acknowledged,
      acknowledgedPct: pct(u.sub.acknowledged, u.sub.target),
      signedPct: signed.get(u.id) ?? null,
    })),
  };
}

function employeeOf(ctx: RequestContext): string {
  requireScope(ctx.actor, 'sosialisasi.acknowledge');
  return ctx.actor.employeeId!;
}

/** GET /sosialisasi/mine: what reaches the signed-in employee. */
export async function myAnnouncements(deps: AppDeps, ctx: RequestContext) {
  const rows = await announcementsFor(deps.db, ctx.tenantId, employeeOf(ctx));
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      reference: r.reference,
      publishedAt: new Date(r.publishedAt).toISOString(),
      hasQuiz: r.hasQuiz,
      readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
      acknowledgedAt: r.acknowledgedAt ? new Date(r.acknowledgedAt).toISOString() : null,
    })),
  };
}

/** An announcement that reaches this employee, or NOT_FOUND (one sent elsewhere does not exist for them). */
async function reachable(deps: AppDeps, ctx: RequestContext, id: string) {
  const mine = (await myAnnouncements(deps, ctx)).items.find((a) => a.id === id);
  if (!mine) throw notFound({ id });
  return mine;
}

/** POST /sosialisasi/announcements/:id/read: the first opening is recorded. */
export async function readAnnouncement(deps: AppDeps, ctx: RequestContext, id: string) {
  await reachable(deps, ctx, id);
  await markRead(deps.db, ctx.tenantId, id, ctx.actor.employeeId!);
  return reachable(deps, ctx, id);
}

/** POST /sosialisasi/announcements/:id/acknowledge: "I have read and understood", after the quiz when asked. */
export async function acknowledgeAnnouncement(deps: AppDeps, ctx: RequestContext, id: string, body: z.infer<typeof AcknowledgeBody>) {
  const a = await reachable(deps, ctx, id);
  if (a.hasQuiz) {
    const answers = body.answers ?? [];
    const wrong = NEUTRALITY_QUIZ.filter((q, i) => answers[i] !== q.answer);
    if (wrong.length > 0) throw new AppError('QUIZ_INCORRECT', { wrong: wrong.map((q) => q.id), explanations: Object.fromEntries(wrong.map((q) => [q.id, q.explanation])) });
  }
  await deps.db.transaction(async (tx) => {
    if (await markAcknowledged(tx, ctx.tenantId, id, ctx.actor.employeeId!)) {
      await recordAudit(tx, ctx, { action: 'announcement.acknowledge', entityType: 'announcement', entityId: id, after: { employeeId: ctx.actor.employeeId, quiz: a.hasQuiz } });
    }
  });
  return reachable(deps, ctx, id);
}
