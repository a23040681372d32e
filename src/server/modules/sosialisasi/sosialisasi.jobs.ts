/**
 * E-mail notices of a new announcement to every targeted employee with an address. Batches of 500 in
 * employee-id order; each batch queues its mails and saves the cursor in one transaction, so a retry
 * or a second run resumes after the last employee mailed and nobody gets the notice twice. The mail
 * says what was published and where to read it; the employee signs in with their NIP to acknowledge.
 */
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { advanceNotices, findAnnouncement, finishNotices, nextNoticeRecipients, unfinishedNotices } from './sosialisasi.repository.js';

export const NOTICE_JOB = 'sosialisasi.notify';
const NoticePayload = z.object({ tenantId: z.uuid(), announcementId: z.uuid() });
const BATCH = 500;

export async function sendAnnouncementNotices(deps: AppDeps, tenantId: string, announcementId: string, now = new Date()): Promise<{ sent: number; withoutEmail: number }> {
  const total = { sent: 0, withoutEmail: 0 };
  const tenant = await findTenantById(deps.db, tenantId);
  let a = await findAnnouncement(deps.db, tenantId, announcementId);
  if (!tenant || !a || !a.notifyByEmail || a.noticesDoneAt) return total;
  const link = `${deps.config.PUBLIC_URL}/pengumuman/${a.id}`;
  for (;;) {
    const batch = await nextNoticeRecipients(deps.db, tenantId, a, a.noticeCursor, BATCH);
    if (batch.length === 0) break;
    const afterCommit = await deps.db.transaction(async (tx) => {
      const deliveries: (() => Promise<void>)[] = [];
      for (const e of batch) {
        if (!e.email) continue;
        deliveries.push(
          await deps.mailer.queue(tx, tenantId, {
            to: e.email,
            subject: `Pengumuman: ${a!.title}`,
            body: [
              `Yth. ${e.name},`,
              '',
              `${tenant.name} menerbitkan pengumuman${a!.reference ? ` (${a!.reference})` : ''}:`,
              a!.title,
              '',
              `Baca dan nyatakan telah memahaminya di ${link}`,
              'Masuk dengan NIP Anda; kode sekali pakai dikirim ke alamat e-mail ini.',
              '',
              'Pesan ini dikirim otomatis oleh Netra. Jangan membalas e-mail ini.',
            ].join('\n'),
          }),
        );
      }
      const withoutEmail = batch.length - deliveries.length;
      await advanceNotices(tx, tenantId, a!.id, batch.at(-1)!.id, deliveries.length, withoutEmail);
      total.withoutEmail += withoutEmail;
      return deliveries;
    });
    for (const deliver of afterCommit) await deliver();
    total.sent += afterCommit.length;
    a = (await findAnnouncement(deps.db, tenantId, announcementId))!;
  }
  await deps.db.transaction((tx) => finishNotices(tx, tenantId, announcementId, now));
  return total;
}

/** Re-queues notices left unfinished for over 10 minutes (a crash after publishing, before the job ran). */
export async function resumeAnnouncementNotices(deps: AppDeps, now = new Date()): Promise<number> {
  const stale = await unfinishedNotices(deps.db, new Date(now.getTime() - 10 * 60_000));
  for (const s of stale) await deps.jobs.enqueue(NOTICE_JOB, { tenantId: s.tenantId, announcementId: s.id });
  return stale.length;
}

export function registerSosialisasiJobs(deps: AppDeps): void {
  deps.jobs.register(NOTICE_JOB, async (p) => {
    const { tenantId, announcementId } = NoticePayload.parse(p);
    await sendAnnouncementNotices(deps, tenantId, announcementId);
  });
}
