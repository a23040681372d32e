/** Satgas Netralitas: decrees with their members, and the accounts members can act through. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SatgasAccountList, SatgasDecreeBody, SatgasDecreeList, SatgasDecreeView } from '../../shared/contracts/satgas.contract.js';
import { api } from './client';

export type SatgasDecreeT = z.infer<typeof SatgasDecreeView>;
export type SatgasMemberT = SatgasDecreeT['members'][number];
export type SatgasDecreeBodyT = z.input<typeof SatgasDecreeBody>;
export type SatgasAccountT = z.infer<typeof SatgasAccountList>['items'][number];

export const satgasKey = ['satgas'] as const;

export function useSatgasDecrees() {
  return useQuery({ queryKey: [...satgasKey, 'decrees'], queryFn: ({ signal }) => api<z.infer<typeof SatgasDecreeList>>('/api/satgas/decrees', { signal }) });
}

export function useSatgasAccounts(enabled: boolean) {
  return useQuery({
    queryKey: [...satgasKey, 'accounts'],
    queryFn: ({ signal }) => api<z.infer<typeof SatgasAccountList>>('/api/satgas/accounts', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useSaveDecree(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SatgasDecreeBodyT) =>
      id ? api<SatgasDecreeT>(`/api/satgas/decrees/${encodeURIComponent(id)}`, { method: 'PUT', body }) : api<SatgasDecreeT>('/api/satgas/decrees', { method: 'POST', body }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: satgasKey }), client.invalidateQueries({ queryKey: ['cases'] })]),
  });
}
