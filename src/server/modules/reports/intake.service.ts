/**
 * Receiving a report: from the public form, from an employee inside Netra, or entered by staff from a
 * letter, WhatsApp, SP4N-LAPOR! or a visit. One atomic statement writes the report, its evidence rows
 * and the audit event; the evidence files are on disk (fsynced) before it commits, and removed if it
 * does not. The receipt key leaves the server once, in the response, and is stored only as a hash.
 * Images get their clean viewing copy from a job after the commit (reports.jobs.ts).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { WARNING_MESSAGES, type ReportInputT, type SubmitResult, type WarningCode } from '../../../shared/contracts/reports.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { localIsoDate } from '../../lib/dates.js';
import { requireScope } from '../../lib/policy.js';
import { auditRowOf } from '../audit/audit.service.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { resolveTenantForSignIn } from '../tenants/tenants.service.js';
import { assertFileCount, discardEvidence, evidenceRows, prepareEvidence } from './evidence.js';
import { newReceiptKey, newReportNumber, normaliseCode } from './receipt.js';
import { reporterAuditRow } from './reporter-audit.js';
import type { ReportKit } from './reports.kit.js';
import { enqueueCleanCopies } from './reports.jobs.js';
import { insertReportWithEvidence } from './reports.repository.js';

type Channel = 'web_publik' | 'web_internal' | 'surat' | 'whatsapp' | 'sp4n_lapor' | 'datang_langsung';

/** Bawaslu accepts a report within 7 days of the day the breach became known (Perbawaslu 8/2022 Pasal 9). */
const BAWASLU_DAYS = 7;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Warnings, never refusals: the Satgas can still act on a late or thin report. */
export function warningsFor(input: ReportInputT, today: string): WarningCode[] {
  const codes: WarningCode[] = [];
  if (input.discoveredOn && input.discoveredOn < addDays(today, -BAWASLU_DAYS)) codes.push('late_for_bawaslu');
  if (!input.reported.name) codes.push('missing_who');
  if (!input.actKind) codes.push('missing_what');
  if (!input.actDate) codes.push('missing_when');
  if (input.actDate && input.discoveredOn && input.discoveredOn < input.actDate) codes.push('dates_out_of_order');
  return codes;
}

export const presentWarnings = (codes: string[]) => codes.filter((c): c is WarningCode => c in WARNING_MESSAGES).map((code) => ({ code, message: WARNING_MESSAGES[code] }));

interface Origin {
  tenantId: string;
  timeZone: string;
  channel: Channel;
  receivedOn: string;
  /** Staff who typed in a report from another channel; never set for a web report. */
  createdBy: string | null;
  /** Audit as staff (precise, with the actor) or as a reporter (day only, label only). */
  audit: { kind: 'staff'; ctx: RequestContext } | { kind: 'reporter'; actorUserId: string | null };
}

async function receive(kit: ReportKit, deps: AppDeps, origin: Origin, input: ReportInputT, uploads: Buffer[]): Promise<z.infer<typeof SubmitResult>> {
  if (!input.reported.name && !input.actKind) throw new AppError('REPORT_INCOMPLETE'); // the contract says so too
  assertFileCount(0, uploads.length, deps.config.REPORT_MAX_FILES);
  const today = localIsoDate(new Date(), origin.timeZone);
  const warnings = warningsFor(input, today);
  const receiptKey = newReceiptKey();
  // The slow hash runs on a libuv thread while the files are checked, sealed and written; it is
  // awaited before anything is written to the database, so an acknowledged receipt always has it.
  const hashing = kit.receiptHasher.hash(normaliseCode(receiptKey));
  hashing.catch(() => undefined); // a refused file throws first; the hash's own failure is seen below
  const id = randomUUID();
  const { tenantId } = origin;
  const reporterSealed = input.identityMode === 'rahasia' && input.reporter ? kit.box.seal(JSON.stringify(input.reporter), `reporter:${tenantId}:${id}`) : null;
  const contactSealed = input.contactEmail ? kit.box.seal(input.contactEmail, `contact:${tenantId}:${id}`) : null;
  const files = await prepareEvidence(deps, kit.box, tenantId, origin.timeZone, origin.receivedOn, uploads, 'by_job');
  let number = '';
  try {
    const receiptHash = await hashing;
    const evidence = evidenceRows(tenantId, id, origin.receivedOn, files, origin.audit.kind === 'reporter', origin.createdBy);
    // What was received, never what it says: the audit log is read by people who may not read reports.
    const fileFacts = files.map((f) => ({ sha256: f.sha256, mime: f.mime, size: f.size }));
    // The report, its evidence rows and the audit entry in one atomic statement (reports.repository.ts).
    for (let attempt = 0; ; attempt++) {
      if (attempt === 8) throw new Error('no free report number after 8 draws');
      number = newReportNumber();
      const after = { number, channel: origin.channel, identityMode: input.identityMode, files: fileFacts, warnings };
      const audit =
        origin.audit.kind === 'staff'
          ? auditRowOf(origin.audit.ctx, { action: 'report.enter', entityType: 'report', entityId: id, after })
          : reporterAuditRow({ tenantId, day: origin.receivedOn, action: 'report.submit', entityId: id, after, actorUserId: origin.audit.actorUserId });
      const created = await insertReportWithEvidence(
        deps.db,
        {
          tenantId, id, number, identityMode: input.identityMode, channel: origin.channel, status: 'baru',
          reporterOpen: input.identityMode === 'terbuka' && input.reporter ? { name: input.reporter.name, nik: input.reporter.nik ?? null, address: input.reporter.address ?? null, occupation: input.reporter.occupation ?? null, phone: input.reporter.phone ?? null, email: input.reporter.email ?? null } : null,
          reporterSealed, contactSealed,
          reported: { name: input.reported.name ?? null, agency: input.reported.agency ?? null, position: input.reported.position ?? null, idNumber: input.reported.idNumber ?? null },
          actKind: input.actKind ?? null, actKindOther: input.actKindOther ?? null,
          electionEventId: input.electionEventId ?? null, electionContestId: input.electionContestId ?? null,
          actDate: input.actDate ?? null, discoveredOn: input.discoveredOn ?? null, place: input.place ?? null,
          description: input.description, links: input.links, warnings, receivedOn: origin.receivedOn, receiptHash, createdBy: origin.createdBy,
        },
        evidence,
        audit,
      );
      if (created === 'created') break;
      if (created === 'tenant_inactive') {
        forgetTenants(deps);
        throw new AppError('VALIDATION_FAILED', { tenant: 'Instansi tidak dikenal.' });
      }
    }
  } catch (error) {
    await discardEvidence(files);
    throw error;
  }
  // After the commit: the clean viewing copies are made by a job (the sealed originals are durable).
  await enqueueCleanCopies(deps, tenantId, files.map((f) => f.mime));
  return { number, receiptKey, receivedOn: origin.receivedOn, warnings: presentWarnings(warnings) };
}

/**
 * The public form's tenant (by slug, or the only one), reused for a few seconds instead of one more
 * query per report. Only its id and time zone are used; whether it is still active is checked by the
 * insert itself (insertReportWithEvidence), so a deactivated tenant takes no report even from the cache.
 */
const TENANT_REUSE_MS = 5_000;
const resolvedTenants = new WeakMap<AppDeps['db'], Map<string, { tenant: { id: string; timezone: string }; until: number }>>();

async function publicTenant(deps: AppDeps, slug: string | undefined): Promise<{ id: string; timezone: string }> {
  let cache = resolvedTenants.get(deps.db);
  if (!cache) resolvedTenants.set(deps.db, (cache = new Map()));
  const key = slug ?? '';
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.tenant;
  const found = await resolveTenantForSignIn(deps.db, slug);
  const tenant = { id: found.id, timezone: found.timezone };
  if (cache.size > 1_000) cache.clear(); // slugs come from the public: bounded
  cache.set(key, { tenant, until: now + TENANT_REUSE_MS });
  return tenant;
}

function forgetTenants(deps: AppDeps): void {
  resolvedTenants.delete(deps.db);
}

/** The public form: proof of work first, then the report. Nothing about the sender is kept. */
export async function submitPublicReport(kit: ReportKit, deps: AppDeps, tenantSlug: string | undefined, altcha: string | undefined, input: ReportInputT, uploads: Buffer[]) {
  const tenant = await publicTenant(deps, tenantSlug);
  await kit.pow.redeem(altcha);
  const receivedOn = localIsoDate(new Date(), tenant.timezone);
  return receive(kit, deps, { tenantId: tenant.id, timeZone: tenant.timezone, channel: 'web_publik', receivedOn, createdBy: null, audit: { kind: 'reporter', actorUserId: null } }, input, uploads);
}

/**
 * An employee reporting from inside Netra. For anonim and rahasia their account is written nowhere
 * (not created_by, not the audit actor): the report is as unlinkable as a public one.
 */
export async function submitInternalReport(kit: ReportKit, deps: AppDeps, ctx: RequestContext, input: ReportInputT, uploads: Buffer[]) {
  requireScope(ctx.actor, 'report.submit_internal');
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  const receivedOn = localIsoDate(new Date(), tenant.timezone);
  const actorUserId = input.identityMode === 'terbuka' ? ctx.actor.userId : null;
  return receive(kit, deps, { tenantId: tenant.id, timeZone: tenant.timezone, channel: 'web_internal', receivedOn, createdBy: null, audit: { kind: 'reporter', actorUserId } }, input, uploads);
}

/** Staff entering a report received elsewhere, with the channel and the day it arrived. */
export async function enterReport(kit: ReportKit, deps: AppDeps, ctx: RequestContext, channel: Channel, receivedOn: string, input: ReportInputT) {
  requireScope(ctx.actor, 'report.enter');
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  if (receivedOn > localIsoDate(new Date(), tenant.timezone)) throw new AppError('VALIDATION_FAILED', { receivedOn: 'Tanggal diterima tidak boleh di masa depan.' });
  return receive(kit, deps, { tenantId: tenant.id, timeZone: tenant.timezone, channel, receivedOn, createdBy: ctx.actor.userId, audit: { kind: 'staff', ctx } }, input, []);
}
