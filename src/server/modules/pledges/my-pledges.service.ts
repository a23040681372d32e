import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCampaign, insertCorrection, isEmployeeTargeted, listOpenCampaignsWithSignature } from './pledges.repository.js';

/** Campaigns the signed-in employee is asked to sign, with their signature where they signed. */
export async function listMyCampaigns(deps: AppDeps, ctx: RequestContext) {
  requireScope(ctx.actor, 'pledge.sign');
  const employeeId = ctx.actor.employeeId;
  if (!employeeId) return [];
  const rows = await listOpenCampaignsWithSignature(deps.db, ctx.tenantId, employeeId);
  const mine = [];
  for (const { campaign, signature } of rows) {
    if (signature || (await isEmployeeTargeted(deps.db, ctx.tenantId, campaign, employeeId))) {
      mine.push({ campaignId: campaign.id, name: campaign.name, signDeadline: campaign.signDeadline, status: campaign.status, signature });
    }
  }
  return mine;
}

/** An employee flags wrong master data to BKPSDM (seen in the identity block while signing). */
export async function reportDataCorrection(deps: AppDeps, ctx: RequestContext, campaignId: string, message: string) {
  requireScope(ctx.actor, 'pledge.sign');
  if (!ctx.actor.employeeId) throw new AppError('NOT_AN_EMPLOYEE');
  const campaign = await findCampaign(deps.db, ctx.tenantId, campaignId);
  if (!campaign || !(await isEmployeeTargeted(deps.db, ctx.tenantId, campaign.campaign, ctx.actor.employeeId))) throw new AppError('NOT_TARGETED');
  return deps.db.transaction(async (tx) => {
    const row = await insertCorrection(tx, { tenantId: ctx.tenantId, employeeId: ctx.actor.employeeId!, campaignId, message });
    await recordAudit(tx, ctx, { action: 'employee.correction.report', entityType: 'employee', entityId: ctx.actor.employeeId, after: { message, campaignId } });
    return { id: row.id };
  });
}
