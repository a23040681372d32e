/**
 * Official recaps: request one (a row, then a job), list them with their progress, download the
 * files, and the weekly schedule's settings. Recaps carry exact tenant-wide figures, so only case
 * readers see them; every request and download is audited.
 */
import type { z } from 'zod';
import type { CreateRecapBody, RecapSettings } from '../../../shared/contracts/recaps.contract.js';
import type { RecapParams } from '../../db/schema/insights.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { localIsoDate } from '../../lib/dates.js';
import { readStoredFile } from '../../lib/file-store.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findEvent, listEvents } from '../elections/elections.repository.js';
import { findCampaign, listCampaigns } from '../pledges/pledges.repository.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { daysBefore } from './recap-schedule.js';
import { presentRecap } from './recaps.presenter.js';
import { findRecap, findRecapSetting, findStoredFileRow, insertRecap, listRecaps, upsertRecapSetting } from './recaps.repository.js';
import { RECAP_JOB, type RecapJobPayload } from './recaps.jobs.js';

/** What the recap covers, with the defaults filled in (latest election; the Bupati recap: the last 7 days). */
async function resolveParams(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof CreateRecapBody>): Promise<RecapParams> {
  if (body.kind === 'compliance') {
    if (!(await findCampaign(deps.db, ctx.tenantId, body.campaignId!))) throw notFound({ campaignId: body.campaignId });
    return { campaignId: body.campaignId! };
  }
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  const today = localIsoDate(new Date(), tenant.timezone);
  let eventId = body.eventId ?? null;
  if (eventId && !(await findEvent(deps.db, ctx.tenantId, eventId))) throw notFound({ eventId });
  if (!eventId) eventId = (await listEvents(deps.db, ctx.tenantId))[0]?.id ?? null;
  const to = body.to ?? today;
  const from = body.from ?? (body.kind === 'bupati_weekly' ? daysBefore(to, 6) : null);
  return { eventId, from, to };
}

/** POST /recaps: a queued row and its job (tests run it inline, so it may come back done). */
export async function requestRecap(deps: AppDeps, ctx: RequestContext, body: z.infer<typeof CreateRecapBody>) {
  requireScope(ctx.actor, 'recap.generate');
  const params = await resolveParams(deps, ctx, body);
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertRecap(tx, { tenantId: ctx.tenantId, kind: body.kind, params, createdBy: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'recap.request', entityType: 'recap_job', entityId: created.id, after: { kind: body.kind, params } });
    return created;
  });
  await deps.jobs.enqueue(RECAP_JOB, { tenantId: ctx.tenantId, recapId: row.id, requestId: ctx.requestId, actor: ctx.actor } satisfies RecapJobPayload as unknown as Record<string, unknown>);
  return (await listRecapsFor(deps, ctx)).items.find((r) => r.id === row.id)!;
}

/** GET /recaps: the latest 50, with what each covers in words. */
export async function listRecapsFor(deps: AppDeps, ctx: RequestContext) {
  requireScope(ctx.actor, 'recap.read');
  const rows = await listRecaps(deps.db, ctx.tenantId);
  const events = new Map((await listEvents(deps.db, ctx.tenantId)).map((e) => [e.id, e.name]));
  const campaigns = new Map((await listCampaigns(deps.db, ctx.tenantId)).map((c) => [c.campaign.id, c.campaign.name]));
  return { items: rows.map(({ r, createdByName }) => presentRecap(r, createdByName, events, campaigns)) };
}

/** GET /recaps/:id/:format: a finished recap's file (audited). */
export async function openRecapFile(deps: AppDeps, ctx: RequestContext, id: string, format: 'pdf' | 'xlsx') {
  requireScope(ctx.actor, 'recap.read');
  const row = await findRecap(deps.db, ctx.tenantId, id);
  if (!row) throw notFound({ id });
  const fileId = format === 'pdf' ? row.pdfFileId : row.xlsxFileId;
  if (row.status !== 'done' || !fileId) throw new AppError('CONFLICT', { status: row.status }, 'Rekap belum selesai dibuat.');
  const file = (await findStoredFileRow(deps.db, ctx.tenantId, fileId))!;
  const bytes = await readStoredFile(file.storagePath);
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'recap.download', entityType: 'recap_job', entityId: id, after: { format, sha256: file.sha256 } }));
  return { bytes, fileName: file.fileName, mimeType: file.mimeType };
}

export async function getRecapSettings(deps: AppDeps, ctx: RequestContext): Promise<z.infer<typeof RecapSettings>> {
  requireScope(ctx.actor, 'recap.read');
  const row = await findRecapSetting(deps.db, ctx.tenantId);
  return { weeklyEnabled: row?.weeklyEnabled ?? true, recipients: row?.recipients ?? [] };
}

export async function saveRecapSettings(deps: AppDeps, ctx: RequestContext, input: z.infer<typeof RecapSettings>): Promise<z.infer<typeof RecapSettings>> {
  requireScope(ctx.actor, 'recap.settings');
  const recipients = [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))];
  await deps.db.transaction(async (tx) => {
    const before = await findRecapSetting(tx, ctx.tenantId);
    await upsertRecapSetting(tx, { tenantId: ctx.tenantId, weeklyEnabled: input.weeklyEnabled, recipients, updatedBy: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: 'recap.settings', entityType: 'tenant', entityId: ctx.tenantId, before: before ? { weeklyEnabled: before.weeklyEnabled, recipients: before.recipients } : null, after: { weeklyEnabled: input.weeklyEnabled, recipients } });
  });
  return getRecapSettings(deps, ctx);
}
