/** Penanganan for staff: the Satgas work box, one case, its actions, evidence, documents and the PPK board. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseDocumentKind } from '../../shared/case-workflow.js';
import type { CatalogueVersionList, CatalogueVersionView } from '../../shared/contracts/catalogue.contract.js';
import type { ActiveSatgasView } from '../../shared/contracts/satgas.contract.js';
import { api, ApiError, uploadForm, withQuery, type QueryValue } from './client';

type CasesContract = typeof import('../../shared/contracts/cases.contract.js');
export type CaseListQueryT = Partial<z.input<CasesContract['CaseListQuery']>>;
export type CaseListT = z.infer<CasesContract['CaseList']>;
export type CaseListItemT = CaseListT['items'][number];
export type CaseDetailT = z.infer<CasesContract['CaseDetail']>;
export type CaseSubjectT = CaseDetailT['subjects'][number];
export type CaseEventT = CaseDetailT['events'][number];
export type CaseEvidenceT = CaseDetailT['evidence'][number];
export type CaseDocumentT = CaseDetailT['documents'][number];
export type CreateCaseBodyT = z.input<CasesContract['CreateCaseBody']>;
export type SubjectInputT = z.input<CasesContract['SubjectInput']>;
export type CaseActionBodyT = z.input<CasesContract['CaseActionBody']>;
export type CaseMutationResultT = z.infer<CasesContract['CaseMutationResult']>;
export type CorrectionBodyT = z.input<CasesContract['CorrectionBody']>;
export type PpkBoardT = z.infer<CasesContract['PpkBoard']>;
export type CatalogueT = z.infer<typeof CatalogueVersionView>;
export type CatalogueItemT = CatalogueT['items'][number];
export type ActiveSatgasT = z.infer<typeof ActiveSatgasView>;

/** A body without the version: the hooks add the version of the case as loaded. */
export type WithoutVersion<T> = T extends unknown ? Omit<T, 'expectedVersion'> : never;
export type CaseActionInputT = WithoutVersion<CaseActionBodyT>;

export const casesKey = ['cases'] as const;
const detailKey = (id: string) => ['cases', 'detail', id] as const;
const base = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** True for the optimistic-locking refusal: someone else changed the case since it was loaded. */
export const isCaseConflict = (err: unknown) => err instanceof ApiError && err.code === 'CASE_CONFLICT';

export function useCases(query: CaseListQueryT, enabled = true) {
  return useQuery({
    queryKey: [...casesKey, 'list', query],
    queryFn: ({ signal }) => api<CaseListT>('/api/cases', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => api<CaseDetailT>(base(id), { signal }),
  });
}

export function useCreateCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBodyT) => api<CaseMutationResultT>('/api/cases', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...casesKey, 'list'] }),
  });
}

/**
 * Every change to a case carries the version the user saw (`expectedVersion`); on success the case is
 * fetched again (the answer is only the new version), and the lists are refreshed.
 */
function useCaseMutation<A, R>(id: string, call: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: detailKey(id) });
      void client.invalidateQueries({ queryKey: [...casesKey, 'list'] });
      void client.invalidateQueries({ queryKey: [...casesKey, 'ppk-board'] });
      void client.invalidateQueries({ queryKey: notificationsKey });
    },
  });
}

const post = <T>(path: string, body: unknown) => api<T>(path, { method: 'POST', body });

export const useCaseAction = (id: string, version: number) =>
  useCaseMutation(id, (body: CaseActionInputT) => post<CaseMutationResultT>(`${base(id)}/actions`, { ...body, expectedVersion: version }));
export const useAssignCase = (id: string, version: number) =>
  useCaseMutation(id, (userId: string | null) => post<CaseMutationResultT>(`${base(id)}/assign`, { expectedVersion: version, userId }));
export const useCaseNote = (id: string, version: number) =>
  useCaseMutation(id, (body: string) => post<CaseMutationResultT>(`${base(id)}/notes`, { expectedVersion: version, body }));
export const useAddCaseSubject = (id: string, version: number) =>
  useCaseMutation(id, (subject: SubjectInputT) => post<CaseMutationResultT>(`${base(id)}/subjects`, { expectedVersion: version, subject }));
export const useCorrectEvent = (id: string, version: number) =>
  useCaseMutation(id, (body: WithoutVersion<CorrectionBodyT>) => post<CaseMutationResultT>(`${base(id)}/corrections`, { ...body, expectedVersion: version }));
export const useReissueDocument = (id: string) =>
  useCaseMutation(id, (body: { kind: CaseDocumentKind; subjectId: string | null }) => post<{ id: string; number: string }>(`${base(id)}/documents`, body));
export const useUploadCaseEvidence = (id: string) =>
  useCaseMutation(id, ({ files, description, onProgress }: { files: File[]; description: string; onProgress: (p: number) => void }) => {
    const form = new FormData();
    form.append('description', description);
    for (const file of files) form.append('file', file, file.name);
    return uploadForm<{ ok: true }>(`${base(id)}/evidence`, form, onProgress);
  });

/** Downloads (always attachments; every opening is audited on the server). */
export const caseEvidenceUrl = (id: string, evidenceId: string) => `${base(id)}/evidence/${encodeURIComponent(evidenceId)}`;
export const caseDocumentUrl = (id: string, documentId: string) => `${base(id)}/documents/${encodeURIComponent(documentId)}`;
export const caseBundleUrl = (id: string) => `${base(id)}/bundle`;
export const caseExportUrl = (state: 'open' | 'closed' | 'all', format: 'xlsx' | 'csv') => withQuery('/api/cases/export', { state, format });

export function usePpkBoard() {
  return useQuery({
    queryKey: [...casesKey, 'ppk-board'],
    queryFn: ({ signal }) => api<PpkBoardT>('/api/cases/ppk-board', { signal }),
  });
}

/**
 * The catalogue version a case is judged under: the current one, or the case's own older version
 * (looked up by its number) when a newer one was published since.
 */
export function useCaseCatalogue(version: number | null, enabled = true) {
  const current = useQuery({
    queryKey: [...casesKey, 'catalogue', 'current'],
    queryFn: ({ signal }) => api<CatalogueT>('/api/catalogue', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
  const needsOlder = Boolean(enabled && current.data && version !== null && current.data.version !== version);
  const versions = useQuery({
    queryKey: [...casesKey, 'catalogue', 'versions'],
    queryFn: ({ signal }) => api<z.infer<typeof CatalogueVersionList>>('/api/catalogue/versions', { signal }),
    enabled: needsOlder,
    staleTime: 5 * 60_000,
  });
  const olderId = versions.data?.items.find((v) => v.version === version)?.id ?? null;
  const older = useQuery({
    queryKey: [...casesKey, 'catalogue', 'version', olderId],
    queryFn: ({ signal }) => api<CatalogueT>(`/api/catalogue/versions/${encodeURIComponent(olderId ?? '')}`, { signal }),
    enabled: Boolean(needsOlder && olderId),
    staleTime: Infinity,
  });
  const data = needsOlder ? (older.data ?? (versions.isFetched && !olderId ? current.data : undefined)) : current.data;
  return { data, error: current.error ?? versions.error ?? older.error, isPending: !data && !(current.error || versions.error || older.error) };
}

/** The Pemda-wide Satgas decree in force today (members with their accounts), for the assignee choice. */
export function useActiveSatgas(enabled = true) {
  return useQuery({
    queryKey: [...casesKey, 'satgas-active'],
    queryFn: ({ signal }) => api<ActiveSatgasT>('/api/satgas/active', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/* Notifications (the bell in the header). */
type NotificationListT = z.infer<CasesContract['NotificationList']>;
export type NotificationT = NotificationListT['items'][number];
export const notificationsKey = ['notifications'] as const;

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => api<NotificationListT>('/api/notifications', { signal }),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) => api<NotificationListT>('/api/notifications/read', { method: 'POST', body: { id } }),
    onSuccess: (list) => client.setQueryData(notificationsKey, list),
  });
}
