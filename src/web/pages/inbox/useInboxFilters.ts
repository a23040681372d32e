import { useSearchParams } from 'react-router';
import type { InboxQueryT } from '../../api/types';

const KEYS = ['status', 'channel', 'identityMode', 'actKind', 'from', 'to', 'q'] as const;
export type FilterKey = (typeof KEYS)[number];

/** Inbox filters kept in the URL (shareable, survive reload and the back button). */
export function useInboxFilters() {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<FilterKey, string>;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { page, pageSize: 25 } as InboxQueryT;
  for (const k of KEYS) if (values[k]) (query as Record<string, string>)[k] = values[k];
  const update = (patch: Partial<Record<FilterKey | 'page', string>>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    }, { replace: true });
  };
  const reset = () => setParams(new URLSearchParams(), { replace: true });
  return { values, page, query, update, reset, active: KEYS.some((k) => values[k]) };
}
