import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { ImportCommitBody, ImportIssuesQuery, ImportIssueView, ImportValidateBody, ImportView } from '../../../shared/contracts/imports.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { contextOf } from '../../http/session.js';
import { requireScope } from '../../lib/policy.js';
import { presentImport } from './imports.presenter.js';
import { listImports, listIssues } from './imports.repository.js';
import { getImport, startCommit, startValidation, uploadImport } from './imports.service.js';

export function importRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/imports', { schema: { tags: ['imports'], summary: 'Unggah berkas data induk pegawai (CSV/XLSX, field "file")', consumes: ['multipart/form-data'], response: { 201: ImportView } } }, async (request, reply) => {
      const ctx = contextOf(request);
      requireScope(ctx.actor, 'employee.import');
      if (!request.isMultipart()) throw new AppError('BAD_REQUEST', null, 'Kirim berkas sebagai multipart/form-data dengan field "file".');
      const part = await request.file({ limits: { fileSize: deps.config.IMPORT_MAX_BYTES, files: 1 } });
      if (!part) throw new AppError('VALIDATION_FAILED', { file: 'Berkas belum dipilih.' });
      const created = await uploadImport(deps, ctx, { filename: part.filename, stream: part.file, truncated: () => part.file.truncated });
      return reply.status(201).send(presentImport(created));
    });

    r.get('/imports', { schema: { tags: ['imports'], summary: 'Riwayat impor', response: { 200: z.object({ items: z.array(ImportView) }) } } }, async (request) => {
      const ctx = contextOf(request);
      requireScope(ctx.actor, 'employee.import');
      return { items: (await listImports(deps.db, ctx.tenantId, 50)).map(presentImport) };
    });

    r.get('/imports/:id', { schema: { tags: ['imports'], summary: 'Status dan kemajuan impor', params: IdParams, response: { 200: ImportView } } }, async (request) =>
      presentImport(await getImport(deps, contextOf(request), request.params.id)),
    );

    r.post('/imports/:id/validate', { schema: { tags: ['imports'], summary: 'Tetapkan pemetaan kolom dan periksa semua baris', params: IdParams, body: ImportValidateBody, response: { 202: ImportView } } }, async (request, reply) => {
      const ctx = contextOf(request);
      await startValidation(deps, ctx, request.params.id, request.body);
      return reply.status(202).send(presentImport(await getImport(deps, ctx, request.params.id)));
    });

    r.get('/imports/:id/issues', { schema: { tags: ['imports'], summary: 'Kesalahan dan peringatan per baris', params: IdParams, querystring: ImportIssuesQuery, response: { 200: z.object({ items: z.array(ImportIssueView), total: z.number().int() }) } } }, async (request) => {
      const ctx = contextOf(request);
      await getImport(deps, ctx, request.params.id);
      const { page, pageSize, severity } = request.query;
      const { rows, total } = await listIssues(deps.db, ctx.tenantId, request.params.id, severity, pageSize, (page - 1) * pageSize);
      return { items: rows.map((i) => ({ rowNumber: i.rowNumber, severity: i.severity as 'error' | 'warning', column: i.column, value: i.value, reason: i.reason })), total };
    });

    r.post('/imports/:id/commit', { schema: { tags: ['imports'], summary: 'Simpan baris valid ke data induk (satu transaksi)', params: IdParams, body: ImportCommitBody, response: { 202: ImportView } } }, async (request, reply) => {
      const ctx = contextOf(request);
      await startCommit(deps, ctx, request.params.id, request.body);
      return reply.status(202).send(presentImport(await getImport(deps, ctx, request.params.id)));
    });
  };
}
