/** Pengaturan penanganan: step deadlines, escalation, letters, PPK, and the tenant's days off. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseSettingsBody, CaseSettingsView, HolidayBody, HolidayList, HolidayView } from '../../shared/contracts/case-settings.contract.js';
import { api } from './client';
import type { OkResponse } from './types';

export type CaseSettingsT = z.infer<typeof CaseSettingsView>;
export type CaseSettingsBodyT = z.input<typeof CaseSettingsBody>;
export type HolidayT = z.infer<typeof HolidayView>;
export type HolidayBodyT = z.input<typeof HolidayBody>;

export const caseSettingsKey = ['case-settings'] as const;

export function useCaseSettings() {
  return useQuery({ queryKey: [...caseSettingsKey, 'settings'], queryFn: ({ signal }) => api<CaseSettingsT>('/api/case-settings', { signal }) });
}

export function useSaveCaseSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseSettingsBodyT) => api<CaseSettingsT>('/api/case-settings', { method: 'PUT', body }),
    onSuccess: (view) => client.setQueryData([...caseSettingsKey, 'settings'], view),
  });
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: [...caseSettingsKey, 'holidays', year],
    queryFn: ({ signal }) => api<z.infer<typeof HolidayList>>('/api/case-settings/holidays', { query: { year }, signal }),
  });
}

export function useAddHoliday() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: HolidayBodyT) => api<HolidayT>('/api/case-settings/holidays', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...caseSettingsKey, 'holidays'] }),
  });
}

export function useRemoveHoliday() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => api<OkResponse>(`/api/case-settings/holidays/${encodeURIComponent(day)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...caseSettingsKey, 'holidays'] }),
  });
}
