import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditPageT, AuditVerifyT, OutboxItem } from './types';

export function useAuditLog(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', page, pageSize],
    queryFn: () => api<AuditPageT>('/api/audit', { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

/** Chain verification is run on demand (it can be slow on a large log). */
export function useAuditVerify() {
  return useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: () => api<AuditVerifyT>('/api/audit/verify'),
    enabled: false,
    retry: false,
  });
}

export function useDevOutbox() {
  return useQuery({
    queryKey: ['dev-outbox'],
    queryFn: () => api<{ items: OutboxItem[] }>('/api/dev/outbox'),
    refetchInterval: 5000,
  });
}
