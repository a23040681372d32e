import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import type { OkResponse, PublicTenantsT, SessionInfoT, TotpSetupT } from './types';

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<SessionInfoT> {
  const session = await api<SessionInfoT>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
}

/** After login/logout: store the new session, drop data of the previous user, re-fetch. */
async function applySession(client: QueryClient, session: SessionInfoT | null): Promise<void> {
  if (session) {
    setCsrfToken(session.csrfToken);
    client.setQueryData(sessionKey, session);
  }
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'tenants' });
  await client.invalidateQueries({ queryKey: sessionKey });
}

export function usePublicTenants() {
  return useQuery({
    queryKey: ['tenants'],
    queryFn: () => api<PublicTenantsT>('/api/public/tenants'),
    staleTime: 10 * 60_000,
  });
}

export interface LoginInput {
  tenant?: string;
  username: string;
  password: string;
  totp?: string;
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => api<SessionInfoT>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (session) => applySession(client, session),
  });
}

export function useOtpRequest() {
  return useMutation({
    mutationFn: (body: { tenant?: string; idNumber: string }) =>
      api<{ ok: true; message: string }>('/api/auth/otp/request', { method: 'POST', body }),
  });
}

export function useOtpVerify() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { tenant?: string; idNumber: string; code: string }) =>
      api<SessionInfoT>('/api/auth/otp/verify', { method: 'POST', body }),
    onSuccess: (session) => applySession(client, session),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<OkResponse>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => applySession(client, null),
  });
}

export function useTotpSetup() {
  return useMutation({
    mutationFn: () => api<TotpSetupT>('/api/auth/totp/setup', { method: 'POST' }),
  });
}

export function useTotpEnable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api<OkResponse>('/api/auth/totp/enable', { method: 'POST', body: { code } }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionKey }),
  });
}
