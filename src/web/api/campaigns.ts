import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadForm } from './client';
import type {
  CampaignBodyT,
  CampaignUpdateBodyT,
  CampaignViewT,
  CorrectionViewT,
  ElectionBodyT,
  ElectionViewT,
  OkResponse,
  SignatureViewT,
  TemplateBodyT,
  TemplateViewT,
} from './types';

export const campaignsKey = ['campaigns'] as const;
const campaignKey = (id: string) => [...campaignsKey, 'one', id] as const;
const path = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export function useCampaigns(enabled = true) {
  return useQuery({
    queryKey: [...campaignsKey, 'list'],
    queryFn: ({ signal }) => api<{ items: CampaignViewT[] }>('/api/campaigns', { signal }),
    enabled,
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKey(id), queryFn: ({ signal }) => api<CampaignViewT>(path(id), { signal }) });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignBodyT) => api<CampaignViewT>('/api/campaigns', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignsKey }),
  });
}

export function useUpdateCampaign(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignUpdateBodyT) => api<CampaignViewT>(path(id), { method: 'PATCH', body }),
    onSuccess: (view) => {
      client.setQueryData(campaignKey(id), view);
      void client.invalidateQueries({ queryKey: campaignsKey });
    },
  });
}

export function useSaveTemplate(id: string, kind: 'ikrar' | 'pakta') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateBodyT) => api<TemplateViewT>(`${path(id)}/templates/${kind}`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignsKey }),
  });
}

export interface PaperSignatureInput {
  employeeId: string;
  signedOn: string;
  file: File;
  onProgress?: (percent: number) => void;
}

/** Multipart: text fields first so the server has them before the scan. */
export function useRecordPaperSignature(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ employeeId, signedOn, file, onProgress }: PaperSignatureInput) => {
      const form = new FormData();
      form.append('employeeId', employeeId);
      form.append('signedOn', signedOn);
      form.append('file', file, file.name);
      return uploadForm<SignatureViewT>(`${path(id)}/paper-signatures`, form, onProgress);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: campaignsKey }),
  });
}

export const electionsKey = ['elections'] as const;

export function useElections(enabled = true) {
  return useQuery({
    queryKey: electionsKey,
    queryFn: ({ signal }) => api<{ items: ElectionViewT[] }>('/api/elections', { signal }),
    staleTime: 60_000,
    enabled,
  });
}

export function useCreateElection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ElectionBodyT) => api<ElectionViewT>('/api/elections', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: electionsKey }),
  });
}

const correctionsKey = ['corrections'] as const;

export function useCorrections(status: 'open' | 'resolved' | 'all' = 'open') {
  return useQuery({
    queryKey: [...correctionsKey, status],
    queryFn: ({ signal }) => api<{ items: CorrectionViewT[] }>('/api/corrections', { query: { status }, signal }),
  });
}

export function useResolveCorrection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<OkResponse>(`/api/corrections/${encodeURIComponent(id)}/resolve`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: correctionsKey }),
  });
}
