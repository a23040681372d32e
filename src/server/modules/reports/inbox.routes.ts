/** HTTP for the Satgas inbox and the two-person reveal: parse, take the context, call one service function. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DuplicateBody, FileParams, FileQuery, HandoverBody, InboxList, InboxQuery, MessageBody, NoteBody, ReportDetail, ReportIdParams, RevealDecisionBody, RevealIdentity, RevealList, RevealRequestBody, RevealView, StaffEntryBody, StatusBody, SubmitResult, TriageBody } from '../../../shared/contracts/reports.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { addEvidenceAsStaff, addNote, downloadEvidence, getReportDetail, listReports, markDuplicate, requestHandover, sendMessage, setReportedEmployee, setStatus } from './inbox.service.js';
import { enterReport } from './intake.service.js';
import { readReportUpload } from './multipart.js';
import { decideReveal, listRevealRequests, readRevealedIdentity, requestReveal } from './reveal.service.js';
import type { ReportKit } from './reports.kit.js';

const tags = ['pengaduan (petugas)'];
const detail = { params: ReportIdParams, response: { 200: ReportDetail } };

export function inboxRoutes(deps: AppDeps, kit: ReportKit) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // Report content and identities must not linger in shared or browser caches.
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    r.get('/reports', { schema: { tags, summary: 'Kotak masuk laporan', querystring: InboxQuery, response: { 200: InboxList } } }, async (request) => listReports(deps.db, contextOf(request), request.query));
    r.post('/reports', { schema: { tags, summary: 'Catat laporan yang diterima lewat surat, WhatsApp, SP4N-LAPOR! atau datang langsung', body: StaffEntryBody, response: { 201: SubmitResult } } }, async (request, reply) =>
      reply.status(201).send(await enterReport(kit, deps, contextOf(request), request.body.channel, request.body.receivedOn, request.body.report)),
    );
    r.get('/reports/:id', { schema: { tags, summary: 'Laporan dengan bukti, pesan dan catatan internal', ...detail } }, async (request) => getReportDetail(deps.db, contextOf(request), request.params.id));
    r.get('/reports/:id/files/:fileId', { schema: { tags, summary: 'Unduh bukti (salinan bersih; variant=original untuk berkas asli, tercatat di audit)', params: FileParams, querystring: FileQuery } }, async (request, reply) => {
      const file = await downloadEvidence(kit, deps, contextOf(request), request.params.id, request.params.fileId, request.query.variant);
      // Always a download, never rendered from Netra's origin; nosniff stops any guessing.
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    });
    r.post('/reports/:id/files', { schema: { tags, summary: 'Tambah bukti dari petugas (multipart: file berulang)', consumes: ['multipart/form-data'], ...detail } }, async (request) => {
      const ctx = contextOf(request);
      const upload = await readReportUpload(request, deps.config);
      return addEvidenceAsStaff(kit, deps, ctx, request.params.id, upload.files);
    });
    r.post('/reports/:id/notes', { schema: { tags, summary: 'Catatan internal (tidak terlihat pelapor)', body: NoteBody, ...detail } }, async (request) => addNote(deps, contextOf(request), request.params.id, request.body.body));
    r.post('/reports/:id/messages', { schema: { tags, summary: 'Pesan kepada pelapor', body: MessageBody, ...detail } }, async (request) => sendMessage(kit, deps, contextOf(request), request.params.id, request.body.body));
    r.post('/reports/:id/status', { schema: { tags, summary: 'Ubah status', body: StatusBody, ...detail } }, async (request) => setStatus(kit, deps, contextOf(request), request.params.id, request.body.status, request.body.note ?? null));
    r.post('/reports/:id/duplicate', { schema: { tags, summary: 'Tandai sebagai duplikat laporan lain', body: DuplicateBody, ...detail } }, async (request) => markDuplicate(deps, contextOf(request), request.params.id, request.body.duplicateOfNumber));
    r.post('/reports/:id/triage', { schema: { tags, summary: 'Hubungkan terlapor dengan data pegawai', body: TriageBody, ...detail } }, async (request) => setReportedEmployee(deps, contextOf(request), request.params.id, request.body.reportedEmployeeId));
    r.post('/reports/:id/handover', { schema: { tags, summary: 'Serahkan ke penanganan (kasus)', body: HandoverBody, ...detail } }, async (request) => requestHandover(deps, contextOf(request), request.params.id, request.body.note ?? null));

    r.post('/reports/:id/reveal-requests', { schema: { tags, summary: 'Minta buka identitas pelapor rahasia (dengan alasan)', params: ReportIdParams, body: RevealRequestBody, response: { 201: RevealView } } }, async (request, reply) =>
      reply.status(201).send(await requestReveal(deps, contextOf(request), request.params.id, request.body.reason)),
    );
    r.get('/reveal-requests', { schema: { tags, summary: 'Permintaan buka identitas (kustodian: semua; Satgas: miliknya)', response: { 200: RevealList } } }, async (request) => listRevealRequests(deps.db, contextOf(request)));
    r.post('/reveal-requests/:id/decision', { schema: { tags, summary: 'Kustodian menyetujui atau menolak', params: ReportIdParams, body: RevealDecisionBody, response: { 200: RevealView } } }, async (request) =>
      decideReveal(deps, contextOf(request), request.params.id, request.body.approve, request.body.note ?? null),
    );
    r.get('/reveal-requests/:id/identity', { schema: { tags, summary: 'Baca identitas pelapor (pengaju, setelah disetujui; tercatat di audit)', params: ReportIdParams, response: { 200: RevealIdentity } } }, async (request) =>
      readRevealedIdentity(kit, deps, contextOf(request), request.params.id),
    );
  };
}
