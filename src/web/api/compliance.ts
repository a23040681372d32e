import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client';
import type { ComplianceTreeT, ReminderRunResultT, UnsignedPageT } from './types';

export const complianceKey = ['compliance'] as const;
const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

/** The unit tree with signing and apel status; `onlyOverdue` keeps overdue units and their ancestors. */
export function useCompliance(campaignId: string | null, onlyOverdue: boolean) {
  return useQuery({
    queryKey: [...complianceKey, 'tree', campaignId ?? '', onlyOverdue],
    queryFn: ({ signal }) =>
      api<ComplianceTreeT>(`${campaignPath(campaignId ?? '')}/compliance`, {
        query: { onlyOverdue: onlyOverdue ? 'true' : undefined },
        signal,
      }),
    enabled: Boolean(campaignId),
    placeholderData: keepPreviousData,
  });
}

/** Targeted employees in a unit's subtree who have not signed (paginated). */
export function useUnsigned(campaignId: string | null, unitId: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...complianceKey, 'unsigned', campaignId ?? '', unitId ?? '', page, pageSize],
    queryFn: ({ signal }) =>
      api<UnsignedPageT>(`${campaignPath(campaignId ?? '')}/compliance/unsigned`, {
        query: { unitId, page, pageSize },
        signal,
      }),
    enabled: Boolean(campaignId && unitId),
    placeholderData: keepPreviousData,
  });
}

export function useRunReminders(campaignId: string) {
  return useMutation({
    mutationFn: () => api<ReminderRunResultT>(`${campaignPath(campaignId)}/reminders/run`, { method: 'POST' }),
  });
}

export type ComplianceExport = 'compliance.xlsx' | 'signatures.xlsx' | 'recap.pdf';

/** Download link of an export, limited to a unit's subtree when one is selected. */
export function complianceExportUrl(campaignId: string, file: ComplianceExport, unitId: string | null): string {
  return withQuery(`${campaignPath(campaignId)}/${file}`, { unitId });
}
