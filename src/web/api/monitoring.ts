/** Pengawasan media sosial: captures, the review queue, review and "Buka kasus", watchlists, imports, declared accounts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, uploadForm, withQuery, type QueryValue } from './client';

type MonitoringContract = typeof import('../../shared/contracts/monitoring.contract.js');
export type CaptureQueryT = Partial<z.infer<MonitoringContract['CaptureQuery']>>;
export type CaptureListT = z.infer<MonitoringContract['CaptureList']>;
export type CaptureItemT = CaptureListT['items'][number];
export type CaptureDetailT = z.infer<MonitoringContract['CaptureDetail']>;
export type CaptureInputT = z.input<MonitoringContract['CaptureInput']>;
export type CaptureEditBodyT = z.input<MonitoringContract['CaptureEditBody']>;
export type ReviewBodyT = z.input<MonitoringContract['ReviewBody']>;
export type OpenCaseBodyT = z.input<MonitoringContract['OpenCaseBody']>;
export type OpenCaseResultT = z.infer<MonitoringContract['OpenCaseResult']>;
export type WatchlistViewT = z.infer<MonitoringContract['WatchlistView']>;
export type WatchlistListT = z.infer<MonitoringContract['WatchlistList']>;
export type CaptureImportViewT = z.infer<MonitoringContract['CaptureImportView']>;
export type CaptureImportOptionsT = z.input<MonitoringContract['CaptureImportOptions']>;
export type DeclaredAccountViewT = z.infer<MonitoringContract['DeclaredAccountView']>;
export type DeclaredAccountListT = z.infer<MonitoringContract['DeclaredAccountList']>;
export type DeclaredAccountInputT = z.input<MonitoringContract['DeclaredAccountInput']>;
export type DeclaredAccountQueryT = Partial<z.infer<MonitoringContract['DeclaredAccountQuery']>>;
export type SuggestionListT = z.infer<MonitoringContract['SuggestionList']>;
export type ReasonT = CaptureItemT['reasons'][number];

const key = ['monitoring'] as const;
const detailKey = (id: string) => ['monitoring', 'capture', id] as const;
const base = (id: string) => `/api/monitoring/captures/${encodeURIComponent(id)}`;

export function useCaptureQueue(query: CaptureQueryT) {
  return useQuery({
    queryKey: [...key, 'queue', query],
    queryFn: ({ signal }) => api<CaptureListT>('/api/monitoring/captures', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCapture(id: string) {
  return useQuery({ queryKey: detailKey(id), queryFn: ({ signal }) => api<CaptureDetailT>(base(id), { signal }) });
}

/** The capture form: the fields as JSON in `capture`, then the screenshots/videos. */
export function useCreateCapture() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, files, onProgress }: { body: CaptureInputT; files: File[]; onProgress?: (percent: number) => void }) => {
      const form = new FormData();
      form.append('capture', JSON.stringify(body));
      for (const f of files) form.append('file', f, f.name);
      return uploadForm<CaptureDetailT>('/api/monitoring/captures', form, onProgress);
    },
    onSuccess: (detail) => {
      client.setQueryData(detailKey(detail.id), detail);
      void client.invalidateQueries({ queryKey: [...key, 'queue'] });
    },
  });
}

/** Every capture action answers with the fresh detail: store it and refresh the queue. */
function useCaptureAction<A>(id: string, call: (args: A) => Promise<CaptureDetailT>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      client.setQueryData(detailKey(id), detail);
      void client.invalidateQueries({ queryKey: [...key, 'queue'] });
    },
  });
}

export const useEditCapture = (id: string) => useCaptureAction(id, (body: CaptureEditBodyT) => api<CaptureDetailT>(`${base(id)}/revisions`, { method: 'POST', body }));
export const useReviewCapture = (id: string) => useCaptureAction(id, (body: ReviewBodyT) => api<CaptureDetailT>(`${base(id)}/review`, { method: 'POST', body }));
export const useAddCaptureFiles = (id: string) =>
  useCaptureAction(id, (files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return uploadForm<CaptureDetailT>(`${base(id)}/files`, form);
  });

export function useOpenCase(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenCaseBodyT) => api<OpenCaseResultT>(`${base(id)}/open-case`, { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export const captureFileUrl = (id: string, fileId: string, variant: 'clean' | 'original') => withQuery(`${base(id)}/files/${encodeURIComponent(fileId)}`, { variant });
export const labelsUrl = (electionEventId?: string | null) => withQuery('/api/monitoring/labels.jsonl', { electionEventId });

/* Watchlists */

export function useWatchlists(electionEventId?: string | null) {
  return useQuery({
    queryKey: [...key, 'watchlists', electionEventId ?? null],
    queryFn: ({ signal }) => api<WatchlistListT>('/api/monitoring/watchlists', { query: { electionEventId }, signal }),
  });
}

/** The current watchlist of an event/contest; `null` when there is none yet (404). */
export function useCurrentWatchlist(electionEventId: string | null, electionContestId: string | null) {
  return useQuery({
    queryKey: [...key, 'watchlist', electionEventId, electionContestId],
    enabled: Boolean(electionEventId),
    queryFn: async ({ signal }) => {
      try {
        return await api<WatchlistViewT>('/api/monitoring/watchlists/current', { query: { electionEventId, electionContestId }, signal });
      } catch (err) {
        if ((err as { status?: number }).status === 404) return null;
        throw err;
      }
    },
  });
}

export function useSaveWatchlist() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { electionEventId: string; electionContestId: string | null; document: Record<string, unknown>; note?: string | null }) => api<WatchlistViewT>('/api/monitoring/watchlists', { method: 'PUT', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export const watchlistExportUrl = (id: string) => `/api/monitoring/watchlists/${encodeURIComponent(id)}/export`;

/* Imports */

export function useCaptureImports() {
  return useQuery({ queryKey: [...key, 'imports'], queryFn: ({ signal }) => api<{ items: Omit<CaptureImportViewT, 'issues'>[] }>('/api/monitoring/imports', { signal }) });
}

/** One import, polled every second while it is queued or running. */
export function useCaptureImport(id: string | null) {
  return useQuery({
    queryKey: [...key, 'import', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api<CaptureImportViewT>(`/api/monitoring/imports/${encodeURIComponent(id!)}`, { signal }),
    refetchInterval: (query) => (query.state.data && ['queued', 'running'].includes(query.state.data.status) ? 1000 : false),
  });
}

export function useStartCaptureImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, options, onProgress }: { file: File; options: CaptureImportOptionsT; onProgress?: (percent: number) => void }) => {
      const form = new FormData();
      form.append('options', JSON.stringify(options));
      form.append('file', file, file.name);
      return uploadForm<CaptureImportViewT>('/api/monitoring/imports', form, onProgress);
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

/* Declared accounts */

export function useDeclaredAccounts(query: DeclaredAccountQueryT) {
  return useQuery({
    queryKey: [...key, 'declared', query],
    queryFn: ({ signal }) => api<DeclaredAccountListT>('/api/monitoring/declared-accounts', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateDeclared() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclaredAccountInputT) => api<DeclaredAccountViewT>('/api/monitoring/declared-accounts', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...key, 'declared'] }),
  });
}

export function useDeleteDeclared() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/api/monitoring/declared-accounts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...key, 'declared'] }),
  });
}

/** Employees the account may belong to (declared handle first, then by display name). */
export function useEmployeeSuggestions(platform: string | null, handle: string, name: string) {
  const query = { platform: platform ?? undefined, handle: handle.trim() || undefined, name: name.trim() || undefined };
  return useQuery({
    queryKey: [...key, 'suggestions', query],
    enabled: Boolean(query.handle || query.name),
    queryFn: ({ signal }) => api<SuggestionListT>('/api/monitoring/employee-suggestions', { query, signal }),
    staleTime: 30_000,
  });
}
