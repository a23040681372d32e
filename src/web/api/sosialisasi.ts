/** Sosialisasi: announcements (staff), one's own announcements (employees), the public rules. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AnnouncementList, AnnouncementUnits, CreateAnnouncementBody, MyAnnouncement, MyAnnouncements, RulesView } from '../../shared/contracts/sosialisasi.contract.js';
import { api } from './client';

export type AnnouncementSummaryT = z.infer<typeof AnnouncementList>['items'][number];
export type AnnouncementUnitsT = z.infer<typeof AnnouncementUnits>;
export type MyAnnouncementT = z.infer<typeof MyAnnouncement>;
export type RulesViewT = z.infer<typeof RulesView>;
export type CreateAnnouncementBodyT = z.input<typeof CreateAnnouncementBody>;

const key = ['sosialisasi'] as const;
const path = (id: string) => `/api/sosialisasi/announcements/${encodeURIComponent(id)}`;

export function useAnnouncements() {
  return useQuery({ queryKey: [...key, 'list'], queryFn: ({ signal }) => api<z.infer<typeof AnnouncementList>>('/api/sosialisasi/announcements', { signal }) });
}

export function useAnnouncementUnits(id: string) {
  return useQuery({ queryKey: [...key, 'units', id], queryFn: ({ signal }) => api<AnnouncementUnitsT>(`${path(id)}/units`, { signal }) });
}

export function usePublishAnnouncement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAnnouncementBodyT) => api<AnnouncementSummaryT>('/api/sosialisasi/announcements', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}

export function useMyAnnouncements(enabled = true) {
  return useQuery({ queryKey: [...key, 'mine'], queryFn: ({ signal }) => api<z.infer<typeof MyAnnouncements>>('/api/sosialisasi/mine', { signal }), enabled });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<MyAnnouncementT>(`${path(id)}/read`, { method: 'POST', body: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...key, 'mine'] }),
  });
}

export function useAcknowledge(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: number[] | undefined) => api<MyAnnouncementT>(`${path(id)}/acknowledge`, { method: 'POST', body: { answers } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...key, 'mine'] }),
  });
}

export function usePublicRules(tenant?: string) {
  return useQuery({ queryKey: [...key, 'rules', tenant ?? null], queryFn: ({ signal }) => api<RulesViewT>('/api/public/rules', { query: { tenant }, signal }), staleTime: 5 * 60_000 });
}
