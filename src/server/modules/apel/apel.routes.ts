/** HTTP for apel reports: parse, take the context, call one service function. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { APEL_PHOTO_MAX_BYTES, ApelCreateBody, ApelList, ApelUpdateBody, ApelView, AttendanceBody, PhotoParams, ReturnBody, RosterQuery, RosterView } from '../../../shared/contracts/apel.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { contextOf } from '../../http/session.js';
import { downloadBeritaAcara, reviewReport, submitReport } from './apel-workflow.service.js';
import { createReport, getReport, getRoster, listReports, setAttendance, updateReport } from './apel.service.js';
import { addPhoto, readPhoto, removePhoto } from './photos.js';

const tags = ['apel'];
const INLINE_TYPES = new Set(['image/jpeg', 'image/png']);

/** Reads the single uploaded photo; an oversized one is refused with the limit named. */
async function readPhotoUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST', null, 'Kirim foto sebagai multipart/form-data.');
  const part = await request.file({ limits: { fileSize: APEL_PHOTO_MAX_BYTES, files: 1 }, throwFileSizeLimit: false });
  if (!part) throw new AppError('VALIDATION_FAILED', { file: 'Foto wajib diunggah.' });
  const bytes = await part.toBuffer();
  if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { maxBytes: APEL_PHOTO_MAX_BYTES }, `Foto apel terlalu besar (maksimal ${APEL_PHOTO_MAX_BYTES / 1024 / 1024} MB).`);
  return bytes;
}

export function apelRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/campaigns/:id/apel', { schema: { tags, summary: 'Laporan apel yang dapat saya lihat', params: IdParams, response: { 200: ApelList } } }, async (request) => ({
      items: await listReports(deps.db, contextOf(request), request.params.id),
    }));
    r.get('/campaigns/:id/apel/roster', { schema: { tags, summary: 'Daftar pegawai unit untuk daftar hadir', params: IdParams, querystring: RosterQuery, response: { 200: RosterView } } }, async (request) =>
      getRoster(deps.db, contextOf(request), request.params.id, request.query.unitId),
    );
    r.post('/campaigns/:id/apel', { schema: { tags, summary: 'Buat draf laporan apel untuk satu unit', params: IdParams, body: ApelCreateBody, response: { 201: ApelView } } }, async (request, reply) =>
      reply.status(201).send(await createReport(deps, contextOf(request), request.params.id, request.body)),
    );

    r.get('/apel/:id', { schema: { tags, params: IdParams, response: { 200: ApelView } } }, async (request) => getReport(deps.db, contextOf(request), request.params.id));
    r.patch('/apel/:id', { schema: { tags, summary: 'Ubah draf atau laporan yang dikembalikan', params: IdParams, body: ApelUpdateBody, response: { 200: ApelView } } }, async (request) =>
      updateReport(deps, contextOf(request), request.params.id, request.body),
    );
    r.put('/apel/:id/attendance', { schema: { tags, summary: 'Isi daftar hadir (seluruh pegawai unit)', params: IdParams, body: AttendanceBody, response: { 200: ApelView } } }, async (request) =>
      setAttendance(deps, contextOf(request), request.params.id, request.body.entries),
    );

    r.post('/apel/:id/photos', { schema: { tags, summary: 'Unggah foto apel (multipart: file; JPEG/PNG, maks. 8 MB)', params: IdParams, consumes: ['multipart/form-data'], response: { 201: ApelView } } }, async (request, reply) => {
      const ctx = contextOf(request);
      const bytes = await readPhotoUpload(request);
      return reply.status(201).send(await addPhoto(deps, ctx, request.params.id, bytes));
    });
    r.delete('/apel/:id/photos/:fileId', { schema: { tags, summary: 'Hapus foto apel', params: PhotoParams, response: { 200: ApelView } } }, async (request) =>
      removePhoto(deps, contextOf(request), request.params.id, request.params.fileId),
    );
    r.get('/apel/:id/photos/:fileId', { schema: { tags, summary: 'Foto apel (tanpa metadata)', params: PhotoParams } }, async (request, reply) => {
      const photo = await readPhoto(deps, contextOf(request), request.params.id, request.params.fileId);
      // Only known image types are shown inline; nosniff stops a browser from guessing anything else.
      const disposition = INLINE_TYPES.has(photo.mimeType) ? 'inline' : 'attachment';
      return reply
        .header('content-type', INLINE_TYPES.has(photo.mimeType) ? photo.mimeType : 'application/octet-stream')
        .header('content-disposition', `${disposition}; filename="${photo.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(photo.bytes);
    });

    r.post('/apel/:id/submit', { schema: { tags, summary: 'Kirim laporan ke BKPSDM (menerbitkan berita acara)', params: IdParams, response: { 200: ApelView } } }, async (request) => submitReport(deps, contextOf(request), request.params.id));
    r.post('/apel/:id/accept', { schema: { tags, summary: 'BKPSDM menerima laporan', params: IdParams, response: { 200: ApelView } } }, async (request) => reviewReport(deps, contextOf(request), request.params.id, 'accept', null));
    r.post('/apel/:id/return', { schema: { tags, summary: 'BKPSDM mengembalikan laporan dengan catatan', params: IdParams, body: ReturnBody, response: { 200: ApelView } } }, async (request) =>
      reviewReport(deps, contextOf(request), request.params.id, 'return', request.body.note),
    );

    r.get('/apel/:id/berita-acara.pdf', { schema: { tags, summary: 'Unduh berita acara pelaksanaan apel', params: IdParams } }, async (request, reply) => {
      const { bytes, fileName } = await downloadBeritaAcara(deps, contextOf(request), request.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('x-content-type-options', 'nosniff').send(bytes);
    });
  };
}
