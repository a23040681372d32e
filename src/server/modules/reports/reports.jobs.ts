/**
 * The clean (re-encoded, metadata-free) viewing copy of image evidence, made after the commit instead
 * of inside the reporter's request. At submission the sealed original is durable with its SHA-256 and
 * the row says "no clean copy yet"; this job finds such rows of a tenant, opens the original (checked
 * against its SHA-256), re-encodes it with sharp, writes the copy (fsynced) and records it in one
 * transaction with a day-precision audit entry. Idempotent and resumable: the state is the rows
 * themselves (`report_file.view_file_id` is null for an image until its copy exists), so a retried,
 * duplicated or interrupted job redoes only what is missing; a copy written by a job that lost the
 * race, or by one killed before its commit, is deleted again (or by the start-up sweep of files).
 *
 * Privacy: the payload is `{ tenantId }` only: no report, no file, no address, no agent. A job row's
 * own creation time (pg-boss `created_on`) is therefore "some evidence arrived in this Pemda", never
 * which report; its log lines name no file either (docs/SECURITY.md).
 */
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { localIsoDate } from '../../lib/dates.js';
import { loadSealedBox, type SealedBox } from '../../lib/sealed-box.js';
import { cleanPhoto } from '../apel/photos.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { insertStoredFile } from '../pledges/pledges.repository.js';
import { cleanCopyRow, cleanMimeOf, EVIDENCE_TYPES, needsCleanCopy, readOriginal, writeCleanCopy } from './evidence.js';
import { recordReporterAudit } from './reporter-audit.js';
import { listPendingCleanCopies, listTenantsWithPendingCleanCopies, lockReportFile, setCleanCopy, setCleanCopyFailed } from './reports.repository.js';

export const REPORT_CLEAN_JOB = 'report.clean_copies';
export const CleanCopiesPayload = z.object({ tenantId: z.uuid() }).strict();

const IMAGE_MIMES = EVIDENCE_TYPES.filter(needsCleanCopy);
const BATCH = 20;
/** The audit label of the job (a system actor, dated to the day the evidence arrived). */
const JOB_LABEL = 'sistem (salinan bersih)';

type Pending = Awaited<ReturnType<typeof listPendingCleanCopies>>[number];

/**
 * Makes one file's clean copy: 'made'; 'skipped' when another worker made it first or the evidence is
 * gone; 'unreadable' when sharp cannot decode the image at all (recorded, never tried again). Any other
 * failure (the original unreadable from disk, the database) throws, and the queue retries.
 */
async function makeCleanCopy(deps: AppDeps, box: SealedBox, tenantId: string, f: Pending): Promise<'made' | 'skipped' | 'unreadable'> {
  const original = await readOriginal(box, tenantId, f.originalPath, f.sha256);
  const mime = cleanMimeOf(f.mimeType);
  // The request only read the header: a damaged image is decoded as far as it goes rather than never.
  let clean: Awaited<ReturnType<typeof cleanPhoto>> | null;
  try {
    clean = await cleanPhoto(original, mime, 'UTC').catch(() => cleanPhoto(original, mime, 'UTC', true));
  } catch {
    clean = null; // sharp cannot decode it even leniently: the same bytes will never decode (cleanPhoto throws nothing else)
  }
  if (!clean) return (await recordUnreadable(deps, tenantId, f)) ? 'unreadable' : 'skipped';
  const written = { ...(await writeCleanCopy(deps.config.DATA_DIR, tenantId, clean.bytes, f.addedOn)), mime };
  let recorded = false;
  try {
    recorded = await deps.db.transaction(async (tx) => {
      const row = await lockReportFile(tx, tenantId, f.fileId);
      if (!row || row.viewFileId || row.cleanFailedOn) return false; // erased by retention meanwhile, or settled by another worker
      await insertStoredFile(tx, cleanCopyRow(tenantId, f.fileId, written, f.addedOn, null));
      await setCleanCopy(tx, tenantId, f.fileId, written.id);
      await recordReporterAudit(tx, { tenantId, day: f.addedOn, action: 'report.evidence.clean', entityId: f.reportId, actorLabel: JOB_LABEL, after: { sha256: f.sha256, cleanSha256: written.sha256, cleanSize: written.size } });
      return true;
    });
  } finally {
    if (!recorded) await rm(written.storagePath, { force: true });
  }
  return recorded ? 'made' : 'skipped';
}

/**
 * Marks an image whose clean copy can never be made (`report_file.clean_failed_on`, the Pemda-local
 * day), with a day-precision audit entry: staff then see "cannot be made, download the original" and
 * the sweep stops queueing it. False when the row is gone or settled meanwhile.
 */
async function recordUnreadable(deps: AppDeps, tenantId: string, f: Pending): Promise<boolean> {
  const tenant = await findTenantById(deps.db, tenantId);
  const day = localIsoDate(new Date(), tenant?.timezone ?? 'UTC');
  return deps.db.transaction(async (tx) => {
    const row = await lockReportFile(tx, tenantId, f.fileId);
    if (!row || row.viewFileId || row.cleanFailedOn) return false;
    await setCleanCopyFailed(tx, tenantId, f.fileId, day);
    await recordReporterAudit(tx, { tenantId, day: f.addedOn, action: 'report.evidence.clean_failed', entityId: f.reportId, actorLabel: JOB_LABEL, after: { sha256: f.sha256, reason: 'undecodable' } });
    return true;
  });
}

/**
 * Makes every missing clean copy of a tenant, in batches. An image that cannot be decoded is marked
 * failed for good (see recordUnreadable) and does not fail the run. A file that fails otherwise (its
 * original missing or unreadable, the database) is skipped for the rest of this run and the run then
 * fails, so the queue retries it with backoff and the periodic sweep later; the others are not held up.
 */
export async function makeCleanCopies(deps: AppDeps, box: SealedBox, tenantId: string): Promise<{ made: number; unreadable: number; failed: number }> {
  let made = 0;
  let unreadable = 0;
  let failed = 0;
  let after: string | null = null;
  for (;;) {
    const batch = await listPendingCleanCopies(deps.db, tenantId, IMAGE_MIMES, BATCH, after);
    for (const f of batch) {
      try {
        const outcome = await makeCleanCopy(deps, box, tenantId, f);
        if (outcome === 'made') made++;
        if (outcome === 'unreadable') {
          unreadable++;
          deps.log.warn({ tenantId }, 'salinan bersih bukti tidak dapat dibuat: gambar tidak dapat dibaca (berkas asli tetap tersedia)');
        }
      } catch (error) {
        failed++;
        deps.log.error({ err: error, tenantId }, 'salinan bersih bukti gagal dibuat');
      }
    }
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.fileId;
  }
  if (failed > 0) throw new Error(`${failed} clean copies of tenant ${tenantId} failed`);
  return { made, unreadable, failed };
}

/**
 * Sends of the job, coalesced per queue and tenant: at most one send in flight and one waiting. A
 * commit needs a send that *starts* after it (one that started before might already be running its
 * listing); so a caller joins the waiting send, which starts when the one in flight has finished, or
 * starts one itself when none is in flight. Under a burst of reports this sends a handful of jobs
 * instead of one per report, and every committed image is still followed by a job that lists it.
 */
class CoalescedSend {
  private running: Promise<void> | null = null;
  private waiting: Promise<void> | null = null;
  constructor(private readonly send: () => Promise<void>) {}
  request(): Promise<void> {
    if (!this.running) return this.start();
    this.waiting ??= this.running.then(() => {
      this.waiting = null;
      return this.start();
    });
    return this.waiting;
  }
  private start(): Promise<void> {
    const sent: Promise<void> = this.send().finally(() => {
      if (this.running === sent) this.running = null;
    });
    this.running = sent;
    return sent;
  }
}
const sends = new WeakMap<AppDeps['jobs'], Map<string, CoalescedSend>>();

/** Queues the clean copies of a tenant. Called after a commit: a failed enqueue only delays them until the sweep. */
export async function enqueueCleanCopies(deps: AppDeps, tenantId: string, mimes: string[]): Promise<void> {
  if (!mimes.some(needsCleanCopy)) return;
  let perTenant = sends.get(deps.jobs);
  if (!perTenant) sends.set(deps.jobs, (perTenant = new Map()));
  let send = perTenant.get(tenantId);
  if (!send) {
    send = new CoalescedSend(async () => {
      try {
        await deps.jobs.enqueue(REPORT_CLEAN_JOB, CleanCopiesPayload.parse({ tenantId }));
      } catch (error) {
        deps.log.error({ err: error, tenantId }, 'antrean salinan bersih gagal; disapu ulang nanti');
      }
    });
    perTenant.set(tenantId, send);
  }
  await send.request();
}

/**
 * The sweep (at start-up and on the scheduler's tick): one job per tenant that still has images
 * without a clean copy, e.g. after a crash between a commit and its job. Returns the tenants queued.
 */
export async function resumeCleanCopies(deps: AppDeps): Promise<number> {
  const tenants = await listTenantsWithPendingCleanCopies(deps.db, IMAGE_MIMES);
  for (const tenantId of tenants) await deps.jobs.enqueue(REPORT_CLEAN_JOB, CleanCopiesPayload.parse({ tenantId }));
  return tenants.length;
}

export function registerReportJobs(deps: AppDeps): void {
  let box: SealedBox | null = null; // the key is loaded on first use, as the reports module does
  deps.jobs.register(REPORT_CLEAN_JOB, async (payload) => {
    box ??= loadSealedBox(deps.config);
    await makeCleanCopies(deps, box, CleanCopiesPayload.parse(payload).tenantId);
  });
}
