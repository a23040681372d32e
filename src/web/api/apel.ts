import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from './client';
import type {
  ApelCreateBodyT,
  ApelSummaryT,
  ApelUpdateBodyT,
  ApelViewT,
  AttendanceBodyT,
  RosterViewT,
} from './types';

export const apelKey = ['apel'] as const;
const reportKey = (id: string) => [...apelKey, 'one', id] as const;
const reportPath = (id: string) => `/api/apel/${encodeURIComponent(id)}`;
const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

/** Apel reports of a campaign the actor may see. */
export function useApelReports(campaignId: string | null) {
  return useQuery({
    queryKey: [...apelKey, 'list', campaignId ?? ''],
    queryFn: ({ signal }) => api<{ items: ApelSummaryT[] }>(`${campaignPath(campaignId ?? '')}/apel`, { signal }),
    enabled: Boolean(campaignId),
  });
}

/** The active employees placed exactly in `unitId`, to fill the daftar hadir from. */
export function useApelRoster(campaignId: string | null, unitId: string | null, enabled = true) {
  return useQuery({
    queryKey: [...apelKey, 'roster', campaignId ?? '', unitId ?? ''],
    queryFn: ({ signal }) =>
      api<RosterViewT>(`${campaignPath(campaignId ?? '')}/apel/roster`, { query: { unitId }, signal }),
    enabled: Boolean(campaignId && unitId) && enabled,
  });
}

export function useApelReport(id: string) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: ({ signal }) => api<ApelViewT>(reportPath(id), { signal }),
  });
}

/** Every mutation answers with the full report: store it and refresh the lists. */
function useStoreReport() {
  const client = useQueryClient();
  return (view: ApelViewT) => {
    client.setQueryData(reportKey(view.id), view);
    void client.invalidateQueries({ queryKey: [...apelKey, 'list'] });
    void client.invalidateQueries({ queryKey: ['compliance'] });
  };
}

export function useCreateApel(campaignId: string) {
  const store = useStoreReport();
  return useMutation({
    mutationFn: (body: ApelCreateBodyT) => api<ApelViewT>(`${campaignPath(campaignId)}/apel`, { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useUpdateApel(id: string) {
  const store = useStoreReport();
  return useMutation({
    mutationFn: (body: ApelUpdateBodyT) => api<ApelViewT>(reportPath(id), { method: 'PATCH', body }),
    onSuccess: store,
  });
}

export function useSetAttendance(id: string) {
  const store = useStoreReport();
  return useMutation({
    mutationFn: (body: AttendanceBodyT) => api<ApelViewT>(`${reportPath(id)}/attendance`, { method: 'PUT', body }),
    onSuccess: store,
  });
}

export function useUploadApelPhoto(id: string) {
  const store = useStoreReport();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (percent: number) => void }) =>
      uploadFile<ApelViewT>(`${reportPath(id)}/photos`, file, onProgress),
    onSuccess: store,
  });
}

export function useRemoveApelPhoto(id: string) {
  const store = useStoreReport();
  return useMutation({
    mutationFn: (fileId: string) =>
      api<ApelViewT>(`${reportPath(id)}/photos/${encodeURIComponent(fileId)}`, { method: 'DELETE' }),
    onSuccess: store,
  });
}

export type ApelTransition = 'submit' | 'accept' | 'return';

/** Submit (unit head), accept or return with a note (BKPSDM). */
export function useApelTransition(id: string) {
  const store = useStoreReport();
  return useMutation({
    mutationFn: ({ action, note }: { action: ApelTransition; note?: string }) =>
      api<ApelViewT>(`${reportPath(id)}/${action}`, {
        method: 'POST',
        body: action === 'return' ? { note } : undefined,
      }),
    onSuccess: store,
  });
}
