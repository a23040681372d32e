import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.js';
import { CorrectionsQuery, CorrectionView, EmployeeCreateBody, EmployeeListQuery, EmployeePage, EmployeeStats, EmployeeStatsQuery, EmployeeUpdateBody, EmployeeView } from '../../../shared/contracts/employees.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCorrections, resolveCorrection } from './corrections.service.js';
import { exportEmployeesXlsx } from './employees.export.js';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common.js';
import { presentEmployee } from './employees.presenter.js';
import { createEmployee, employeeFilterFor, getEmployee, getEmployeeStats, searchEmployees, updateEmployee } from './employees.service.js';

export function employeeRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/employees', { schema: { tags: ['employees'], summary: 'Cari pegawai (NIP/nama, unit, kategori, kelas jabatan)', querystring: EmployeeListQuery, response: { 200: EmployeePage } } }, async (request) => {
      const result = await searchEmployees(deps.db, contextOf(request), request.query);
      return { items: result.rows.map(presentEmployee), total: result.total, page: result.page, pageSize: result.pageSize };
    });

    r.get('/employees/export.xlsx', { schema: { tags: ['employees'], summary: 'Ekspor data induk pegawai ke XLSX', querystring: EmployeeListQuery } }, async (request, reply) => {
      const ctx = contextOf(request);
      const filter = await employeeFilterFor(deps.db, ctx, 'employee.export', request.query);
      // Exports of personal data are audited like writes.
      await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'employee.export', entityType: 'employee', after: { filter: request.query } }));
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="pegawai-${stamp}.xlsx"`)
        .send(exportEmployeesXlsx(deps.db, ctx.tenantId, filter));
    });

    r.post('/employees', { schema: { tags: ['employees'], summary: 'Tambah satu pegawai', body: EmployeeCreateBody, response: { 201: EmployeeView } } }, async (request, reply) =>
      reply.status(201).send(presentEmployee(await createEmployee(deps.db, contextOf(request), request.body))),
    );

    r.get('/employees/stats', { schema: { tags: ['employees'], summary: 'Jumlah pegawai aktif per kategori, kelas jabatan dan unit', querystring: EmployeeStatsQuery, response: { 200: EmployeeStats } } }, async (request) =>
      getEmployeeStats(deps.db, contextOf(request), request.query.unitId),
    );

    r.get('/corrections', { schema: { tags: ['employees'], summary: 'Laporan data pegawai yang salah', querystring: CorrectionsQuery, response: { 200: z.object({ items: z.array(CorrectionView) }) } } }, async (request) => ({
      items: await getCorrections(deps.db, contextOf(request), request.query.status),
    }));

    r.post('/corrections/:id/resolve', { schema: { tags: ['employees'], summary: 'Tandai laporan data sudah ditangani', params: IdParams, response: { 200: Ok } } }, async (request) => {
      await resolveCorrection(deps.db, contextOf(request), request.params.id);
      return { ok: true as const };
    });

    r.get('/employees/:id', { schema: { tags: ['employees'], summary: 'Data satu pegawai', params: IdParams, response: { 200: EmployeeView } } }, async (request) =>
      presentEmployee(await getEmployee(deps.db, contextOf(request), request.params.id)),
    );

    r.patch('/employees/:id', { schema: { tags: ['employees'], summary: 'Koreksi data pegawai', params: IdParams, body: EmployeeUpdateBody, response: { 200: EmployeeView } } }, async (request) =>
      presentEmployee(await updateEmployee(deps.db, contextOf(request), request.params.id, request.body)),
    );
  };
}
