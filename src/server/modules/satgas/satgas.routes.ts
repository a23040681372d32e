import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { ActiveSatgasQuery, ActiveSatgasView, SatgasAccountList, SatgasDecreeBody, SatgasDecreeList, SatgasDecreeView } from '../../../shared/contracts/satgas.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { createDecree, getActiveSatgasView, getDecree, getDecrees, getLinkableAccounts, updateDecree } from './satgas.service.js';

export function satgasRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['satgas'];
    r.get('/satgas/decrees', { schema: { tags, summary: 'SK Satgas Netralitas dengan anggotanya', response: { 200: SatgasDecreeList } } }, async (request) => ({
      items: await getDecrees(deps.db, contextOf(request)),
    }));
    r.get('/satgas/decrees/:id', { schema: { tags, params: IdParams, response: { 200: SatgasDecreeView } } }, async (request) => getDecree(deps.db, contextOf(request), request.params.id));
    r.post('/satgas/decrees', { schema: { tags, summary: 'Catat SK Satgas', body: SatgasDecreeBody, response: { 201: SatgasDecreeView } } }, async (request, reply) =>
      reply.status(201).send(await createDecree(deps.db, contextOf(request), request.body)),
    );
    r.put('/satgas/decrees/:id', { schema: { tags, summary: 'Ubah SK Satgas dan anggotanya', params: IdParams, body: SatgasDecreeBody, response: { 200: SatgasDecreeView } } }, async (request) =>
      updateDecree(deps.db, contextOf(request), request.params.id, request.body),
    );
    r.get('/satgas/active', { schema: { tags, summary: 'SK Satgas tingkat Pemda yang berlaku pada suatu hari (bawaan: hari ini)', querystring: ActiveSatgasQuery, response: { 200: ActiveSatgasView } } }, async (request) =>
      getActiveSatgasView(deps.db, contextOf(request), request.query.on),
    );
    r.get('/satgas/accounts', { schema: { tags, summary: 'Akun yang dapat ditautkan ke anggota Satgas (satgas, admin, inspektorat)', response: { 200: SatgasAccountList } } }, async (request) => ({
      items: await getLinkableAccounts(deps.db, contextOf(request)),
    }));
  };
}
