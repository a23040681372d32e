/**
 * The review workflow of an apel report: draft → submitted → accepted | returned, and a returned
 * report resubmitted. Submission numbers and renders the berita acara in the same transaction.
 */
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { formatIsoDateId, localIsoDate } from '../../lib/dates.js';
import { readStoredFile, writeStoredFile, type WrittenFile } from '../../lib/file-store.js';
import { requireScope } from '../../lib/policy.js';
import type { AttendanceStatus } from '../../../shared/contracts/apel.contract.js';
import { recordAudit } from '../audit/audit.service.js';
import { findStoredFile, insertStoredFile } from '../pledges/pledges.repository.js';
import { listAttendance, listPhotos, lockApelReport, nextBeritaAcaraSeq, updateApelReportRow } from './apel.repository.js';
import { countsFrom } from './apel.presenter.js';
import { assertEditable, checkHeldOn, getReport, loadCampaignWindow, loadReportForActor, STATUS_LABEL } from './apel.service.js';

/** The NIP column shows only ASN numbers: a non-ASN's NIK is personal data the berita acara does not need. */
const printedNumber = (idType: string, idNumber: string) => (idType === 'nip' || idType === 'ni_pppk' ? idNumber : null);

/**
 * Submits a draft or returned report to BKPSDM. The first submission assigns the berita acara
 * number (per tenant and year); a resubmission keeps it and renders a corrected berita acara.
 */
export async function submitReport(deps: AppDeps, ctx: RequestContext, id: string) {
  const report = await loadReportForActor(deps.db, ctx, id);
  const window = await loadCampaignWindow(deps.db, ctx.tenantId, report.campaignId);
  const tz = window.tenant.timezone;
  const rendered: WrittenFile[] = [];
  try {
    await deps.db.transaction(async (tx) => {
      const row = (await lockApelReport(tx, ctx.tenantId, id))!;
      assertEditable(row.status, 'dikirim');
      checkHeldOn(row.heldOn, window);
      const today = localIsoDate(new Date(), tz);
      if (row.heldOn > today) throw new AppError('APEL_INCOMPLETE', { heldOn: row.heldOn }, `Apel bertanggal ${formatIsoDateId(row.heldOn)} belum terlaksana; laporan dikirim setelah apel diadakan.`);
      const attendance = await listAttendance(tx, ctx.tenantId, id);
      const photos = await listPhotos(tx, ctx.tenantId, [id]);
      const lacking = [...(attendance.length ? [] : ['daftar hadir']), ...(photos.length ? [] : ['minimal satu foto apel'])];
      if (lacking.length) throw new AppError('APEL_INCOMPLETE', { lacking }, `Laporan belum dapat dikirim. Lengkapi dahulu: ${lacking.join(' dan ')}.`);

      const year = Number(today.slice(0, 4));
      const number = row.number ?? `800/${String(await nextBeritaAcaraSeq(tx, ctx.tenantId, year)).padStart(3, '0')}/BA-NETRA/${year}`;
      const bytes = await deps.pdf.render('beritaAcara', {
        instansi: window.tenant.name,
        address: window.tenant.address,
        unitName: report.unitName,
        eventName: window.eventName,
        number,
        heldOn: row.heldOn,
        place: row.place,
        leaderName: row.leaderName,
        readerName: row.readerName,
        witnesses: row.witnesses,
        notes: row.notes,
        signingPlace: window.campaign.signingPlace,
        dateText: formatIsoDateId(row.heldOn),
        attendance: attendance.map((a) => ({ name: a.name, idNumber: printedNumber(a.idType, a.idNumber), jabatanName: a.jabatanName, status: a.status as AttendanceStatus })),
      });
      const written = await writeStoredFile(deps.config.DATA_DIR, ctx.tenantId, 'berita_acara', bytes);
      rendered.push(written);
      const fileName = `berita-acara-${number.replace(/\//g, '-')}.pdf`;
      await insertStoredFile(tx, { tenantId: ctx.tenantId, id: written.id, purpose: 'berita_acara', fileName, mimeType: 'application/pdf', size: written.size, sha256: written.sha256, storagePath: written.storagePath, createdBy: ctx.actor.userId });
      await updateApelReportRow(tx, ctx.tenantId, id, { status: 'submitted', number, beritaAcaraFileId: written.id, submittedAt: new Date(), submittedBy: ctx.actor.userId });
      const counts = countsFrom(attendance.map((a) => ({ status: a.status, n: 1 })));
      await recordAudit(tx, ctx, {
        action: row.status === 'returned' ? 'apel.resubmit' : 'apel.submit',
        entityType: 'apel_report',
        entityId: id,
        before: { status: row.status },
        after: { status: 'submitted', number, beritaAcaraSha256: written.sha256, counts, photos: photos.length },
      });
    });
  } catch (error) {
    // The PDF was written before its row; a refused or failed submission leaves no orphan behind.
    for (const file of rendered) await rm(file.storagePath, { force: true });
    throw error;
  }
  return getReport(deps.db, ctx, id);
}

/** BKPSDM accepts a submitted report, or returns it with a note saying what to fix. */
export async function reviewReport(deps: AppDeps, ctx: RequestContext, id: string, decision: 'accept' | 'return', note: string | null) {
  requireScope(ctx.actor, 'apel.review');
  await loadReportForActor(deps.db, ctx, id);
  await deps.db.transaction(async (tx) => {
    const row = (await lockApelReport(tx, ctx.tenantId, id))!;
    if (row.status !== 'submitted') {
      const verb = decision === 'accept' ? 'diterima' : 'dikembalikan';
      throw new AppError('APEL_STATE', { status: row.status }, `Hanya laporan yang sudah diajukan yang dapat ${verb}; laporan ini berstatus ${STATUS_LABEL[row.status] ?? row.status}.`);
    }
    const status = decision === 'accept' ? 'accepted' : 'returned';
    await updateApelReportRow(tx, ctx.tenantId, id, { status, reviewNote: note, reviewedAt: new Date(), reviewedBy: ctx.actor.userId });
    await recordAudit(tx, ctx, { action: `apel.${decision}`, entityType: 'apel_report', entityId: id, before: { status: row.status }, after: { status, note } });
  });
  return getReport(deps.db, ctx, id);
}

/** The berita acara PDF of a submitted (or later) report. */
export async function downloadBeritaAcara(deps: AppDeps, ctx: RequestContext, id: string): Promise<{ bytes: Buffer; fileName: string }> {
  const report = await loadReportForActor(deps.db, ctx, id);
  if (!report.beritaAcaraFileId) throw new AppError('NOT_FOUND', { reportId: id }, 'Berita acara dibuat saat laporan dikirim ke BKPSDM.');
  const file = await findStoredFile(deps.db, ctx.tenantId, report.beritaAcaraFileId);
  if (!file) throw notFound({ fileId: report.beritaAcaraFileId });
  return { bytes: await readStoredFile(file.storagePath), fileName: file.fileName };
}
