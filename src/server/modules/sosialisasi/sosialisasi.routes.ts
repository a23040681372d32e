/** HTTP for sosialisasi: announcements (staff), one's own announcements (employees), the public rules. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { AcknowledgeBody, AnnouncementList, AnnouncementSummary, AnnouncementUnits, CreateAnnouncementBody, MyAnnouncement, MyAnnouncements, RulesQuery, RulesView } from '../../../shared/contracts/sosialisasi.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { getRules } from './rules.service.js';
import { acknowledgeAnnouncement, announcementUnits, listAnnouncementsFor, myAnnouncements, publishAnnouncement, readAnnouncement } from './sosialisasi.service.js';

const tags = ['sosialisasi'];

export function sosialisasiRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/public/rules', { schema: { tags: ['public'], summary: 'Aturan netralitas ASN dari katalog pelanggaran (publik)', querystring: RulesQuery, response: { 200: RulesView } } }, async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return getRules(deps, request.query.tenant);
    });
    r.get('/sosialisasi/announcements', { schema: { tags, summary: 'Pengumuman dengan angka baca dan pernyataan', response: { 200: AnnouncementList } } }, async (request) => listAnnouncementsFor(deps, contextOf(request)));
    r.post('/sosialisasi/announcements', { schema: { tags, summary: 'Terbitkan pengumuman (mis. SE Bupati) ke unit', body: CreateAnnouncementBody, response: { 201: AnnouncementSummary } } }, async (request, reply) =>
      reply.status(201).send(await publishAnnouncement(deps, contextOf(request), request.body)),
    );
    r.get('/sosialisasi/announcements/:id/units', { schema: { tags, summary: 'Angka baca dan pernyataan per unit, di samping kepatuhan ikrar', params: IdParams, response: { 200: AnnouncementUnits } } }, async (request) =>
      announcementUnits(deps, contextOf(request), request.params.id),
    );
    r.get('/sosialisasi/mine', { schema: { tags, summary: 'Pengumuman untuk pegawai yang masuk', response: { 200: MyAnnouncements } } }, async (request) => myAnnouncements(deps, contextOf(request)));
    r.post('/sosialisasi/announcements/:id/read', { schema: { tags, summary: 'Catat bahwa pengumuman dibuka', params: IdParams, response: { 200: MyAnnouncement } } }, async (request) => readAnnouncement(deps, contextOf(request), request.params.id));
    r.post('/sosialisasi/announcements/:id/acknowledge', { schema: { tags, summary: 'Nyatakan telah membaca dan memahami (dengan kuis bila diminta)', params: IdParams, body: AcknowledgeBody, response: { 200: MyAnnouncement } } }, async (request) =>
      acknowledgeAnnouncement(deps, contextOf(request), request.params.id, request.body),
    );
  };
}
