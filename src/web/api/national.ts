/** The national/provincial roll-up and the oversight grants behind it. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { NationalScope, NationalViewT, OversightGrantBody, OversightGrantViewT } from '../../shared/contracts/national.contract.js';
import { api, withQuery, type QueryValue } from './client';

export type { NationalViewT, OversightGrantViewT };
export type NationalRowT = NationalViewT['rows'][number];
export type NationalScopeT = z.infer<typeof NationalScope>;

export interface NationalFilters {
  election?: string;
  province?: string;
  asOf?: string;
}

const key = ['national'] as const;

export function useNational(filters: NationalFilters) {
  return useQuery({
    queryKey: [...key, 'view', filters],
    queryFn: ({ signal }) => api<NationalViewT>('/api/insights/national', { query: filters as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Whether the viewer sees anything nationally (the menu entry shows only then); cached for the session. */
export function useNationalScope(enabled: boolean) {
  return useQuery({ queryKey: [...key, 'scope'], queryFn: ({ signal }) => api<NationalScopeT>('/api/insights/national/scope', { signal }), enabled, staleTime: 10 * 60_000 });
}

export function nationalXlsxUrl(filters: NationalFilters): string {
  return withQuery('/api/insights/national.xlsx', filters as Record<string, QueryValue>);
}

export function useOversightGrants(enabled: boolean) {
  return useQuery({ queryKey: [...key, 'grants'], queryFn: ({ signal }) => api<{ items: OversightGrantViewT[] }>('/api/insights/oversight-grants', { signal }), enabled });
}

export function useCreateOversightGrant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof OversightGrantBody>) => api<OversightGrantViewT>('/api/insights/oversight-grants', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeOversightGrant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<OversightGrantViewT>(`/api/insights/oversight-grants/${id}/revoke`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useRefreshNational() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ tenants: number }>('/api/insights/national/refresh', { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}
