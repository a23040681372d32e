/** HTTP for the national/provincial roll-up and the oversight grants behind it. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { NationalQuery, NationalRefreshResult, NationalScope, NationalView, OversightGrantBody, OversightGrantList, OversightGrantView } from '../../../shared/contracts/national.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { XLSX_TYPE } from './insights.export.js';
import { refreshNationalByHand } from './national.jobs.js';
import { createOversightGrant, exportNational, getNational, getNationalScope, listOversightGrants, revokeOversightGrant } from './national.service.js';

export function nationalRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['dasbor nasional'];

    r.get('/insights/national', { schema: { tags, summary: 'Rekap nasional/provinsi per instansi (agregat; jumlah kasus <5 disamarkan)', querystring: NationalQuery, response: { 200: NationalView } } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getNational(deps, contextOf(request), request.query);
    });

    r.get('/insights/national.xlsx', { schema: { tags, summary: 'Rekap nasional/provinsi sebagai XLSX (filter yang sama)', querystring: NationalQuery } }, async (request, reply) => {
      const { bytes, fileName } = await exportNational(deps, contextOf(request), request.query);
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(bytes);
    });

    r.get('/insights/national/scope', { schema: { tags, summary: 'Cakupan rekap nasional pengguna (untuk menu)', response: { 200: NationalScope } } }, async (request) => getNationalScope(deps, contextOf(request)));

    r.post('/insights/national/refresh', { schema: { tags, summary: 'Hitung ulang angka harian semua instansi sekarang (pengelola platform)', response: { 202: NationalRefreshResult } } }, async (request, reply) =>
      reply.status(202).send(await refreshNationalByHand(deps, contextOf(request))),
    );

    r.get('/insights/oversight-grants', { schema: { tags, summary: 'Akses pengawasan antar-instansi (pengelola platform)', response: { 200: OversightGrantList } } }, async (request) => ({
      items: await listOversightGrants(deps, contextOf(request)),
    }));

    r.post('/insights/oversight-grants', { schema: { tags, summary: 'Beri instansi pengawas akses ke agregat instansi lain (atau semua)', body: OversightGrantBody, response: { 201: OversightGrantView } } }, async (request, reply) =>
      reply.status(201).send(await createOversightGrant(deps, contextOf(request), request.body)),
    );

    r.post('/insights/oversight-grants/:id/revoke', { schema: { tags, summary: 'Cabut akses pengawasan', params: IdParams, response: { 200: OversightGrantView } } }, async (request) =>
      revokeOversightGrant(deps, contextOf(request), request.params.id),
    );
  };
}
