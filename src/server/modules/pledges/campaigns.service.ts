import type { z } from 'zod';
import type { CampaignBody, CampaignUpdateBody, CampaignView, TemplateBody } from '../../../shared/contracts/pledges.contract.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findEvent } from '../elections/elections.repository.js';
import { findUnit } from '../units/units.repository.js';
import { DEFAULT_IKRAR, DEFAULT_PAKTA, templateProblems } from './pledge-text.js';
import {
  countTargetAndSigned,
  findCampaign,
  findCurrentTemplates,
  insertCampaign,
  insertTemplate,
  listCampaigns,
  lockCampaignForEdit,
  updateCampaignRow,
  updateTemplateRow,
  type CampaignRow,
  type TemplateRow,
} from './pledges.repository.js';

type View = z.infer<typeof CampaignView>;

export function presentTemplate(t: TemplateRow) {
  return { id: t.id, kind: t.kind as 'ikrar' | 'pakta', version: t.version, title: t.title, body: t.body, isCurrent: t.isCurrent, createdAt: t.createdAt.toISOString() };
}

async function present(db: Db, tenantId: string, campaign: CampaignRow, eventName: string): Promise<View> {
  const { ikrar, pakta } = await findCurrentTemplates(db, tenantId, campaign.id);
  const { target, signed } = await countTargetAndSigned(db, tenantId, campaign);
  return {
    id: campaign.id,
    eventId: campaign.eventId,
    eventName,
    name: campaign.name,
    status: campaign.status as View['status'],
    targetCategories: campaign.targetCategories,
    targetUnitIds: campaign.targetUnitIds,
    signDeadline: campaign.signDeadline,
    apelUnitTypes: campaign.apelUnitTypes,
    apelReportDeadline: campaign.apelReportDeadline,
    signingPlace: campaign.signingPlace,
    ikrar: presentTemplate(ikrar),
    pakta: presentTemplate(pakta),
    targetCount: target,
    signedCount: signed,
  };
}

async function checkTargetUnits(db: Db, tenantId: string, ids: string[]): Promise<void> {
  for (const id of ids) if (!(await findUnit(db, tenantId, id))) throw new AppError('VALIDATION_FAILED', { targetUnitIds: `Unit ${id} tidak ditemukan.` });
}

export async function getCampaigns(db: Db, ctx: RequestContext): Promise<View[]> {
  requireScope(ctx.actor, 'campaign.read');
  const rows = await listCampaigns(db, ctx.tenantId);
  return Promise.all(rows.map((r) => present(db, ctx.tenantId, r.campaign, r.eventName)));
}

export async function getCampaign(db: Db, ctx: RequestContext, id: string): Promise<View> {
  requireScope(ctx.actor, 'campaign.read');
  const row = await findCampaign(db, ctx.tenantId, id);
  if (!row) throw notFound({ campaignId: id });
  return present(db, ctx.tenantId, row.campaign, row.eventName);
}

/** A new campaign in draft, with the default ikrar and pakta as version 1 (editable before opening). */
export async function createCampaign(db: Db, ctx: RequestContext, input: z.infer<typeof CampaignBody>): Promise<View> {
  requireScope(ctx.actor, 'campaign.write');
  if (!(await findEvent(db, ctx.tenantId, input.eventId))) throw new AppError('VALIDATION_FAILED', { eventId: 'Pemilu/Pilkada tidak ditemukan.' });
  await checkTargetUnits(db, ctx.tenantId, input.targetUnitIds);
  const id = await db.transaction(async (tx) => {
    const campaign = await insertCampaign(tx, { ...input, tenantId: ctx.tenantId, status: 'draft' });
    for (const [kind, text] of [['ikrar', DEFAULT_IKRAR], ['pakta', DEFAULT_PAKTA]] as const) {
      await insertTemplate(tx, { tenantId: ctx.tenantId, campaignId: campaign.id, kind, version: 1, title: text.title, body: text.body, createdBy: ctx.actor.userId });
    }
    await recordAudit(tx, ctx, { action: 'campaign.create', entityType: 'pledge_campaign', entityId: campaign.id, after: input });
    return campaign.id;
  });
  return getCampaign(db, ctx, id);
}

const TRANSITIONS: Record<string, string[]> = { draft: ['open'], open: ['closed'], closed: ['open'] };

export async function updateCampaign(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof CampaignUpdateBody>): Promise<View> {
  requireScope(ctx.actor, 'campaign.write');
  const before = await getCampaign(db, ctx, id);
  if (input.status && input.status !== before.status && !TRANSITIONS[before.status]!.includes(input.status)) {
    throw new AppError('CONFLICT', { status: `Status tidak dapat berubah dari ${before.status} ke ${input.status}.` });
  }
  if (input.targetUnitIds) await checkTargetUnits(db, ctx.tenantId, input.targetUnitIds);
  await db.transaction(async (tx) => {
    await updateCampaignRow(tx, ctx.tenantId, id, input);
    await recordAudit(tx, ctx, { action: 'campaign.update', entityType: 'pledge_campaign', entityId: id, before, after: input });
  });
  return getCampaign(db, ctx, id);
}

/**
 * Edits the ikrar or pakta: a changed text is always a new version (the previous one stays, no longer
 * current), so a version's text never changes under its id. Signatures keep the version they signed;
 * an employee who opened the signing page before the edit is refused as stale (STALE_TEMPLATE) instead
 * of signing a text they did not read; and signing may keep versions by id (signing.service.ts).
 * Saving the same text again writes nothing.
 */
export async function editTemplate(db: Db, ctx: RequestContext, campaignId: string, kind: 'ikrar' | 'pakta', input: z.infer<typeof TemplateBody>) {
  requireScope(ctx.actor, 'campaign.write');
  await getCampaign(db, ctx, campaignId);
  const problems = templateProblems(kind, input.body);
  if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', problems, Object.values(problems).join(' '));
  return db.transaction(async (tx) => {
    await lockCampaignForEdit(tx, ctx.tenantId, campaignId);
    const current = (await findCurrentTemplates(tx, ctx.tenantId, campaignId))[kind];
    if (current.title === input.title && current.body === input.body) return presentTemplate(current);
    await updateTemplateRow(tx, ctx.tenantId, current.id, { isCurrent: false });
    const result = await insertTemplate(tx, { tenantId: ctx.tenantId, campaignId, kind, version: current.version + 1, title: input.title, body: input.body, createdBy: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'campaign.template.edit', entityType: 'pledge_template', entityId: result.id, before: current, after: result });
    return presentTemplate(result);
  });
}
