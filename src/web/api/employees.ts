import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type QueryValue } from './client';
import type {
  EmployeeCreateBodyT,
  EmployeeListQueryT,
  EmployeePageT,
  EmployeeStatsT,
  EmployeeUpdateBodyT,
  EmployeeViewT,
} from './types';

export const employeesKey = ['employees'] as const;

export function useEmployees(query: EmployeeListQueryT, enabled = true) {
  return useQuery({
    queryKey: [...employeesKey, 'list', query],
    queryFn: ({ signal }) =>
      api<EmployeePageT>('/api/employees', { query: query as Record<string, QueryValue>, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEmployee(id: string | null | undefined) {
  return useQuery({
    queryKey: [...employeesKey, 'one', id],
    queryFn: () => api<EmployeeViewT>(`/api/employees/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useUpdateEmployee() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EmployeeUpdateBodyT }) =>
      api<EmployeeViewT>(`/api/employees/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: employeesKey });
      void client.invalidateQueries({ queryKey: ['units'] });
    },
  });
}

export function useCreateEmployee() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EmployeeCreateBodyT) => api<EmployeeViewT>('/api/employees', { method: 'POST', body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: employeesKey });
      void client.invalidateQueries({ queryKey: ['units'] });
    },
  });
}

/** Active-employee counts for the dashboard (by category, jabatan class and top-level unit). */
export function useEmployeeStats(enabled = true, unitId?: string) {
  return useQuery({
    queryKey: [...employeesKey, 'stats', unitId ?? null],
    queryFn: () => api<EmployeeStatsT>('/api/employees/stats', { query: { unitId } }),
    staleTime: 60_000,
    enabled,
  });
}

/** Link for the XLSX export with the same filters as the list (no paging). */
export function employeeExportUrl(query: EmployeeListQueryT): string {
  const { page: _page, pageSize: _pageSize, ...rest } = query;
  return withQuery('/api/employees/export.xlsx', rest as Record<string, QueryValue>);
}
