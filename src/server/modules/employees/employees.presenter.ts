import type { z } from 'zod';
import type { EmployeeView } from '../../../shared/contracts/employees.contract.js';
import { PNS_GOLONGAN } from '../../../shared/enums.js';
import type { EmployeeWithUnit } from './employees.repository.js';

/** Pangkat for a PNS golongan (domain §4.3); PPPK golongan have no pangkat. */
export function pangkatOf(scheme: string | null, golongan: string | null): string | null {
  return scheme === 'pns' && golongan ? (PNS_GOLONGAN[golongan] ?? null) : null;
}

export function presentEmployee(row: EmployeeWithUnit): z.infer<typeof EmployeeView> {
  return {
    id: row.id,
    idType: row.idType,
    idNumber: row.idNumber,
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    category: row.category,
    golongan: row.golongan,
    pangkat: pangkatOf(row.golonganScheme, row.golongan),
    jabatanName: row.jabatanName,
    jabatanClass: row.jabatanClass,
    unitId: row.unitId,
    unitName: row.unitName,
    supervisorId: row.supervisorId,
    email: row.email,
    phone: row.phone,
    isActive: row.isActive,
    dataWarnings: row.dataWarnings,
  };
}
