import type { z } from 'zod';
import type { UnitView } from '../../../shared/contracts/units.contract.js';
import type { UnitListRow } from './units.repository.js';

export function presentUnit(row: UnitListRow): z.infer<typeof UnitView> {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    code: row.code,
    unitType: row.unitType,
    headEmployeeId: row.headEmployeeId,
    headName: row.headName,
    employeeCount: row.employeeCount,
  };
}
