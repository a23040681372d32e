import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { RegionT, TenantCreateBodyT, TenantViewT } from './types';

/** Not ['tenants']: that key holds the public tenant list of the login page. */
export const platformTenantsKey = ['platform-tenants'] as const;

export function useTenants(enabled = true) {
  return useQuery({
    queryKey: platformTenantsKey,
    queryFn: () => api<{ items: TenantViewT[] }>('/api/tenants'),
    enabled,
  });
}

export function useCreateTenant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantCreateBodyT) => api<TenantViewT>('/api/tenants', { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: platformTenantsKey });
      void client.invalidateQueries({ queryKey: ['tenants'] });
    },
  });
}

/** Kemendagri region search (provinsi, kabupaten/kota), server-side. */
export function useRegions(q: string, enabled = true) {
  return useQuery({
    queryKey: ['regions', q],
    queryFn: ({ signal }) => api<{ items: RegionT[] }>('/api/reference/regions', { query: { q }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
    enabled,
  });
}
