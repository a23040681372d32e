import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { CataloguePublishBody, CatalogueVersionList, CatalogueVersionView, Proposal, ProposalQuery } from '../../../shared/contracts/catalogue.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { getCatalogueVersion, getCurrentCatalogue, getProposal, listCatalogueVersions, publishCatalogue } from './catalogue.service.js';

export function catalogueRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['catalogue'];
    r.get('/catalogue', { schema: { tags, summary: 'Katalog pelanggaran yang berlaku, dengan itemnya', response: { 200: CatalogueVersionView } } }, async (request) =>
      getCurrentCatalogue(deps.db, contextOf(request)),
    );
    r.get('/catalogue/versions', { schema: { tags, summary: 'Semua versi katalog pelanggaran', response: { 200: CatalogueVersionList } } }, async (request) => ({
      items: await listCatalogueVersions(deps.db, contextOf(request)),
    }));
    r.get('/catalogue/versions/:id', { schema: { tags, summary: 'Satu versi katalog dengan itemnya', params: IdParams, response: { 200: CatalogueVersionView } } }, async (request) =>
      getCatalogueVersion(deps.db, contextOf(request), request.params.id),
    );
    r.post('/catalogue/versions', { schema: { tags, summary: 'Terbitkan versi katalog baru (menjadi versi berlaku)', body: CataloguePublishBody, response: { 201: CatalogueVersionView } } }, async (request, reply) =>
      reply.status(201).send(await publishCatalogue(deps.db, contextOf(request), request.body)),
    );
    r.get('/catalogue/propose', { schema: { tags, summary: 'Usulan item katalog dari jenis perbuatan, tanggal dan kontestasi', querystring: ProposalQuery, response: { 200: Proposal } } }, async (request) =>
      getProposal(deps.db, contextOf(request), request.query),
    );
  };
}
