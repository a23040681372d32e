/** Pengaduan for staff: the Satgas inbox, one report, its actions, and the two-person identity reveal. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadForm } from './client';
import type {
  InboxListT,
  InboxQueryT,
  ReportDetailT,
  RevealIdentityT,
  RevealViewT,
  StaffEntryBodyT,
  StatusBodyT,
  SubmitResultT,
} from './types';

const inboxKey = ['reports'] as const;
const detailKey = (id: string) => ['reports', 'detail', id] as const;
const revealsKey = ['reveal-requests'] as const;
const base = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

export function useInbox(query: InboxQueryT) {
  return useQuery({
    queryKey: [...inboxKey, 'list', query],
    queryFn: ({ signal }) => api<InboxListT>('/api/reports', { query: { ...query }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useReportDetail(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => api<ReportDetailT>(base(id), { signal }),
  });
}

/** Every report action answers with the fresh detail: store it and refresh the list. */
function useReportAction<A>(id: string, call: (args: A) => Promise<ReportDetailT>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      client.setQueryData(detailKey(id), detail);
      void client.invalidateQueries({ queryKey: [...inboxKey, 'list'] });
    },
  });
}

export const useAddNote = (id: string) =>
  useReportAction(id, (body: string) => api<ReportDetailT>(`${base(id)}/notes`, { method: 'POST', body: { body } }));
export const useSendMessage = (id: string) =>
  useReportAction(id, (body: string) => api<ReportDetailT>(`${base(id)}/messages`, { method: 'POST', body: { body } }));
export const useSetStatus = (id: string) =>
  useReportAction(id, (body: StatusBodyT) => api<ReportDetailT>(`${base(id)}/status`, { method: 'POST', body }));
export const useMarkDuplicate = (id: string) =>
  useReportAction(id, (duplicateOfNumber: string) =>
    api<ReportDetailT>(`${base(id)}/duplicate`, { method: 'POST', body: { duplicateOfNumber } }),
  );
export const useTriage = (id: string) =>
  useReportAction(id, (reportedEmployeeId: string | null) => api<ReportDetailT>(`${base(id)}/triage`, { method: 'POST', body: { reportedEmployeeId } }));
export const useHandover = (id: string) =>
  useReportAction(id, (note: string | null) => api<ReportDetailT>(`${base(id)}/handover`, { method: 'POST', body: { note } }));
export const useStaffEvidence = (id: string) =>
  useReportAction(id, ({ files, onProgress }: { files: File[]; onProgress: (p: number) => void }) => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    return uploadForm<ReportDetailT>(`${base(id)}/files`, form, onProgress);
  });

/** Download link of one evidence file (always served as an attachment). */
export const evidenceUrl = (id: string, fileId: string, variant: 'clean' | 'original') =>
  `${base(id)}/files/${encodeURIComponent(fileId)}?variant=${variant}`;

export function useStaffEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffEntryBodyT) => api<SubmitResultT>('/api/reports', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...inboxKey, 'list'] }),
  });
}

export function useRequestReveal(reportId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api<RevealViewT>(`${base(reportId)}/reveal-requests`, { method: 'POST', body: { reason } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: detailKey(reportId) });
      void client.invalidateQueries({ queryKey: revealsKey });
    },
  });
}

export function useRevealRequests(enabled = true) {
  return useQuery({
    queryKey: revealsKey,
    queryFn: ({ signal }) => api<{ items: RevealViewT[] }>('/api/reveal-requests', { signal }),
    enabled,
  });
}

export function useDecideReveal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: string; approve: boolean; note: string | null }) =>
      api<RevealViewT>(`/api/reveal-requests/${encodeURIComponent(id)}/decision`, { method: 'POST', body: { approve, note } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: revealsKey }),
  });
}

/** Reads the sealed identity once per call; each call is audited on the server (never cached). */
export function useReadIdentity() {
  return useMutation({
    mutationFn: (revealId: string) =>
      api<RevealIdentityT>(`/api/reveal-requests/${encodeURIComponent(revealId)}/identity`),
  });
}
