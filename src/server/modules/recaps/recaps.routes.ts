/** HTTP for official recaps: request, list with progress, download, weekly settings. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateRecapBody, RecapList, RecapSettings, RecapView } from '../../../shared/contracts/recaps.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { getRecapSettings, listRecapsFor, openRecapFile, requestRecap, saveRecapSettings } from './recaps.service.js';

const tags = ['rekap'];
const FileParams = z.object({ id: z.uuid(), format: z.enum(['pdf', 'xlsx']) });

export function recapRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    r.get('/recaps', { schema: { tags, summary: 'Rekap resmi: status dan kemajuan', response: { 200: RecapList } } }, async (request) => listRecapsFor(deps, contextOf(request)));
    r.post('/recaps', { schema: { tags, summary: 'Buat rekap (diproses sebagai pekerjaan latar)', body: CreateRecapBody, response: { 201: RecapView } } }, async (request, reply) =>
      reply.status(201).send(await requestRecap(deps, contextOf(request), request.body)),
    );
    r.get('/recaps/settings', { schema: { tags, summary: 'Pengaturan rekap mingguan', response: { 200: RecapSettings } } }, async (request) => getRecapSettings(deps, contextOf(request)));
    r.put('/recaps/settings', { schema: { tags, summary: 'Ubah pengaturan rekap mingguan', body: RecapSettings, response: { 200: RecapSettings } } }, async (request) => saveRecapSettings(deps, contextOf(request), request.body));
    r.get('/recaps/:id/:format', { schema: { tags, summary: 'Unduh rekap (PDF atau XLSX; tercatat di audit)', params: FileParams } }, async (request, reply) => {
      const file = await openRecapFile(deps, contextOf(request), request.params.id, request.params.format);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    });
  };
}
