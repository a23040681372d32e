import { useSession } from '../api/session';
import type { SessionInfoT } from '../api/types';

/** Permission keys the UI uses for navigation (decided by the server, never re-implemented). */
export type Permission =
  | 'unit.read'
  | 'unit.write'
  | 'employee.read'
  | 'employee.write'
  | 'employee.export'
  | 'employee.import'
  | 'audit.read'
  | 'outbox.read'
  | 'tenant.manage'
  | 'campaign.read'
  | 'campaign.write'
  | 'election.read'
  | 'election.write'
  | 'pledge.sign'
  | 'pledge.record_paper'
  | 'pledge.read'
  | 'pledge.revoke'
  | 'apel.report'
  | 'apel.review'
  | 'compliance.read'
  | 'compliance.remind'
  | 'report.read'
  | 'report.handle'
  | 'report.enter'
  | 'report.submit_internal'
  | 'report.reveal.request'
  | 'report.reveal.approve'
  | 'case.read'
  | 'case.handle'
  | 'case.decide'
  | 'satgas.read'
  | 'catalogue.read'
  | 'catalogue.publish'
  | 'satgas.write'
  | 'case.settings'
  | 'notification.read'
  | 'monitoring.read'
  | 'monitoring.capture'
  | 'monitoring.review'
  | 'monitoring.watchlist'
  | 'dashboard.read'
  | 'dashboard.national'
  | 'oversight.manage'
  | 'recap.read'
  | 'recap.generate'
  | 'recap.settings'
  | 'sosialisasi.read'
  | 'sosialisasi.manage'
  | 'sosialisasi.acknowledge';

export function can(session: SessionInfoT | undefined, permission: Permission): boolean {
  return session?.permissions[permission] === true;
}

/** A pegawai-only account (roles exactly ['pegawai']). */
export function isEmployeeOnly(session: SessionInfoT | undefined): boolean {
  const roles = session?.user?.roles ?? [];
  return roles.length > 0 && roles.every((r) => r === 'pegawai');
}

/** Session helpers for components rendered inside the signed-in layout. */
export function useAuth() {
  const { data } = useSession();
  return {
    session: data,
    user: data?.user ?? null,
    can: (permission: Permission) => can(data, permission),
  };
}
