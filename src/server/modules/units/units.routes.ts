import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { UnitCreateBody, UnitTree, UnitUpdateBody, UnitView } from '../../../shared/contracts/units.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { presentUnit } from './units.presenter.js';
import { listUnits } from './units.repository.js';
import { createUnit, getUnitTree, updateUnit } from './units.service.js';

export function unitRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const reload = async (tenantId: string, id: string) => presentUnit((await listUnits(deps.db, tenantId)).find((u) => u.id === id)!);

    r.get('/units', { schema: { tags: ['units'], summary: 'Pohon unit (datar, disusun menurut parentId)', response: { 200: UnitTree } } }, async (request) => ({
      items: (await getUnitTree(deps.db, contextOf(request))).map(presentUnit),
    }));

    r.post('/units', { schema: { tags: ['units'], summary: 'Tambah unit', body: UnitCreateBody, response: { 201: UnitView } } }, async (request, reply) => {
      const ctx = contextOf(request);
      const created = await createUnit(deps.db, ctx, request.body);
      return reply.status(201).send(await reload(ctx.tenantId, created.id));
    });

    r.patch('/units/:id', { schema: { tags: ['units'], summary: 'Ubah unit (nama, jenis, kepala, induk)', params: IdParams, body: UnitUpdateBody, response: { 200: UnitView } } }, async (request) => {
      const ctx = contextOf(request);
      const updated = await updateUnit(deps.db, ctx, request.params.id, request.body);
      return reload(ctx.tenantId, updated.id);
    });
  };
}
