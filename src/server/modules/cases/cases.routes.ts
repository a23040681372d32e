/** HTTP for case handling: parse, take the context, call one service function. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddSubjectBody,
  AssignBody,
  CaseActionBody,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseMutationResult,
  CorrectionBody,
  CreateCaseBody,
  FromReportBody,
  NoteBody,
  PpkBoard,
  RegenerateDocumentBody,
} from '../../../shared/contracts/cases.contract.js';
import { IdParams } from '../../../shared/contracts/common.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { createReportKit } from '../reports/reports.kit.js';
import { readReportUpload } from '../reports/multipart.js';
import { caseBundle, exportCases } from './case-export.service.js';
import { getCaseDetail } from './case-detail.service.js';
import { openCaseDocument, reissueDocument } from './case-documents.service.js';
import { openCaseEvidence, uploadCaseEvidence } from './case-evidence.service.js';
import { actOnCase, addCaseNote, addCaseSubject, assignCase, correctEvent, listCasesFor } from './cases.service.js';
import { caseFromReport, createCase } from './intake.service.js';
import { getPpkBoard } from './ppk-board.service.js';

const tags = ['penanganan'];
const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** Files never render from Netra's origin: always a download, no sniffing, sandboxed. */
function sendDownload(reply: FastifyReply, file: { bytes: Buffer; fileName: string }, mimeType = 'application/octet-stream') {
  return reply
    .header('content-type', mimeType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);
}

export function casesModule(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const kit = createReportKit(deps);
    const r = app.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    const mutation = { response: { 200: CaseMutationResult } };

    r.get('/cases', { schema: { tags, summary: 'Kotak kerja Satgas', querystring: CaseListQuery, response: { 200: CaseList } } }, async (request) => listCasesFor(deps, contextOf(request), request.query));
    r.post('/cases', { schema: { tags, summary: 'Daftarkan kasus (temuan, rekomendasi Bawaslu, penerusan BKN, temuan atasan, laporan)', body: CreateCaseBody, response: { 201: CaseMutationResult } } }, async (request, reply) =>
      reply.status(201).send(await createCase(kit, deps, contextOf(request), request.body)),
    );
    r.post('/reports/:id/case', { schema: { tags, summary: 'Jadikan laporan sebagai kasus baru, atau gabungkan ke kasus yang ada', params: IdParams, body: FromReportBody, ...mutation } }, async (request) => {
      const result = await caseFromReport(kit, deps, contextOf(request), request.params.id, request.body);
      return { id: result.id, number: result.number, version: result.version, state: result.state };
    });
    r.get('/cases/ppk-board', { schema: { tags, summary: 'Papan tindak lanjut PPK', response: { 200: PpkBoard } } }, async (request) => getPpkBoard(deps, contextOf(request)));
    r.get('/cases/export', { schema: { tags, summary: 'Ekspor kasus (kolom BKN/Bawaslu)', querystring: z.object({ state: z.enum(['open', 'closed', 'all']).default('all'), format: z.enum(['xlsx', 'csv']).default('xlsx') }) } }, async (request, reply) => {
      const file = await exportCases(deps, contextOf(request), request.query.state, request.query.format);
      return sendDownload(reply, file, file.mimeType);
    });
    r.get('/cases/:id', { schema: { tags, summary: 'Halaman kasus (pembukaan tercatat di audit)', params: IdParams, response: { 200: CaseDetail } } }, async (request) => getCaseDetail(deps, contextOf(request), request.params.id));
    r.post('/cases/:id/actions', { schema: { tags, summary: 'Langkah alur kerja', params: IdParams, body: CaseActionBody, ...mutation } }, async (request) => {
      const { result: _r, ...out } = await actOnCase(kit, deps, contextOf(request), request.params.id, request.body);
      return out;
    });
    r.post('/cases/:id/assign', { schema: { tags, summary: 'Tugaskan anggota Satgas', params: IdParams, body: AssignBody, ...mutation } }, async (request) => {
      const { result: _r, ...out } = await assignCase(deps, contextOf(request), request.params.id, request.body.expectedVersion, request.body.userId);
      return out;
    });
    r.post('/cases/:id/notes', { schema: { tags, summary: 'Catatan internal', params: IdParams, body: NoteBody, ...mutation } }, async (request) => {
      const { result: _r, ...out } = await addCaseNote(deps, contextOf(request), request.params.id, request.body.expectedVersion, request.body.body);
      return out;
    });
    r.post('/cases/:id/subjects', { schema: { tags, summary: 'Tambah terlapor', params: IdParams, body: AddSubjectBody, ...mutation } }, async (request) => {
      const { result: _r, ...out } = await addCaseSubject(deps, contextOf(request), request.params.id, request.body.expectedVersion, request.body.subject);
      return out;
    });
    r.post('/cases/:id/corrections', { schema: { tags, summary: 'Koreksi atau tarik catatan (peristiwa baru)', params: IdParams, body: CorrectionBody, ...mutation } }, async (request) => {
      const { result: _r, ...out } = await correctEvent(deps, contextOf(request), request.params.id, request.body);
      return out;
    });
    r.post('/cases/:id/evidence', { schema: { tags, summary: 'Tambah bukti (multipart: file berulang, description)', consumes: ['multipart/form-data'], params: IdParams } }, async (request, reply) => {
      const upload = await readReportUpload(request, deps.config);
      const description = (upload.fields.description ?? '').trim().slice(0, 500) || 'Bukti dari Satgas';
      await uploadCaseEvidence(kit, deps, contextOf(request), request.params.id, upload.files, description);
      return reply.status(201).send({ ok: true });
    });
    r.get('/cases/:id/evidence/:fileId', { schema: { tags, summary: 'Unduh bukti (tercatat: siapa, kapan, hash)', params: FileParams } }, async (request, reply) =>
      sendDownload(reply, await openCaseEvidence(kit, deps, contextOf(request), request.params.id, request.params.fileId)),
    );
    r.post('/cases/:id/documents', { schema: { tags, summary: 'Terbitkan ulang dokumen dari data kasus terkini', params: IdParams, body: RegenerateDocumentBody } }, async (request, reply) => {
      const doc = await reissueDocument(deps, contextOf(request), request.params.id, request.body.kind, request.body.subjectId ?? null);
      return reply.status(201).send({ id: doc.id, number: doc.number, sha256: doc.sha256 });
    });
    r.get('/cases/:id/documents/:fileId', { schema: { tags, summary: 'Unduh dokumen (tercatat di audit)', params: FileParams } }, async (request, reply) =>
      sendDownload(reply, await openCaseDocument(deps, contextOf(request), request.params.id, request.params.fileId), 'application/pdf'),
    );
    r.get('/cases/:id/bundle', { schema: { tags, summary: 'Berkas kasus lengkap (PDF) untuk BKN/Bawaslu', params: IdParams } }, async (request, reply) =>
      sendDownload(reply, await caseBundle(deps, contextOf(request), request.params.id), 'application/pdf'),
    );
  };
}
