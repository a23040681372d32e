/** HTTP for the notification bell. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationList } from '../../../shared/contracts/cases.contract.js';
import type { AppDeps } from '../../deps.js';
import { contextOf } from '../../http/session.js';
import { markNotificationsRead, myNotifications } from './notifications.service.js';

const tags = ['notifikasi'];

export function notificationRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/notifications', { schema: { tags, summary: 'Notifikasi saya', response: { 200: NotificationList } } }, async (request) => myNotifications(deps, contextOf(request)));
    r.post('/notifications/read', { schema: { tags, summary: 'Tandai dibaca (satu, atau semua bila id kosong)', body: z.object({ id: z.uuid().nullable().optional() }), response: { 200: NotificationList } } }, async (request) =>
      markNotificationsRead(deps, contextOf(request), request.body.id ?? null),
    );
  };
}
