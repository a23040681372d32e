import { z } from 'zod';
import { EMPLOYEE_CATEGORIES } from '../enums.js';

/** Fields an import column can be mapped to. */
export const IMPORT_FIELDS = [
  'idNumber',
  'name',
  'category',
  'unit',
  'parentUnit',
  'golongan',
  'jabatanName',
  'jabatanClass',
  'sex',
  'birthDate',
  'supervisorIdNumber',
  'email',
  'phone',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['idNumber', 'name', 'unit'];

export const IMPORT_STATUSES = ['uploaded', 'validating', 'validated', 'committing', 'committed', 'failed'] as const;

export const ImportIssueView = z.object({
  rowNumber: z.number().int(),
  severity: z.enum(['error', 'warning']),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});

export const ImportView = z.object({
  id: z.uuid(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  fileSha256: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** Headers found in the file, in order. */
  headers: z.array(z.string()),
  /** header → field, as suggested from known SIMPEG/SIASN names or set by the user. */
  mapping: z.record(z.string(), z.enum(IMPORT_FIELDS)),
  /** Fields still missing from the mapping. */
  missingFields: z.array(z.enum(IMPORT_FIELDS)),
  defaultCategory: z.enum(EMPLOYEE_CATEGORIES).nullable(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  warningRows: z.number().int(),
  /** 0–100 for the running step. */
  progress: z.number().int(),
  /** Unit names in the file that do not exist yet. */
  unknownUnits: z.array(z.string()),
  summary: z
    .object({
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      deactivated: z.number().int(),
      unitsCreated: z.number().int(),
    })
    .nullable(),
  failureMessage: z.string().nullable(),
  createdAt: z.string(),
});

export const ImportValidateBody = z.object({
  mapping: z.record(z.string(), z.enum(IMPORT_FIELDS)),
  /** Category used when the file has no category column (e.g. a PNS-only SIASN export). */
  defaultCategory: z.enum(EMPLOYEE_CATEGORIES).nullable().optional(),
});

export const ImportCommitBody = z.object({
  /** Create units named in the file that do not exist (under the parent unit column or the Pemda). */
  createMissingUnits: z.boolean().default(false),
  /** Commit the valid rows and leave the refused ones out. */
  skipInvalidRows: z.boolean().default(false),
  /** Full re-import: mark employees absent from the file as inactive (never deleted). */
  deactivateMissing: z.boolean().default(false),
});

export const ImportIssuesQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  severity: z.enum(['error', 'warning', 'all']).default('all'),
});
