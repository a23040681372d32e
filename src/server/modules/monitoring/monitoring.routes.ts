/** HTTP for pengawasan media sosial: parse, take the context, call one service function, present. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Ok } from '../../../shared/contracts/common.js';
import {
  CaptureDetail,
  CaptureEditBody,
  CaptureFileParams,
  CaptureFileQuery,
  CaptureImportList,
  CaptureImportOptions,
  CaptureImportView,
  CaptureInput,
  CaptureList,
  CaptureQuery,
  DeclaredAccountInput,
  DeclaredAccountList,
  DeclaredAccountPatch,
  DeclaredAccountQuery,
  DeclaredAccountView,
  LabelsQuery,
  OpenCaseBody,
  OpenCaseResult,
  ReviewBody,
  SuggestionList,
  SuggestionQuery,
  WatchlistList,
  WatchlistSaveBody,
  WatchlistScopeQuery,
  WatchlistView,
} from '../../../shared/contracts/monitoring.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { contextOf } from '../../http/session.js';
import { loadSealedBox } from '../../lib/sealed-box.js';
import { readReportUpload } from '../reports/multipart.js';
import { CAPTURE_IMPORT_MAX_BYTES, getCaptureImport, listCaptureImportsFor, uploadCaptureImport } from './capture-imports.service.js';
import { addCaptureFiles, captureFromForm, editCapture, getCaptureDetail, listCaptureQueue, MAX_CAPTURE_FILES, openCaptureFile } from './captures.service.js';
import { createDeclared, deleteDeclared, listDeclared, suggestEmployees, updateDeclared } from './declared-accounts.service.js';
import { presentImport } from './monitoring.presenter.js';
import { exportLabels, openCaseFromCapture, reviewCapture } from './review.service.js';
import { exportWatchlist, getCurrentWatchlist, getWatchlistVersion, listWatchlistsFor, saveWatchlist } from './watchlists.service.js';

const tags = ['pengawasan media sosial'];
const detail = { params: IdParams, response: { 200: CaptureDetail } };

/** A JSON text field of a multipart form, validated with its contract; problems as field errors. */
function parseJsonField<T extends z.ZodType>(raw: string | undefined, schema: T, field: string): z.infer<T> {
  if (!raw) throw new AppError('VALIDATION_FAILED', { [field]: `Isian "${field}" tidak ada.` });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', { [field]: 'Isian bukan JSON yang sah.' }, 'Isian formulir rusak (bukan JSON yang sah). Muat ulang formulir lalu kirim lagi.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { issues: parsed.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })) });
  return parsed.data;
}

/** Reads the import form: `options` (JSON) and one `file`, cut off beyond the size limit. */
async function readImportUpload(request: FastifyRequest): Promise<{ options: z.infer<typeof CaptureImportOptions>; fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST', null, 'Kirim berkas sebagai multipart/form-data dengan field "file".');
  let options: z.infer<typeof CaptureImportOptions> = CaptureImportOptions.parse({});
  let file: { fileName: string; bytes: Buffer } | null = null;
  for await (const part of request.parts({ limits: { fileSize: CAPTURE_IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 10_000 } })) {
    if (part.type === 'field') {
      if (part.fieldname === 'options' && typeof part.value === 'string' && part.value) options = parseJsonField(part.value, CaptureImportOptions, 'options');
      continue;
    }
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { maxBytes: CAPTURE_IMPORT_MAX_BYTES }, `Berkas terlalu besar (maksimal ${CAPTURE_IMPORT_MAX_BYTES / 1024 / 1024} MB); bagi menjadi beberapa berkas.`);
    file = { fileName: part.filename || 'impor', bytes };
  }
  if (!file) throw new AppError('VALIDATION_FAILED', { file: 'Berkas belum dipilih.' });
  return { options, ...file };
}

/** Files never render from Netra's origin: always a download, no sniffing, sandboxed. */
function sendDownload(reply: FastifyReply, body: Buffer | string, fileName: string, type = 'application/octet-stream') {
  return reply.header('content-type', type).header('content-disposition', `attachment; filename="${fileName}"`).header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; sandbox").send(body);
}

export function monitoringRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const box = loadSealedBox(deps.config);
    const uploadLimits = { ...deps.config, REPORT_MAX_FILES: MAX_CAPTURE_FILES };
    // Posts name employees: nothing here may linger in shared or browser caches.
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    r.get('/monitoring/captures', { schema: { tags, summary: 'Antrean tinjauan, urut risiko tertinggi', querystring: CaptureQuery, response: { 200: CaptureList } } }, async (request) => listCaptureQueue(deps.db, contextOf(request), request.query));
    r.post('/monitoring/captures', { schema: { tags, summary: 'Tangkap unggahan (multipart: capture = JSON isian, file berulang untuk tangkapan layar/video)', consumes: ['multipart/form-data'], response: { 201: CaptureDetail } } }, async (request, reply) => {
      const ctx = contextOf(request);
      const upload = await readReportUpload(request, uploadLimits);
      return reply.status(201).send(await captureFromForm(deps, box, ctx, parseJsonField(upload.fields.capture, CaptureInput, 'capture'), upload.files));
    });
    r.get('/monitoring/captures/:id', { schema: { tags, summary: 'Satu tangkapan dengan revisi, berkas dan penilaian', ...detail } }, async (request) => getCaptureDetail(deps.db, contextOf(request), request.params.id));
    r.post('/monitoring/captures/:id/revisions', { schema: { tags, summary: 'Ubah tangkapan: revisi baru (aslinya tetap tersimpan)', body: CaptureEditBody, ...detail } }, async (request) => editCapture(deps, contextOf(request), request.params.id, request.body));
    r.post('/monitoring/captures/:id/files', { schema: { tags, summary: 'Tambah tangkapan layar/video (multipart: file berulang)', consumes: ['multipart/form-data'], ...detail } }, async (request) => {
      const ctx = contextOf(request);
      const upload = await readReportUpload(request, uploadLimits);
      return addCaptureFiles(deps, box, ctx, request.params.id, upload.files);
    });
    r.get('/monitoring/captures/:id/files/:fileId', { schema: { tags, summary: 'Unduh berkas (salinan bersih; variant=original untuk berkas asli); tercatat di audit', params: CaptureFileParams, querystring: CaptureFileQuery } }, async (request, reply) => {
      const file = await openCaptureFile(deps, box, contextOf(request), request.params.id, request.params.fileId, request.query.variant);
      return sendDownload(reply, file.bytes, file.fileName);
    });
    r.post('/monitoring/captures/:id/review', { schema: { tags, summary: 'Nilai: relevan, tidak relevan, atau duplikat (dengan alasan)', body: ReviewBody, ...detail } }, async (request) => reviewCapture(deps, contextOf(request), request.params.id, request.body));
    r.post('/monitoring/captures/:id/open-case', { schema: { tags, summary: 'Buka kasus (temuan media sosial) dengan tangkapan sebagai bukti', params: IdParams, body: OpenCaseBody, response: { 201: OpenCaseResult } } }, async (request, reply) =>
      reply.status(201).send(await openCaseFromCapture(deps, contextOf(request), request.params.id, request.body)),
    );
    r.get('/monitoring/labels.jsonl', { schema: { tags, summary: 'Ekspor keputusan peninjau sebagai data berlabel (JSONL: id, text, label, reason, model_version)', querystring: LabelsQuery } }, async (request, reply) =>
      sendDownload(reply, await exportLabels(deps.db, contextOf(request), request.query.electionEventId), 'label-tinjauan.jsonl', 'text/plain; charset=utf-8'),
    );

    r.get('/monitoring/watchlists', { schema: { tags, summary: 'Watchlist yang berlaku (history=true: semua versi)', querystring: z.object({ electionEventId: z.uuid().optional(), electionContestId: z.uuid().optional(), history: z.stringbool().optional() }), response: { 200: WatchlistList } } }, async (request) =>
      listWatchlistsFor(deps.db, contextOf(request), request.query),
    );
    r.get('/monitoring/watchlists/current', { schema: { tags, summary: 'Watchlist yang berlaku untuk satu pemilihan/kontestasi', querystring: WatchlistScopeQuery, response: { 200: WatchlistView } } }, async (request) =>
      getCurrentWatchlist(deps.db, contextOf(request), request.query.electionEventId, request.query.electionContestId),
    );
    r.get('/monitoring/watchlists/:id', { schema: { tags, summary: 'Satu versi watchlist', params: IdParams, response: { 200: WatchlistView } } }, async (request) => getWatchlistVersion(deps.db, contextOf(request), request.params.id));
    r.get('/monitoring/watchlists/:id/export', { schema: { tags, summary: 'Ekspor watchlist sebagai JSON (format netra.watchlist/v1)', params: IdParams } }, async (request, reply) => {
      const file = await exportWatchlist(deps.db, contextOf(request), request.params.id);
      return sendDownload(reply, file.json, file.fileName, 'application/json; charset=utf-8');
    });
    r.put('/monitoring/watchlists', { bodyLimit: 4 * 1024 * 1024, schema: { tags, summary: 'Simpan atau impor watchlist (versi baru yang berlaku)', body: WatchlistSaveBody, response: { 200: WatchlistView } } }, async (request) => saveWatchlist(deps.db, contextOf(request), request.body));

    r.post('/monitoring/imports', { schema: { tags, summary: 'Impor unggahan dari CSV/JSONL (multipart: options = JSON, file)', consumes: ['multipart/form-data'], response: { 202: CaptureImportView } } }, async (request, reply) => {
      const ctx = contextOf(request);
      const upload = await readImportUpload(request);
      return reply.status(202).send(presentImport(await uploadCaptureImport(deps, ctx, upload, upload.options)));
    });
    r.get('/monitoring/imports', { schema: { tags, summary: 'Riwayat impor', response: { 200: CaptureImportList } } }, async (request) => ({ items: (await listCaptureImportsFor(deps, contextOf(request))).map(presentImport) }));
    r.get('/monitoring/imports/:id', { schema: { tags, summary: 'Status, kemajuan dan kesalahan per baris', params: IdParams, response: { 200: CaptureImportView } } }, async (request) => presentImport(await getCaptureImport(deps, contextOf(request), request.params.id)));

    r.get('/monitoring/declared-accounts', { schema: { tags, summary: 'Daftar akun media sosial yang dinyatakan pegawai', querystring: DeclaredAccountQuery, response: { 200: DeclaredAccountList } } }, async (request) => listDeclared(deps.db, contextOf(request), request.query));
    r.post('/monitoring/declared-accounts', { schema: { tags, summary: 'Catat akun yang dinyatakan pegawai (dengan dasar hukum)', body: DeclaredAccountInput, response: { 201: DeclaredAccountView } } }, async (request, reply) =>
      reply.status(201).send(await createDeclared(deps.db, contextOf(request), request.body)),
    );
    r.patch('/monitoring/declared-accounts/:id', { schema: { tags, summary: 'Ubah akun yang dinyatakan', params: IdParams, body: DeclaredAccountPatch, response: { 200: DeclaredAccountView } } }, async (request) => updateDeclared(deps.db, contextOf(request), request.params.id, request.body));
    r.delete('/monitoring/declared-accounts/:id', { schema: { tags, summary: 'Hapus akun dari daftar', params: IdParams, response: { 200: Ok } } }, async (request) => {
      await deleteDeclared(deps.db, contextOf(request), request.params.id);
      return { ok: true as const };
    });
    r.get('/monitoring/employee-suggestions', { schema: { tags, summary: 'Usulan pegawai pemilik akun (dari daftar akun, lalu dari nama)', querystring: SuggestionQuery, response: { 200: SuggestionList } } }, async (request) => suggestEmployees(deps.db, contextOf(request), request.query));
  };
}
