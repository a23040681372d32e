/**
 * The recap job: render the PDF and XLSX of one recap row, store them, report progress, and tell the
 * recipients of a scheduled recap that it is ready. Idempotent: a finished recap is skipped; a run
 * interrupted by a crash is simply run again (its files are new rows, the old half-run left none).
 * Plus the weekly schedule: one Bupati recap per election in a campaign period per week.
 */
import { Readable } from 'node:stream';
import { RECAP_KIND_LABELS } from '../../../shared/contracts/recaps.contract.js';
import type { Tx } from '../../db/client.js';
import type { RecapParams } from '../../db/schema/insights.js';
import type { AppDeps } from '../../deps.js';
import { systemContext, type Actor, type RequestContext } from '../../lib/context.js';
import { formatDateId, formatDateTimeId, formatIsoDateId, localIsoDate } from '../../lib/dates.js';
import { writeStoredFile } from '../../lib/file-store.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCaseSettings } from '../case-settings/case-settings.service.js';
import { exportCases } from '../cases/case-export.service.js';
import { exportCompliance, renderRecap } from '../compliance/compliance.service.js';
import { findEvent, listEvents } from '../elections/elections.repository.js';
import { getCaseInsights } from '../insights/case-insights.service.js';
import { renderCaseInsightsXlsx, XLSX_TYPE } from '../insights/insights.export.js';
import { findTenantById, listActiveTenants } from '../tenants/tenants.repository.js';
import { isoWeekLabel, lastCompletedWeek, overlapsCampaign } from './recap-schedule.js';
import { claimNotification, findRecap, findRecapSetting, insertScheduledRecap, insertStoredFileRow, updateRecap, type RecapRow } from './recaps.repository.js';

export const RECAP_JOB = 'recap.generate';

export interface RecapJobPayload {
  tenantId: string;
  recapId: string;
  requestId: string;
  actor: Actor;
}

interface RenderedFile {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
}

async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const periodText = (p: RecapParams) => (p.from && p.to ? `${formatIsoDateId(p.from)} – ${formatIsoDateId(p.to)}` : p.to ? `sampai dengan ${formatIsoDateId(p.to)}` : 'seluruh periode');
const stamp = (p: RecapParams) => [p.from, p.to].filter(Boolean).join('_') || 'semua';

/** Renders one recap's files; `progress` is told after each expensive step. */
async function renderFiles(deps: AppDeps, ctx: RequestContext, row: RecapRow, progress: (n: number) => Promise<void>): Promise<{ pdf: RenderedFile; xlsx: RenderedFile }> {
  const p = row.params;
  if (row.kind === 'compliance') {
    const pdf = await renderRecap(deps, ctx, p.campaignId!);
    await progress(60);
    const xlsx = await exportCompliance(deps, ctx, p.campaignId!);
    return { pdf: { ...pdf, mimeType: 'application/pdf' }, xlsx: { bytes: await streamToBuffer(xlsx.stream as unknown as Readable), fileName: xlsx.fileName, mimeType: XLSX_TYPE } };
  }
  const now = new Date();
  const tenant = (await findTenantById(deps.db, ctx.tenantId))!;
  const event = p.eventId ? await findEvent(deps.db, ctx.tenantId, p.eventId) : undefined;
  const filters = { event: p.eventId ?? undefined, to: p.to ?? undefined };
  const view = await getCaseInsights(deps, ctx, filters, now, { exact: true });
  const periodView = await getCaseInsights(deps, ctx, { ...filters, from: p.from ?? undefined }, now, { exact: true });
  await progress(40);
  const settings = await getCaseSettings(deps.db, ctx.tenantId);
  const isWeekly = row.kind === 'bupati_weekly';
  const pdfBytes = await deps.pdf.render('caseRecap', {
    variant: row.kind,
    instansi: tenant.name,
    address: tenant.address,
    place: settings.letterPlace ?? tenant.name,
    dateText: formatDateId(now, tenant.timezone),
    generatedAtText: formatDateTimeId(now, tenant.timezone),
    eventName: event?.name ?? null,
    periodText: periodText(p),
    view,
    periodView,
    signerTitle: isWeekly ? 'Ketua Satgas Netralitas ASN' : 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  });
  await progress(70);
  const base = isWeekly ? 'rekap-mingguan-bupati' : 'laporan-berkala-bkn-bawaslu';
  const xlsx = isWeekly
    ? { bytes: await renderCaseInsightsXlsx(view, { instansi: tenant.name, eventName: event?.name ?? null, generatedAt: formatDateTimeId(now, tenant.timezone) }), fileName: `${base}-${stamp(p)}.xlsx`, mimeType: XLSX_TYPE }
    : // The fields BKN and Bawaslu ask for, one row per reported person (the cases export).
      { ...(await exportCases(deps, ctx, 'all', 'xlsx', { eventId: p.eventId, from: p.from, to: p.to })), fileName: `${base}-${stamp(p)}.xlsx` };
  return { pdf: { bytes: pdfBytes, fileName: `${base}-${stamp(p)}.pdf`, mimeType: 'application/pdf' }, xlsx };
}

/** Runs one recap to the end (or to `failed`). */
export async function runRecap(deps: AppDeps, payload: RecapJobPayload): Promise<void> {
  const { tenantId, recapId } = payload;
  const row = await findRecap(deps.db, tenantId, recapId);
  if (!row || row.status === 'done') return;
  const ctx: RequestContext = { tenantId, requestId: payload.requestId, actor: payload.actor };
  const progress = (n: number) => updateRecap(deps.db, tenantId, recapId, { progress: n });
  await updateRecap(deps.db, tenantId, recapId, { status: 'running', progress: 5, startedAt: new Date(), error: null });
  try {
    const files = await renderFiles(deps, ctx, row, progress);
    await progress(90);
    // Bytes on disk (fsynced) before the rows that point at them commit.
    const written = await Promise.all([files.pdf, files.xlsx].map(async (f) => ({ f, w: await writeStoredFile(deps.config.DATA_DIR, tenantId, 'recap', f.bytes) })));
    const afterCommit: (() => Promise<void>)[] = [];
    await deps.db.transaction(async (tx) => {
      for (const { f, w } of written) {
        await insertStoredFileRow(tx, { tenantId, id: w.id, purpose: 'recap', fileName: f.fileName, mimeType: f.mimeType, size: w.size, sha256: w.sha256, storagePath: w.storagePath, createdBy: payload.actor.userId });
      }
      await updateRecap(tx, tenantId, recapId, { status: 'done', progress: 100, pdfFileId: written[0]!.w.id, xlsxFileId: written[1]!.w.id, finishedAt: new Date() });
      await recordAudit(tx, ctx, { action: 'recap.generate', entityType: 'recap_job', entityId: recapId, after: { kind: row.kind, params: row.params, pdfSha256: written[0]!.w.sha256, xlsxSha256: written[1]!.w.sha256 } });
      if (row.scheduleKey && (await claimNotification(tx, tenantId, recapId))) afterCommit.push(...(await notifyRecipients(deps, tx, tenantId, row)));
    });
    for (const send of afterCommit) await send();
  } catch (error) {
    deps.log.error({ err: error, recapId, kind: row.kind }, 'rekap gagal dibuat');
    await updateRecap(deps.db, tenantId, recapId, { status: 'failed', finishedAt: new Date(), error: 'Rekap gagal dibuat. Coba buat ulang; bila tetap gagal, sebutkan waktu kejadian kepada admin.' });
  }
}

/** A link, never the figures: mail leaves the Pemda's control. */
async function notifyRecipients(deps: AppDeps, tx: Tx, tenantId: string, row: RecapRow) {
  const setting = await findRecapSetting(tx, tenantId);
  const sends: (() => Promise<void>)[] = [];
  for (const to of setting?.recipients ?? []) {
    sends.push(
      await deps.mailer.queue(tx, tenantId, {
        to,
        subject: `[Netra] ${RECAP_KIND_LABELS[row.kind]} ${periodText(row.params)} tersedia`,
        body: `${RECAP_KIND_LABELS[row.kind]} periode ${periodText(row.params)} telah dibuat dan dapat diunduh (PDF dan XLSX) di Netra:\n\n${deps.config.PUBLIC_URL.replace(/\/$/, '')}/rekap\n\nDemi kerahasiaan penanganan, angka rekap tidak dikirim melalui e-mail.`,
      }),
    );
  }
  return sends;
}

/**
 * Scheduled generation (every scheduler tick; cheap): for each instansi with the weekly recap on, one
 * Bupati recap per election whose campaign period overlaps the last full week — the unique schedule
 * key makes a second tick, a restart or a second server a no-op. Returns how many were queued.
 */
export async function scheduleWeeklyRecaps(deps: AppDeps, now = new Date()): Promise<number> {
  let queued = 0;
  for (const tenant of await listActiveTenants(deps.db)) {
    const setting = await findRecapSetting(deps.db, tenant.id);
    if (setting && !setting.weeklyEnabled) continue;
    const week = lastCompletedWeek(localIsoDate(now, tenant.timezone));
    for (const event of await listEvents(deps.db, tenant.id)) {
      if (!overlapsCampaign(event.stages, week.from, week.to)) continue;
      const ctx = systemContext(tenant.id, 'sistem (rekap terjadwal)');
      const row = await insertScheduledRecap(deps.db, { tenantId: tenant.id, kind: 'bupati_weekly', params: { eventId: event.id, from: week.from, to: week.to }, scheduleKey: `bupati_weekly:${event.id}:${isoWeekLabel(week.from)}` });
      if (!row) continue;
      await deps.jobs.enqueue(RECAP_JOB, { tenantId: tenant.id, recapId: row.id, requestId: ctx.requestId, actor: ctx.actor } satisfies RecapJobPayload as unknown as Record<string, unknown>);
      queued++;
    }
  }
  return queued;
}

export function registerRecapJobs(deps: AppDeps): void {
  deps.jobs.register(RECAP_JOB, (p) => runRecap(deps, p as unknown as RecapJobPayload));
}
