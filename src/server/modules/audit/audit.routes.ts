import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageQuery } from '../../../shared/contracts/common.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { requireScope } from '../../lib/policy.js';
import { countAuditEvents, listRecentAuditEvents } from './audit.repository.js';
import { sealAuditChain } from './audit.sealer.js';
import { verifyAuditChain } from './audit.service.js';

const AuditItem = z.object({
  id: z.number().int(),
  /** Place in the hash chain; null for an entry committed a moment ago and not sealed yet. */
  seq: z.number().int().nullable(),
  occurredAt: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
});

export function auditRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/audit', { schema: { tags: ['audit'], summary: 'Log audit terbaru', querystring: PageQuery, response: { 200: z.object({ items: z.array(AuditItem), total: z.number().int() }) } } }, async (request) => {
      const ctx = contextOf(request);
      requireScope(ctx.actor, 'audit.read');
      await sealAuditChain(deps.db, ctx.tenantId, { wait: true }); // so the list shows chain numbers
      const rows = await listRecentAuditEvents(deps.db, ctx.tenantId, request.query.pageSize, (request.query.page - 1) * request.query.pageSize);
      const total = await countAuditEvents(deps.db, ctx.tenantId);
      return {
        items: rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })),
        total,
      };
    });

    r.get('/audit/verify', { schema: { tags: ['audit'], summary: 'Periksa rantai hash log audit', response: { 200: z.object({ ok: z.boolean(), checked: z.number().int(), brokenAt: z.object({ seq: z.number(), reason: z.string() }).optional() }) } } }, async (request) => {
      const ctx = contextOf(request);
      requireScope(ctx.actor, 'audit.read');
      const { ok, checked, brokenAt } = await verifyAuditChain(deps.db, ctx.tenantId);
      return { ok, checked, brokenAt };
    });
  };
}
