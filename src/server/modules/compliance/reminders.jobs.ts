/**
 * Reminder e-mails: unit heads whose apel report is overdue, employees who have not signed. Each
 * person gets at most one reminder per kind per tenant-local day: the reminder_log row is claimed
 * (ON CONFLICT DO NOTHING) in the same transaction that queues the mail, so a retried job, a second
 * server or a hand-triggered run the same day sends nothing twice.
 */
import { z } from 'zod';
import type { ReminderRunResult } from '../../../shared/contracts/compliance.contract.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../http/app-error.js';
import { systemContext, type RequestContext } from '../../lib/context.js';
import { formatIsoDateId, localIsoDate } from '../../lib/dates.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import type { OutgoingMail } from '../mail/mail.service.js';
import { findCampaign } from '../pledges/pledges.repository.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { claimReminderSlots, listOpenCampaigns, listUnreportedApelUnits, listUnsignedRecipients } from './compliance.repository.js';

export const REMIND_JOB = 'compliance.remind';
const RemindPayload = z.object({ tenantId: z.uuid(), campaignId: z.uuid() });
type Result = z.infer<typeof ReminderRunResult>;

/** Rows per transaction: keeps PGlite's single connection free for requests between batches. */
const BATCH = 500;

interface Reminder {
  recipient: string;
  mail: OutgoingMail;
}

/** Queues the reminders whose slot for today is still free; returns how many were sent and skipped. */
async function sendOncePerDay(deps: AppDeps, tenantId: string, campaignId: string, kind: 'sign' | 'apel_report', sentOn: string, reminders: Reminder[]) {
  let sent = 0;
  for (let i = 0; i < reminders.length; i += BATCH) {
    const chunk = reminders.slice(i, i + BATCH);
    const afterCommit = await deps.db.transaction(async (tx) => {
      const claimed = await claimReminderSlots(tx, tenantId, campaignId, kind, chunk.map((r) => r.recipient), sentOn);
      const deliveries: (() => Promise<void>)[] = [];
      for (const r of chunk) if (claimed.has(r.recipient)) deliveries.push(await deps.mailer.queue(tx, tenantId, r.mail));
      return deliveries;
    });
    for (const deliver of afterCommit) await deliver();
    sent += afterCommit.length;
  }
  return { sent, skipped: reminders.length - sent };
}

/**
 * One reminder run for a campaign at `now` (injectable so tests control the day). Apel reminders go
 * out from the day after the report deadline; signing reminders only while the campaign is open and
 * its signing deadline has not passed (after that, signing is refused, so a reminder would mislead).
 */
export async function runReminders(deps: AppDeps, tenantId: string, campaignId: string, now: Date, ctx: RequestContext = systemContext(tenantId, 'sistem (pengingat)')): Promise<Result> {
  const row = await findCampaign(deps.db, tenantId, campaignId);
  if (!row) throw notFound({ campaignId });
  const { campaign } = row;
  const tenant = (await findTenantById(deps.db, tenantId))!;
  const sentOn = localIsoDate(now, tenant.timezone);
  const result: Result = { sentOn, apelSent: 0, signSent: 0, alreadyReminded: 0, withoutEmail: 0 };
  const link = deps.config.PUBLIC_URL;

  const apelDeadline = campaign.apelReportDeadline;
  if (campaign.status !== 'draft' && apelDeadline && sentOn > apelDeadline) {
    const units = await listUnreportedApelUnits(deps.db, tenantId, campaign);
    // One e-mail per head listing all their late units: a head of two units is still one person.
    const byHead = new Map<string, { name: string; email: string; units: string[] }>();
    for (const u of units) {
      if (!u.headId || !u.headEmail) {
        result.withoutEmail++;
        continue;
      }
      const entry = byHead.get(u.headId) ?? { name: u.headName!, email: u.headEmail, units: [] };
      entry.units.push(`- ${u.unitName} (${u.apelStatus === 'returned' ? 'dikembalikan, perlu diperbaiki' : u.apelStatus === 'draft' ? 'masih draf' : 'belum dilaporkan'})`);
      byHead.set(u.headId, entry);
    }
    const reminders = [...byHead].map(([headId, h]) => ({
      recipient: headId,
      mail: {
        to: h.email,
        subject: `Pengingat: laporan apel ikrar netralitas belum disampaikan — ${campaign.name}`,
        body: `Yth. ${h.name},\n\nBatas penyampaian laporan pelaksanaan apel ikrar netralitas ASN (${campaign.name}) adalah ${formatIsoDateId(apelDeadline)}. Laporan unit berikut belum kami terima:\n${h.units.join('\n')}\n\nMohon segera menyusun dan menyampaikan laporan beserta berita acara melalui ${link}.\n\nTerima kasih.\nBKPSDM — ${tenant.name}`,
      },
    }));
    const { sent, skipped } = await sendOncePerDay(deps, tenantId, campaignId, 'apel_report', sentOn, reminders);
    result.apelSent = sent;
    result.alreadyReminded += skipped;
  }

  if (campaign.status === 'open' && sentOn <= campaign.signDeadline) {
    const { withEmail, withoutEmail } = await listUnsignedRecipients(deps.db, tenantId, campaign);
    result.withoutEmail += withoutEmail;
    const reminders = withEmail.map((e) => ({
      recipient: e.id,
      mail: {
        to: e.email!,
        subject: `Pengingat: tanda tangani ikrar netralitas dan pakta integritas — ${campaign.name}`,
        body: `Yth. ${e.name},\n\nAnda belum menandatangani ikrar netralitas ASN dan pakta integritas (${campaign.name}). Batas waktu penandatanganan adalah ${formatIsoDateId(campaign.signDeadline)}.\n\nMasuk ke ${link} dengan NIP/NI PPPK/NIK Anda (${e.idNumber}); kode masuk dikirim ke alamat e-mail ini.\n\nTerima kasih.\nBKPSDM — ${tenant.name}`,
      },
    }));
    const { sent, skipped } = await sendOncePerDay(deps, tenantId, campaignId, 'sign', sentOn, reminders);
    result.signSent = sent;
    result.alreadyReminded += skipped;
  }

  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'compliance.remind', entityType: 'pledge_campaign', entityId: campaignId, after: result }));
  return result;
}

/** POST /campaigns/:id/reminders/run: an admin sends today's reminders now (still at most one a day each). */
export async function runRemindersByHand(deps: AppDeps, ctx: RequestContext, campaignId: string): Promise<Result> {
  requireScope(ctx.actor, 'compliance.remind');
  return runReminders(deps, ctx.tenantId, campaignId, new Date(), ctx);
}

/** Enqueues a reminder run for every open campaign (called by the scheduler every N hours). */
export async function enqueueReminderRuns(deps: AppDeps): Promise<number> {
  const campaigns = await listOpenCampaigns(deps.db);
  for (const c of campaigns) await deps.jobs.enqueue(REMIND_JOB, c);
  return campaigns.length;
}

/** The handler is idempotent per day (reminder_log), so pg-boss retries are safe. */
export function registerComplianceJobs(deps: AppDeps): void {
  deps.jobs.register(REMIND_JOB, async (payload) => {
    const p = RemindPayload.parse(payload);
    await runReminders(deps, p.tenantId, p.campaignId, new Date());
  });
}
