/**
 * Who may do what, as one declarative table. Services call `requireScope`; the session endpoint sends
 * `permissionsOf(actor)` to the UI so the UI never re-implements a rule.
 *
 * Scopes: `tenant` = the whole instansi; `subtree` = the unit the pimpinan_unit heads and everything
 * below it; `self` = only the actor's own employee record.
 */
import type { Role } from '../../shared/enums.js';
import { AppError } from '../http/app-error.js';
import type { Actor } from './context.js';

export type Scope = 'tenant' | 'subtree' | 'self';

const STAFF_READ = { admin: 'tenant', satgas: 'tenant', ppk: 'tenant', inspektorat: 'tenant', superadmin: 'tenant', pimpinan_unit: 'subtree' } as const;

export const POLICY = {
  'unit.read': STAFF_READ,
  'unit.write': { admin: 'tenant', superadmin: 'tenant' },
  'employee.read': { ...STAFF_READ, pegawai: 'self' },
  'employee.write': { admin: 'tenant', superadmin: 'tenant' },
  'employee.import': { admin: 'tenant', superadmin: 'tenant' },
  'employee.export': { admin: 'tenant', superadmin: 'tenant', inspektorat: 'tenant', pimpinan_unit: 'subtree' },
  'audit.read': { admin: 'tenant', inspektorat: 'tenant', superadmin: 'tenant' },
  'outbox.read': { admin: 'tenant', superadmin: 'tenant' },
  'tenant.manage': { superadmin: 'tenant' },
  'election.read': { ...STAFF_READ },
  'election.write': { admin: 'tenant', superadmin: 'tenant' },
  'campaign.read': { ...STAFF_READ },
  'campaign.write': { admin: 'tenant', superadmin: 'tenant' },
  /** Signing one's own pledge. */
  'pledge.sign': { pegawai: 'self', admin: 'self', satgas: 'self', pimpinan_unit: 'self', ppk: 'self', inspektorat: 'self' },
  /** Recording a paper signature for an employee without a device. */
  'pledge.record_paper': { admin: 'tenant', superadmin: 'tenant', pimpinan_unit: 'subtree' },
  'pledge.read': { ...STAFF_READ },
  'pledge.revoke': { admin: 'tenant', superadmin: 'tenant' },
  'apel.report': { pimpinan_unit: 'subtree', admin: 'tenant', superadmin: 'tenant' },
  'apel.review': { admin: 'tenant', superadmin: 'tenant' },
  'compliance.read': { ...STAFF_READ },
  /** Sending today's compliance reminders by hand (the scheduler sends them anyway). */
  'compliance.remind': { admin: 'tenant', superadmin: 'tenant' },
  /**
   * Pengaduan. Need-to-know: only the Satgas and BKPSDM admin read reports; superadmin (platform
   * operator), pimpinan_unit, ppk and pegawai never do (a reported person's superior must not see it).
   */
  'report.read': { satgas: 'tenant', admin: 'tenant' },
  'report.handle': { satgas: 'tenant', admin: 'tenant' },
  /** Entering a report received by letter, WhatsApp, SP4N-LAPOR! or in person. */
  'report.enter': { satgas: 'tenant', admin: 'tenant' },
  /** Reporting from inside Netra (same form as the public one). */
  'report.submit_internal': { pegawai: 'self', admin: 'self', satgas: 'self', pimpinan_unit: 'self', ppk: 'self', inspektorat: 'self' },
  'report.reveal.request': { satgas: 'tenant' },
  /** Two-person rule: the custodian approves a reveal and never reads reports. */
  'report.reveal.approve': { custodian: 'tenant' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof POLICY;

const WIDTH: Record<Scope, number> = { self: 1, subtree: 2, tenant: 3 };

/** The widest scope any of the actor's roles grants for `permission`, or null. */
export function scopeFor(actor: Actor, permission: Permission): Scope | null {
  const grants: Partial<Record<Role, Scope>> = POLICY[permission];
  let best: Scope | null = null;
  for (const role of actor.roles) {
    const scope = grants[role];
    if (!scope) continue;
    if (scope === 'subtree' && !actor.scopeUnitPath) continue;
    if (scope === 'self' && !actor.employeeId) continue;
    if (!best || WIDTH[scope] > WIDTH[best]) best = scope;
  }
  return best;
}

/** Throws FORBIDDEN (or UNAUTHENTICATED for anonymous) unless the actor holds `permission`. */
export function requireScope(actor: Actor, permission: Permission): Scope {
  if (!actor.userId && !actor.isSystem) throw new AppError('UNAUTHENTICATED');
  const scope = scopeFor(actor, permission);
  if (!scope) throw new AppError('FORBIDDEN', { permission });
  return scope;
}

/** The permission map the UI receives. */
export function permissionsOf(actor: Actor): Record<string, boolean> {
  return Object.fromEntries((Object.keys(POLICY) as Permission[]).map((p) => [p, scopeFor(actor, p) !== null]));
}
