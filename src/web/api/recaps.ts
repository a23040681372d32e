/** Official recaps (tracked jobs) and the weekly schedule's settings. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateRecapBody, RecapSettings, RecapView } from '../../shared/contracts/recaps.contract.js';
import { api } from './client';

export type RecapViewT = z.infer<typeof RecapView>;
export type CreateRecapBodyT = z.input<typeof CreateRecapBody>;
export type RecapSettingsT = z.infer<typeof RecapSettings>;

const recapsKey = ['recaps'] as const;

/** The list; polled every 2 s while a recap is queued or running, so the progress bars move. */
export function useRecaps() {
  return useQuery({
    queryKey: [...recapsKey, 'list'],
    queryFn: ({ signal }) => api<{ items: RecapViewT[] }>('/api/recaps', { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 2000 : false),
  });
}

export function useCreateRecap() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRecapBodyT) => api<RecapViewT>('/api/recaps', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: recapsKey }),
  });
}

export function useRecapSettings(enabled = true) {
  return useQuery({ queryKey: [...recapsKey, 'settings'], queryFn: ({ signal }) => api<RecapSettingsT>('/api/recaps/settings', { signal }), enabled });
}

export function useSaveRecapSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecapSettingsT) => api<RecapSettingsT>('/api/recaps/settings', { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData([...recapsKey, 'settings'], data),
  });
}

export const recapFileUrl = (id: string, format: 'pdf' | 'xlsx') => `/api/recaps/${encodeURIComponent(id)}/${format}`;
