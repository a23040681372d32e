import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EMPLOYEE_CATEGORIES, JABATAN_CLASSES, type EmployeeCategory, type JabatanClass } from '../../../shared/enums.js';
import type { EmployeeListQueryT } from '../../api/types';

export const STATUSES = ['active', 'inactive', 'all'] as const;
export type StatusFilter = (typeof STATUSES)[number];
export const PAGE_SIZES = ['10', '25', '50', '100'] as const;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positiveInt(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Employee list filters, kept in the URL search params. */
export function useEmployeeFilters() {
  const [params, setParams] = useSearchParams();

  const query = useMemo<EmployeeListQueryT & { page: number; pageSize: number }>(
    () => ({
      q: params.get('q') || undefined,
      unitId: params.get('unitId') || undefined,
      includeSubunits: params.get('includeSubunits') === 'false' ? 'false' : 'true',
      category: oneOf<EmployeeCategory>(EMPLOYEE_CATEGORIES, params.get('category')),
      jabatanClass: oneOf<JabatanClass>(JABATAN_CLASSES, params.get('jabatanClass')),
      status: oneOf<StatusFilter>(STATUSES, params.get('status')) ?? 'active',
      page: positiveInt(params.get('page'), 1, 100_000),
      pageSize: positiveInt(params.get('pageSize'), 25, 200),
    }),
    [params],
  );

  /** Set some filters; any change other than the page resets to page 1. */
  const update = useCallback(
    (changes: Record<string, string | null | undefined>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { query, update, reset };
}
