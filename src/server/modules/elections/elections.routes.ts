import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { ElectionEventBody, ElectionEventView } from '../../../shared/contracts/pledges.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { createElectionEvent, getElectionEvent, getElectionEvents, updateElectionEvent } from './elections.service.js';

export function electionRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/elections', { schema: { tags: ['elections'], summary: 'Pemilu/Pilkada dengan tahapan dan kontestasinya', response: { 200: z.object({ items: z.array(ElectionEventView) }) } } }, async (request) => ({
      items: await getElectionEvents(deps.db, contextOf(request)),
    }));
    r.get('/elections/:id', { schema: { tags: ['elections'], params: IdParams, response: { 200: ElectionEventView } } }, async (request) => getElectionEvent(deps.db, contextOf(request), request.params.id));
    r.post('/elections', { schema: { tags: ['elections'], summary: 'Tambah Pemilu/Pilkada', body: ElectionEventBody, response: { 201: ElectionEventView } } }, async (request, reply) =>
      reply.status(201).send(await createElectionEvent(deps.db, contextOf(request), request.body)),
    );
    r.put('/elections/:id', { schema: { tags: ['elections'], summary: 'Ubah kalender dan kontestasi', params: IdParams, body: ElectionEventBody, response: { 200: ElectionEventView } } }, async (request) =>
      updateElectionEvent(deps.db, contextOf(request), request.params.id, request.body),
    );
  };
}
