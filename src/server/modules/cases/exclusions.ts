/**
 * Conflict of interest, decided by Netra rather than left to good manners: a Satgas member (or BKPSDM
 * admin) is kept away from a case when they are a reported employee, work in the same OPD as one
 * (the unit chain below the Pemda root), head a unit on that chain, or sit in the reported
 * employee's supervisor chain. The PPK is never excluded: the law makes them the decider.
 */
import type { DbOrTx } from '../../db/client.js';
import { caseStaff, employeeForSubject, replaceExclusions, supervisorChain, unitHeadsOnPath, type SubjectRow } from './cases.repository.js';

/** "/root/opd/bidang/" → the OPD-level prefix "/root/opd/" (null for the root itself). */
export function opdPrefix(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length >= 2 ? `/${parts[0]}/${parts[1]}/` : null;
}

export interface Exclusion {
  userId: string;
  reason: string;
}

export async function computeExclusions(db: DbOrTx, tenantId: string, subjects: SubjectRow[]): Promise<Exclusion[]> {
  const staff = (await caseStaff(db, tenantId)).filter((u) => u.roles.includes('satgas') || u.roles.includes('admin'));
  const found = new Map<string, string>();
  for (const s of subjects) {
    if (!s.employeeId) continue;
    const emp = await employeeForSubject(db, tenantId, s.employeeId);
    if (!emp) continue;
    const chainUnitIds = emp.unitPath.split('/').filter(Boolean).slice(1);
    const superiors = new Set([...(await supervisorChain(db, tenantId, s.employeeId)), ...(await unitHeadsOnPath(db, tenantId, chainUnitIds))]);
    superiors.delete(s.employeeId);
    const subjectOpd = opdPrefix(emp.unitPath);
    for (const u of staff) {
      if (found.has(u.userId)) continue;
      if (u.employeeId === s.employeeId) found.set(u.userId, `Terlapor sendiri (${s.name})`);
      else if (u.employeeId && superiors.has(u.employeeId)) found.set(u.userId, `Atasan terlapor ${s.name}`);
      else if (subjectOpd && u.unitPath && opdPrefix(u.unitPath) === subjectOpd) found.set(u.userId, `Bekerja pada perangkat daerah yang sama dengan terlapor ${s.name}`);
    }
  }
  return [...found].map(([userId, reason]) => ({ userId, reason }));
}

/** Recomputes and stores the exclusions of a case (after subjects change). */
export async function refreshExclusions(tx: DbOrTx, tenantId: string, caseId: string, subjects: SubjectRow[]): Promise<Exclusion[]> {
  const rows = await computeExclusions(tx, tenantId, subjects);
  await replaceExclusions(tx, tenantId, caseId, rows);
  return rows;
}
