import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from './client';
import type {
  ImportCommitBodyT,
  ImportIssuePageT,
  ImportStatus,
  ImportValidateBodyT,
  ImportViewT,
} from './types';

const importKey = (id: string) => ['imports', id] as const;
const RUNNING: readonly ImportStatus[] = ['validating', 'committing'];

export function isRunning(status: ImportStatus | undefined): boolean {
  return status !== undefined && RUNNING.includes(status);
}

/** The import job; polls every 700 ms while validating or committing. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: () => api<ImportViewT>(`/api/imports/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
    refetchInterval: (q) => (isRunning(q.state.data?.status) ? 700 : false),
  });
}

export function useImportIssues(
  id: string | null,
  params: { page: number; pageSize: number; severity: 'error' | 'warning' | 'all' },
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...importKey(id ?? ''), 'issues', params],
    queryFn: () =>
      api<ImportIssuePageT>(`/api/imports/${encodeURIComponent(id ?? '')}/issues`, { query: params }),
    enabled: Boolean(id) && enabled,
  });
}

export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (p: number) => void }) =>
      uploadFile<ImportViewT>('/api/imports', file, onProgress),
    onSuccess: (view) => client.setQueryData(importKey(view.id), view),
  });
}

export function useValidateImport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportValidateBodyT) =>
      api<ImportViewT>(`/api/imports/${encodeURIComponent(id)}/validate`, { method: 'POST', body }),
    onSuccess: (view) => {
      client.setQueryData(importKey(id), view);
      void client.invalidateQueries({ queryKey: importKey(id) });
    },
  });
}

export function useCommitImport(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportCommitBodyT) =>
      api<ImportViewT>(`/api/imports/${encodeURIComponent(id)}/commit`, { method: 'POST', body }),
    onSuccess: (view) => {
      client.setQueryData(importKey(id), view);
      void client.invalidateQueries({ queryKey: importKey(id) });
      void client.invalidateQueries({ queryKey: ['employees'] });
      void client.invalidateQueries({ queryKey: ['units'] });
    },
  });
}
