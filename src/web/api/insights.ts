/** The case dashboard (aggregates; suppressed for viewers who may not read cases). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseInsightsT, CellT } from '../../shared/contracts/insights.contract.js';
import { api, withQuery, type QueryValue } from './client';

export type { CaseInsightsT, CellT };
export type BreakdownRowT = CaseInsightsT['cases']['byState'][number];

export interface CaseInsightsFilters {
  event?: string;
  from?: string;
  to?: string;
  unitId?: string;
}

export function useCaseInsights(filters: CaseInsightsFilters) {
  return useQuery({
    queryKey: ['insights', 'cases', filters],
    queryFn: ({ signal }) => api<CaseInsightsT>('/api/insights/cases', { query: filters as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The XLSX with the same filters; one section or all. */
export function caseInsightsXlsxUrl(filters: CaseInsightsFilters, section?: string): string {
  return withQuery('/api/insights/cases.xlsx', { ...filters, section } as Record<string, QueryValue>);
}
