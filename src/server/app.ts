/** Builds the Fastify app from its dependencies; no I/O at import time, so tests build their own. */
import { casesModule } from './modules/cases/cases.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import '../shared/zod-locale.js';
import type { AppDeps } from './deps.js';
import { apiNotFound, frameworkErrorHandler, registerErrorHandling } from './http/errors.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerSession } from './http/session.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { employeeRoutes } from './modules/employees/employees.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { outboxRoutes } from './modules/mail/outbox.routes.js';
import { tenantRoutes } from './modules/tenants/tenants.routes.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { electionRoutes } from './modules/elections/elections.routes.js';
import { pledgeRoutes } from './modules/pledges/pledges.routes.js';
import { apelRoutes } from './modules/apel/apel.routes.js';
import { verifyRoutes, wellKnownRoutes } from './modules/pledges/verify.routes.js';
import { complianceRoutes } from './modules/compliance/compliance.routes.js';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes.js';
import { caseSettingsRoutes } from './modules/case-settings/case-settings.routes.js';
import { satgasRoutes } from './modules/satgas/satgas.routes.js';
import { reportsModule } from './modules/reports/reports.routes.js';
import { insightsRoutes } from './modules/insights/insights.routes.js';
import { nationalRoutes } from './modules/insights/national.routes.js';
import { recapRoutes } from './modules/recaps/recaps.routes.js';
import { sosialisasiRoutes } from './modules/sosialisasi/sosialisasi.routes.js';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.js';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function buildApp(deps: AppDeps, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger === false ? undefined : (deps.log as unknown as FastifyBaseLogger),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Trust exactly N proxy hops for the client address (X-Forwarded-For), never arbitrary senders.
    trustProxy: (_address: string, hop: number) => hop < deps.config.TRUST_PROXY_HOPS,
    bodyLimit: 1024 * 1024,
    // A malformed or over-long URL is refused before routing: answer it in the error shape too.
    frameworkErrors: frameworkErrorHandler,
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(cookie);
  registerSecurityHeaders(app);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: deps.config.IMPORT_MAX_BYTES, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Netra API', description: 'API platform netralitas ASN', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerSession(app, deps.db);
  // Every response names its request id, so a user can quote it and an admin can find the log line.
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(wellKnownRoutes(deps));
  app.get('/api/health', async () => ({ ok: true, database: deps.database.kind }));
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(tenantRoutes(deps));
      await api.register(unitRoutes(deps));
      await api.register(employeeRoutes(deps));
      await api.register(importRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(outboxRoutes(deps));
      await api.register(electionRoutes(deps));
      await api.register(pledgeRoutes(deps));
      await api.register(apelRoutes(deps));
      await api.register(verifyRoutes(deps));
      await api.register(complianceRoutes(deps));
      await api.register(catalogueRoutes(deps));
      await api.register(caseSettingsRoutes(deps));
      await api.register(satgasRoutes(deps));
      await api.register(reportsModule(deps));
      await api.register(casesModule(deps));
      await api.register(notificationRoutes(deps));
      await api.register(insightsRoutes(deps));
      await api.register(nationalRoutes(deps));
      await api.register(recapRoutes(deps));
      await api.register(sosialisasiRoutes(deps));
      await api.register(monitoringRoutes(deps));
    },
    { prefix: '/api' },
  );

  const hasWeb = existsSync(WEB_DIST);
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: ['index.html'] }); // wildcard: a rebuilt web app is served without a restart
  // The public transparency page is its own small entry (no app shell), for slow phones.
  if (hasWeb) app.get('/transparansi', (_request, reply) => reply.type('text/html').sendFile('transparansi.html'));
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || !hasWeb || request.method !== 'GET') return reply.status(404).send(apiNotFound(request.id));
    return reply.type('text/html').sendFile('index.html'); // client-side routes
  });
  return app;
}
