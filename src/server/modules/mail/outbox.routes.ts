import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { listOutbox } from './mail.repository.js';
import { HIDDEN_RECIPIENT } from './mail.service.js';

const OutboxItem = z.object({ id: z.uuid(), to: z.string(), subject: z.string(), body: z.string().nullable(), status: z.string(), createdAt: z.string() });

/**
 * Dev outbox: only exists while no SMTP is configured, so demo users can read their one-time code.
 * It is deliberately open (no sign-in): an employee trying the demo has no session yet.
 */
export function outboxRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/dev/outbox', { schema: { tags: ['dev'], summary: 'Kotak keluar e-mail (hanya mode dev tanpa SMTP)', response: { 200: z.object({ items: z.array(OutboxItem) }) } } }, async () => {
      if (!deps.config.isDevOutbox || deps.config.NODE_ENV === 'production') throw new AppError('ROUTE_NOT_FOUND');
      const rows = await listOutbox(deps.db, null, 50);
      // A reporter's address is never shown, not even in dev mode (the page is open to anyone).
      return { items: rows.map((m) => ({ id: m.id, to: m.forgetRecipient ? HIDDEN_RECIPIENT : m.toAddress, subject: m.subject, body: m.body, status: m.status, createdAt: m.createdAt.toISOString() })) };
    });
  };
}
