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
  /**
   * Penanganan. The Satgas (and BKPSDM as its secretariat) handle cases, the PPK decides; a member with a
   * conflict of interest is excluded per case (case_exclusion), and the reported employee's unit chain
   * (pimpinan_unit) and the employees themselves never hold case.read.
   */
  'case.read': { satgas: 'tenant', admin: 'tenant', ppk: 'tenant' },
  'case.handle': { satgas: 'tenant', admin: 'tenant' },
  'case.decide': { ppk: 'tenant' },
  /** Deadlines per step, working calendar, letter numbering. */
  'case.settings': { admin: 'tenant', superadmin: 'tenant' },
  'catalogue.read': { ...STAFF_READ },
  'catalogue.publish': { admin: 'tenant', superadmin: 'tenant' },
  'satgas.read': { ...STAFF_READ },
  'satgas.write': { admin: 'tenant', superadmin: 'tenant' },
  /**
   * Pengawasan media sosial: the Satgas (and BKPSDM as its secretariat) run the queue and the
   * watchlists; the Inspektorat may capture posts it finds. Posts name employees, so the queue is
   * need-to-know like reports: no pimpinan_unit, ppk or pegawai.
   */
  'monitoring.read': { satgas: 'tenant', admin: 'tenant' },
  'monitoring.capture': { satgas: 'tenant', admin: 'tenant', inspektorat: 'tenant' },
  'monitoring.review': { satgas: 'tenant', admin: 'tenant' },
  'monitoring.watchlist': { satgas: 'tenant', admin: 'tenant' },
  /**
   * Dashboards and recaps. Aggregates only: whoever may not read cases (the Inspektorat, a unit head
   * for their own subtree) gets counts below 5 suppressed, so a reported employee's superiors never
   * learn of an individual case.
   */
  'dashboard.read': { admin: 'tenant', satgas: 'tenant', ppk: 'tenant', inspektorat: 'tenant', pimpinan_unit: 'subtree' },
  /**
   * The national/provincial roll-up: per-tenant aggregates of other tenants, never below tenant level.
   * The platform operator (who holds tenant.manage) sees every tenant; an admin or the Inspektorat of an
   * oversight tenant (a province, BKN, KASN) sees the tenants its tenant was granted (oversight_grant),
   * and is refused without a grant. Case counts are suppressed below 5 for all of them.
   */
  'dashboard.national': { superadmin: 'tenant', admin: 'tenant', inspektorat: 'tenant' },
  /** Granting and revoking oversight (platform operator). */
  'oversight.manage': { superadmin: 'tenant' },
  /** Official recaps carry exact tenant-wide figures (the BKN/Bawaslu report names subjects): case readers only. */
  'recap.read': { admin: 'tenant', satgas: 'tenant', ppk: 'tenant' },
  'recap.generate': { admin: 'tenant', satgas: 'tenant' },
  /** Weekly schedule and the recipients told when it is ready. */
  'recap.settings': { admin: 'tenant' },
  /** Sosialisasi: announcements by unit; read and acknowledgement rates (a unit head: their subtree). */
  'sosialisasi.read': { ...STAFF_READ },
  'sosialisasi.manage': { admin: 'tenant', superadmin: 'tenant' },
  /** Reading and acknowledging one's own announcements. */
  'sosialisasi.acknowledge': { pegawai: 'self', admin: 'self', satgas: 'self', pimpinan_unit: 'self', ppk: 'self', inspektorat: 'self' },
  /** One's own in-app notifications. */
  'notification.read': { pegawai: 'self', admin: 'tenant', satgas: 'tenant', pimpinan_unit: 'subtree', ppk: 'tenant', inspektorat: 'tenant', superadmin: 'tenant', custodian: 'tenant' },
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
