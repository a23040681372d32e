import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicTenants } from '../../../shared/contracts/auth.contract.js';
import { Region, RegionQuery, TenantCreateBody, TenantView } from '../../../shared/contracts/tenants.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { requireScope } from '../../lib/policy.js';
import { searchRegions } from './regions.js';
import { listActiveTenants, listTenantsWithCounts } from './tenants.repository.js';
import { createTenant, listTenantsForPlatform } from './tenants.service.js';

export function tenantRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/public/tenants', { schema: { tags: ['public'], summary: 'Daftar instansi untuk halaman masuk', response: { 200: PublicTenants } } }, async () => ({
      items: (await listActiveTenants(deps.db)).map((t) => ({ slug: t.slug, name: t.name })),
    }));

    r.get('/tenants', { schema: { tags: ['platform'], summary: 'Semua instansi (superadmin)', response: { 200: z.object({ items: z.array(TenantView) }) } } }, async (request) => ({
      items: (await listTenantsForPlatform(deps.db, contextOf(request))) as z.infer<typeof TenantView>[],
    }));

    r.post('/tenants', { schema: { tags: ['platform'], summary: 'Daftarkan instansi baru dengan admin pertamanya', body: TenantCreateBody, response: { 201: TenantView } } }, async (request, reply) => {
      const created = await createTenant(deps, contextOf(request), request.body);
      const view = (await listTenantsWithCounts(deps.db)).find((t) => t.id === created.id)!;
      return reply.status(201).send(view as z.infer<typeof TenantView>);
    });

    r.get('/reference/regions', { schema: { tags: ['platform'], summary: 'Cari kode wilayah Kemendagri (provinsi, kabupaten/kota)', querystring: RegionQuery, response: { 200: z.object({ items: z.array(Region) }) } } }, async (request) => {
      requireScope(contextOf(request).actor, 'tenant.manage');
      return { items: await searchRegions(request.query.q) };
    });
  };
}
