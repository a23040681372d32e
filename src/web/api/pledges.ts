import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from './client';
import type { MyPledgeT, PublicVerificationT, SignatureViewT, SignBodyT, SigningViewT } from './types';

export const myPledgesKey = ['pledges', 'mine'] as const;
const signingKey = (campaignId: string) => ['pledges', 'signing', campaignId] as const;

/** Campaigns the signed-in employee is asked to sign, with their signature where signed. */
export function useMyPledges(enabled = true) {
  return useQuery({
    queryKey: myPledgesKey,
    queryFn: ({ signal }) => api<{ items: MyPledgeT[] }>('/api/pledges/mine', { signal }),
    staleTime: 30_000,
    enabled,
  });
}

/** Texts, identity block and (when signed) the signature for one campaign. */
export function useSigningView(campaignId: string) {
  return useQuery({
    queryKey: signingKey(campaignId),
    queryFn: ({ signal }) => api<SigningViewT>(`/api/campaigns/${encodeURIComponent(campaignId)}/signing`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSign(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignBodyT) =>
      api<SignatureViewT>(`/api/campaigns/${encodeURIComponent(campaignId)}/sign`, { method: 'POST', body }),
    onSuccess: (signature) => {
      client.setQueryData<SigningViewT>(signingKey(campaignId), (v) => (v ? { ...v, signature } : v));
      void client.invalidateQueries({ queryKey: myPledgesKey });
    },
  });
}

/** Re-fetch the signing view (after STALE_TEMPLATE). */
export function useReloadSigningView(campaignId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: signingKey(campaignId) });
}

export function useReportCorrection(campaignId: string) {
  return useMutation({
    mutationFn: (message: string) =>
      api<{ id: string }>(`/api/campaigns/${encodeURIComponent(campaignId)}/corrections`, {
        method: 'POST',
        body: { message },
      }),
  });
}

/** Public: what the QR code of a signed PDF leads to (no session needed). */
export function usePublicVerification(id: string | undefined) {
  return useQuery({
    queryKey: ['public-verify', id],
    queryFn: ({ signal }) => api<PublicVerificationT>(`/api/public/verify/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

/** Public: upload a PDF to check it is byte-for-byte the document Netra issued. */
export function useVerifyPdf() {
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (p: number) => void }) =>
      uploadFile<PublicVerificationT>('/api/public/verify', file, onProgress),
  });
}

/** The verification link as a same-origin path (the server builds it from PUBLIC_URL). */
export function verifyPath(verifyUrl: string): string {
  try {
    return new URL(verifyUrl, window.location.origin).pathname;
  } catch {
    return verifyUrl;
  }
}
