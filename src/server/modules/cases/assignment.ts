/**
 * Who may be assigned a case: accounts linked to a member of the active Satgas decree (or, without a
 * decree, any satgas account), minus those excluded from this case for a conflict of interest.
 */
import type { DbOrTx } from '../../db/client.js';
import { satgasHandlerUserIds } from '../satgas/satgas.service.js';
import { caseStaff, listExclusions } from './cases.repository.js';
import { tenantToday } from './cases.service.js';

/** `known`: today and the case's exclusions when the caller has already read them (the case page). */
export async function assignableUsers(db: DbOrTx, tenantId: string, caseId: string, known?: { today: string; excludedUserIds: string[] }): Promise<{ id: string; name: string }[]> {
  const today = known?.today ?? (await tenantToday(db, tenantId)).today;
  const [handlers, exclusions, allStaff] = await Promise.all([satgasHandlerUserIds(db, tenantId, today), known?.excludedUserIds ?? listExclusions(db, tenantId, caseId).then((rows) => rows.map((e) => e.userId)), caseStaff(db, tenantId)]);
  const members = new Set(handlers);
  const excluded = new Set(exclusions);
  const staff = allStaff.filter((u) => u.roles.includes('satgas') || u.roles.includes('admin'));
  const pool = members.size > 0 ? staff.filter((u) => members.has(u.userId)) : staff.filter((u) => u.roles.includes('satgas'));
  return pool.filter((u) => !excluded.has(u.userId)).map((u) => ({ id: u.userId, name: u.name }));
}
