import { useSearchParams } from 'react-router';
import type { CaseInsightsFilters } from '../../api/insights';

const KEYS = ['event', 'from', 'to', 'unitId'] as const;

/** The dashboard's election, period and unit, kept in the URL (shareable, survive reload and back). */
export function useInsightFilters() {
  const [params, setParams] = useSearchParams();
  const filters: CaseInsightsFilters = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const update = (patch: Partial<Record<(typeof KEYS)[number], string | null>>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  };
  const reset = () => setParams(new URLSearchParams(), { replace: true });
  return { filters, update, reset };
}
