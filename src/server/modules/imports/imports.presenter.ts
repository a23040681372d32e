import type { z } from 'zod';
import type { ImportField, ImportView } from '../../../shared/contracts/imports.contract.js';
import type { EmployeeCategory } from '../../../shared/enums.js';
import type { ImportRow } from './imports.repository.js';
import { missingFields } from './imports.service.js';

export function presentImport(row: ImportRow): z.infer<typeof ImportView> {
  const mapping = (row.mapping ?? {}) as Record<string, ImportField>;
  const defaultCategory = (row.options?.defaultCategory as EmployeeCategory | null | undefined) ?? null;
  const s = row.summary ?? {};
  return {
    id: row.id,
    status: row.status as z.infer<typeof ImportView>['status'],
    fileName: row.fileName,
    fileSha256: row.fileSha256,
    format: row.format as 'csv' | 'xlsx',
    headers: row.headers,
    mapping,
    missingFields: missingFields(mapping, defaultCategory),
    defaultCategory,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    validRows: row.validRows,
    errorRows: row.errorRows,
    warningRows: row.warningRows,
    progress: row.progress,
    unknownUnits: (s.unknownUnits as string[] | undefined) ?? [],
    summary:
      row.status === 'committed'
        ? {
            inserted: Number(s.inserted ?? 0),
            updated: Number(s.updated ?? 0),
            unchanged: Number(s.unchanged ?? 0),
            deactivated: Number(s.deactivated ?? 0),
            unitsCreated: Number(s.unitsCreated ?? 0),
          }
        : null,
    failureMessage: row.failureMessage,
    createdAt: row.createdAt.toISOString(),
  };
}
