/** In-app notifications (the bell) plus an e-mail copy for staff with an address. */
import type { DbOrTx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { insertNotification, listForUser, markRead, usersWithEmail } from './notifications.repository.js';

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  caseId: string | null;
  /** Per-user idempotency: the user id is appended. Null: always notify. */
  dedupeKey: string | null;
}

/** Writes the notifications in the caller's transaction; returns the e-mail deliveries to start after commit. */
export async function notifyUsers(deps: AppDeps, tx: DbOrTx, tenantId: string, userIds: string[], n: NewNotification): Promise<(() => Promise<void>)[]> {
  const after: (() => Promise<void>)[] = [];
  for (const user of await usersWithEmail(tx, tenantId, [...new Set(userIds)])) {
    const fresh = await insertNotification(tx, { tenantId, userId: user.id, kind: n.kind, title: n.title, body: n.body, link: n.link, caseId: n.caseId, dedupeKey: n.dedupeKey ? `${n.dedupeKey}:${user.id}` : null });
    if (!fresh || !user.email) continue;
    const link = n.link ? `\n\nBuka: ${deps.config.PUBLIC_URL}${n.link}` : '';
    after.push(await deps.mailer.queue(tx, tenantId, { to: user.email, subject: `[Netra] ${n.title}`, body: `${n.body}${link}\n\nPesan ini dikirim otomatis oleh Netra.` }));
  }
  return after;
}

export async function myNotifications(deps: AppDeps, ctx: RequestContext) {
  requireScope(ctx.actor, 'notification.read');
  const { items, unread } = await listForUser(deps.db, ctx.tenantId, ctx.actor.userId!);
  return { unread, items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })) };
}

export async function markNotificationsRead(deps: AppDeps, ctx: RequestContext, id: string | null) {
  requireScope(ctx.actor, 'notification.read');
  await deps.db.transaction((tx) => markRead(tx, ctx.tenantId, ctx.actor.userId!, id));
  return myNotifications(deps, ctx);
}
