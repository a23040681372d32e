import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { ComplianceQuery, ComplianceTree, ReminderRunResult, UnsignedPage, UnsignedQuery } from '../../../shared/contracts/compliance.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { XLSX_TYPE } from './compliance.export.js';
import { exportCompliance, exportSignatures, getComplianceTree, getUnsignedEmployees, renderRecap } from './compliance.service.js';
import { runRemindersByHand } from './reminders.jobs.js';

const UnitQuery = z.object({ unitId: z.uuid().optional() });

export function complianceRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/campaigns/:id/compliance', { schema: { tags: ['compliance'], summary: 'Pohon kepatuhan: tanda tangan dan apel per unit, dengan rekap di setiap tingkat', params: IdParams, querystring: ComplianceQuery, response: { 200: ComplianceTree } } }, async (request) =>
      getComplianceTree(deps, contextOf(request), request.params.id, request.query),
    );

    r.get('/campaigns/:id/compliance/unsigned', { schema: { tags: ['compliance'], summary: 'Pegawai sasaran di subtree unit yang belum menandatangani', params: IdParams, querystring: UnsignedQuery, response: { 200: UnsignedPage } } }, async (request) =>
      getUnsignedEmployees(deps, contextOf(request), request.params.id, request.query),
    );

    r.post('/campaigns/:id/reminders/run', { schema: { tags: ['compliance'], summary: 'Kirim pengingat hari ini sekarang (tetap maksimal satu per orang per hari)', params: IdParams, response: { 200: ReminderRunResult } } }, async (request) =>
      runRemindersByHand(deps, contextOf(request), request.params.id),
    );

    r.get('/campaigns/:id/compliance.xlsx', { schema: { tags: ['compliance'], summary: 'Ekspor kepatuhan per unit (XLSX)', params: IdParams, querystring: UnitQuery } }, async (request, reply) => {
      const { stream, fileName } = await exportCompliance(deps, contextOf(request), request.params.id, request.query.unitId);
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(stream);
    });

    r.get('/campaigns/:id/signatures.xlsx', { schema: { tags: ['compliance'], summary: 'Ekspor tanda tangan (XLSX)', params: IdParams, querystring: UnitQuery } }, async (request, reply) => {
      const { stream, fileName } = await exportSignatures(deps, contextOf(request), request.params.id, request.query.unitId);
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).send(stream);
    });

    r.get('/campaigns/:id/recap.pdf', { schema: { tags: ['compliance'], summary: 'Rekapitulasi untuk Bupati (PDF)', params: IdParams, querystring: UnitQuery } }, async (request, reply) => {
      const { bytes, fileName } = await renderRecap(deps, contextOf(request), request.params.id, request.query.unitId);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(bytes);
    });
  };
}
