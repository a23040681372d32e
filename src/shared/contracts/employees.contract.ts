import { z } from 'zod';
import { EMPLOYEE_CATEGORIES, ID_TYPES, JABATAN_CLASSES, SEXES } from '../enums.js';
import { PageQuery, pageOf } from './common.js';

export const EmployeeView = z.object({
  id: z.uuid(),
  idType: z.enum(ID_TYPES),
  idNumber: z.string(),
  name: z.string(),
  sex: z.enum(SEXES).nullable(),
  birthDate: z.string().nullable(),
  category: z.enum(EMPLOYEE_CATEGORIES),
  golongan: z.string().nullable(),
  /** Pangkat derived from a PNS golongan, for display. */
  pangkat: z.string().nullable(),
  jabatanName: z.string().nullable(),
  jabatanClass: z.enum(JABATAN_CLASSES),
  unitId: z.uuid(),
  unitName: z.string(),
  supervisorId: z.uuid().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  dataWarnings: z.array(z.string()),
});

export const EmployeeListQuery = PageQuery.extend({
  /** Name or identity number (prefix); spaces in a NIP are ignored. */
  q: z.string().trim().max(100).optional(),
  unitId: z.uuid().optional(),
  /** Include the whole subtree of unitId (default true). */
  includeSubunits: z.enum(['true', 'false']).default('true'),
  category: z.enum(EMPLOYEE_CATEGORIES).optional(),
  jabatanClass: z.enum(JABATAN_CLASSES).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
});

export const EmployeePage = pageOf(EmployeeView);

export const EmployeeUpdateBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    unitId: z.uuid(),
    jabatanName: z.string().trim().max(200).nullable(),
    jabatanClass: z.enum(JABATAN_CLASSES),
    golongan: z.string().trim().max(10).nullable(),
    email: z.email().nullable(),
    phone: z.string().trim().max(30).nullable(),
    supervisorId: z.uuid().nullable(),
    isActive: z.boolean(),
  })
  .partial();

export const EmployeeCreateBody = z.object({
  /** NIP (PNS/CPNS), NI PPPK, NIK or internal number (non-ASN); spaces are ignored. */
  idNumber: z.string().trim().min(3).max(40),
  name: z.string().trim().min(2).max(200),
  category: z.enum(EMPLOYEE_CATEGORIES),
  unitId: z.uuid(),
  golongan: z.string().trim().max(10).nullable().optional(),
  jabatanName: z.string().trim().max(200).nullable().optional(),
  /** Derived from the jabatan name when omitted. */
  jabatanClass: z.enum(JABATAN_CLASSES).optional(),
  sex: z.enum(SEXES).nullable().optional(),
  birthDate: z.iso.date().nullable().optional(),
  email: z.email().nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  supervisorId: z.uuid().nullable().optional(),
});

const Count = z.object({ key: z.string(), count: z.number().int() });
export const EmployeeStats = z.object({
  total: z.number().int(),
  byCategory: z.array(Count),
  byJabatanClass: z.array(Count),
  /** Active employees per unit directly under the root (or under the chosen unit). */
  byUnit: z.array(z.object({ unitId: z.uuid(), name: z.string(), count: z.number().int() })),
});
export const EmployeeStatsQuery = z.object({ unitId: z.uuid().optional() });

export const CorrectionView = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  employeeName: z.string(),
  idNumber: z.string(),
  unitName: z.string(),
  /** What the employee says is wrong. */
  message: z.string(),
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
});
export const CorrectionsQuery = z.object({ status: z.enum(['open', 'resolved', 'all']).default('open') });
