/** Katalog pelanggaran: the current version, all versions, publishing a new one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CatalogueItemInput, CataloguePublishBody, CatalogueVersionList, CatalogueVersionView } from '../../shared/contracts/catalogue.contract.js';
import { api } from './client';

export type CatalogueVersionT = z.infer<typeof CatalogueVersionView>;
export type CatalogueItemViewT = CatalogueVersionT['items'][number];
export type CatalogueSummaryT = z.infer<typeof CatalogueVersionList>['items'][number];
export type CatalogueItemInputT = z.input<typeof CatalogueItemInput>;
export type CataloguePublishBodyT = z.input<typeof CataloguePublishBody>;

export const catalogueKey = ['catalogue'] as const;

export function useCurrentCatalogue() {
  return useQuery({ queryKey: [...catalogueKey, 'current'], queryFn: ({ signal }) => api<CatalogueVersionT>('/api/catalogue', { signal }) });
}

export function useCatalogueVersions() {
  return useQuery({ queryKey: [...catalogueKey, 'versions'], queryFn: ({ signal }) => api<z.infer<typeof CatalogueVersionList>>('/api/catalogue/versions', { signal }) });
}

export function useCatalogueVersion(id: string | null) {
  return useQuery({
    queryKey: [...catalogueKey, 'version', id],
    queryFn: ({ signal }) => api<CatalogueVersionT>(`/api/catalogue/versions/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function usePublishCatalogue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CataloguePublishBodyT) => api<CatalogueVersionT>('/api/catalogue/versions', { method: 'POST', body }),
    // The case pages cache the catalogue under their own key too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: catalogueKey }), client.invalidateQueries({ queryKey: ['cases'] })]),
  });
}
