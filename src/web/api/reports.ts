/** Pengaduan for reporters: the public and internal form, the receipt PDF and the receipt portal. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, getCsrfToken, toApiError, uploadForm } from './client';
import type { ReceiptCredentialsT, ReceiptViewT, ReportInputT, SubmitResultT } from './types';

export const receiptKey = ['public-receipt'] as const;

interface SubmitArgs {
  input: ReportInputT;
  files: File[];
  /** Public form only: the solved proof of work and the instansi slug. */
  altcha?: string;
  tenant?: string;
  onProgress?: (percent: number) => void;
}

/** Text fields first, then the files (the server reads the parts in order). */
function reportForm({ input, files, altcha, tenant }: SubmitArgs): FormData {
  const form = new FormData();
  form.append('report', JSON.stringify(input));
  if (altcha) form.append('altcha', altcha);
  if (tenant) form.append('tenant', tenant);
  for (const file of files) form.append('file', file, file.name);
  return form;
}

/** POST /api/public/reports (anonymous) or /api/reports/internal (signed-in employee). */
export function submitReport(internal: boolean, args: SubmitArgs): Promise<SubmitResultT> {
  const path = internal ? '/api/reports/internal' : '/api/public/reports';
  return uploadForm<SubmitResultT>(path, reportForm(args), args.onProgress);
}

/** Downloads the receipt PDF (number + key go in the body, never in a URL). */
export async function downloadReceiptPdf(credentials: ReceiptCredentialsT): Promise<void> {
  const response = await fetch('/api/public/reports/receipt.pdf', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': getCsrfToken(), accept: 'application/pdf' },
    body: JSON.stringify(credentials),
    credentials: 'same-origin',
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', 'network');
  });
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `tanda-terima-${credentials.number}.pdf`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The receipt session (cookie): 401 means "not logged in with a receipt" and is not retried. */
export function useReceipt() {
  return useQuery({
    queryKey: receiptKey,
    queryFn: ({ signal }) => api<ReceiptViewT>('/api/public/receipt', { signal }),
    retry: false,
  });
}

export function useReceiptLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReceiptCredentialsT & { altcha: string }) =>
      api<ReceiptViewT>('/api/public/receipt/login', { method: 'POST', body }),
    onSuccess: (view) => client.setQueryData(receiptKey, view),
  });
}

export function useReceiptLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/api/public/receipt/logout', { method: 'POST' }),
    onSettled: () => client.resetQueries({ queryKey: receiptKey }),
  });
}

/** The receipt session ended (30 minutes): show the login again. */
function onReceiptError(client: ReturnType<typeof useQueryClient>) {
  return (err: unknown) => {
    if (err instanceof ApiError && err.code === 'RECEIPT_SESSION_REQUIRED') void client.resetQueries({ queryKey: receiptKey });
  };
}

export function useReceiptReply() {
  const client = useQueryClient();
  return useMutation({
    onError: onReceiptError(client),
    mutationFn: (body: string) => api<ReceiptViewT>('/api/public/receipt/messages', { method: 'POST', body: { body } }),
    onSuccess: (view) => client.setQueryData(receiptKey, view),
  });
}

export function useReceiptEvidence() {
  const client = useQueryClient();
  return useMutation({
    onError: onReceiptError(client),
    mutationFn: ({ files, onProgress }: { files: File[]; onProgress: (p: number) => void }) => {
      const form = new FormData();
      for (const file of files) form.append('file', file, file.name);
      return uploadForm<ReceiptViewT>('/api/public/receipt/files', form, onProgress);
    },
    onSuccess: (view) => client.setQueryData(receiptKey, view),
  });
}

/** Elections (with contests) and evidence limits for the public form. */
export interface PublicReportOptionsT {
  elections: { id: string; name: string; contests: { id: string; name: string }[] }[];
  limits: { maxFiles: number; maxFileBytes: number; maxTotalBytes: number; types: string[] };
}

export function usePublicReportOptions() {
  return useQuery({ queryKey: ['public-report-options'], queryFn: () => api<PublicReportOptionsT>('/api/public/reports/options'), staleTime: 10 * 60_000 });
}
