import type { z } from 'zod';
import type { SatgasDecreeView, SatgasMemberView } from '../../../shared/contracts/satgas.contract.js';
import type { DecreeListRow, MemberListRow } from './satgas.repository.js';

export function presentMember(row: MemberListRow): z.infer<typeof SatgasMemberView> {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    title: row.title,
    employeeId: row.employeeId,
    employeeIdNumber: row.employeeIdNumber,
    employeeUnitName: row.employeeUnitName,
    userId: row.userId,
    username: row.username,
    ordinal: row.ordinal,
  };
}

export function presentDecree(row: DecreeListRow, members: MemberListRow[]): z.infer<typeof SatgasDecreeView> {
  return {
    id: row.id,
    number: row.number,
    signedOn: row.signedOn,
    signerTitle: row.signerTitle,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    scopeUnitId: row.scopeUnitId,
    scopeUnitName: row.scopeUnitName,
    isActive: row.isActive,
    createdAt: row.createdAt.toISOString(),
    members: members.filter((m) => m.decreeId === row.id).map(presentMember),
  };
}
