import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ok } from '../../../shared/contracts/common.js';
import { CaseSettingsBody, CaseSettingsView, HolidayBody, HolidayList, HolidayParams, HolidayQuery, HolidayView } from '../../../shared/contracts/case-settings.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { addHoliday, getCaseSettingsView, listHolidays, removeHoliday, updateCaseSettings } from './case-settings.service.js';

export function caseSettingsRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['case-settings'];
    r.get('/case-settings', { schema: { tags, summary: 'Pengaturan penanganan: tenggat per langkah, eskalasi, penomoran surat, PPK', response: { 200: CaseSettingsView } } }, async (request) =>
      getCaseSettingsView(deps.db, contextOf(request)),
    );
    r.put('/case-settings', { schema: { tags, summary: 'Ubah pengaturan penanganan (perubahan tenggat wajib beralasan)', body: CaseSettingsBody, response: { 200: CaseSettingsView } } }, async (request) =>
      updateCaseSettings(deps.db, contextOf(request), request.body),
    );
    r.get('/case-settings/holidays', { schema: { tags, summary: 'Hari libur setahun: nasional dan milik instansi', querystring: HolidayQuery, response: { 200: HolidayList } } }, async (request) =>
      listHolidays(deps.db, contextOf(request), request.query.year),
    );
    r.post('/case-settings/holidays', { schema: { tags, summary: 'Tambah cuti bersama atau libur daerah', body: HolidayBody, response: { 201: HolidayView } } }, async (request, reply) =>
      reply.status(201).send(await addHoliday(deps.db, contextOf(request), request.body)),
    );
    r.delete('/case-settings/holidays/:day', { schema: { tags, summary: 'Hapus cuti bersama atau libur daerah', params: HolidayParams, response: { 200: Ok } } }, async (request) => {
      await removeHoliday(deps.db, contextOf(request), request.params.day);
      return { ok: true as const };
    });
  };
}
