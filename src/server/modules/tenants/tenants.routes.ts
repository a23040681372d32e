import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PublicTenants } from '../../../shared/contracts/auth.contract.js';
import type { AppDeps } from '../../deps.js';
import { listActiveTenants } from './tenants.repository.js';

export function tenantRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/public/tenants', { schema: { tags: ['public'], summary: 'Daftar instansi untuk halaman masuk', response: { 200: PublicTenants } } }, async () => ({
      items: (await listActiveTenants(deps.db)).map((t) => ({ slug: t.slug, name: t.name })),
    }));
  };
}
