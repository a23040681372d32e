/** HTTP for insights: the public transparency figures (no account) and the staff dashboards. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CaseInsights, CaseInsightsQuery, CaseInsightsXlsxQuery, TransparencyQuery, TransparencyView } from '../../../shared/contracts/insights.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { exportCaseInsights, getCaseInsights } from './case-insights.service.js';
import { XLSX_TYPE } from './insights.export.js';
import { getTransparency } from './transparency.service.js';

export function insightsRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/public/transparency',
      {
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags: ['public'], summary: 'Transparansi penanganan per pemilihan (tanpa nama/unit; angka <5 disamarkan)', querystring: TransparencyQuery, response: { 200: TransparencyView } },
      },
      async (request, reply) => {
        // Aggregates only, the same for everyone: a phone or a proxy may keep them for a few minutes.
        reply.header('cache-control', 'public, max-age=300');
        return getTransparency(deps, request.query);
      },
    );

    r.get('/insights/cases', { schema: { tags: ['dasbor'], summary: 'Dasbor penanganan: agregat kasus, waktu per tahap, tindak lanjut PPK, kepatuhan ikrar', querystring: CaseInsightsQuery, response: { 200: CaseInsights } } }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getCaseInsights(deps, contextOf(request), request.query);
    });

    r.get('/insights/cases.xlsx', { schema: { tags: ['dasbor'], summary: 'Dasbor penanganan sebagai XLSX (filter yang sama; section = satu bagian)', querystring: CaseInsightsXlsxQuery } }, async (request, reply) => {
      const { section, ...filters } = request.query;
      const { bytes, fileName } = await exportCaseInsights(deps, contextOf(request), filters, section);
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(bytes);
    });
  };
}
