import type { Role } from '../../shared/enums.js';

/** Who is acting. `label` is what the audit log shows; it never holds a reporter's identity. */
export interface Actor {
  userId: string | null;
  label: string;
  roles: readonly Role[];
  /** For pimpinan_unit: the unit subtree they may see (path prefix). */
  scopeUnitId: string | null;
  scopeUnitPath: string | null;
  employeeId: string | null;
  /** Work started by Netra itself (seed, jobs, CLI): authorised by its roles without a user. */
  isSystem?: boolean;
}

/** Every service call receives this: the tenant, the actor and the request id for the audit log. */
export interface RequestContext {
  tenantId: string;
  actor: Actor;
  requestId: string;
}

/** Context for work started by the system itself (seed, jobs, CLI). */
export function systemContext(tenantId: string, label = 'sistem', requestId = 'system'): RequestContext {
  return {
    tenantId,
    requestId,
    actor: { userId: null, label, roles: ['admin'], scopeUnitId: null, scopeUnitPath: null, employeeId: null, isSystem: true },
  };
}
