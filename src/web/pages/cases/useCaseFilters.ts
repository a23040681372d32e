import { useSearchParams } from 'react-router';
import { CASE_STATES, type CaseState } from '../../../shared/case-workflow.js';
import type { CaseListQueryT } from '../../api/cases';

export const CASE_TABS = ['open', 'overdue', 'mine', 'unassigned', 'all'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

const isTab = (v: string | null): v is CaseTab => CASE_TABS.includes(v as CaseTab);
const isState = (v: string | null): v is CaseState => CASE_STATES.includes(v as CaseState);

/** The work box's tab, step, search and page, kept in the URL (shareable, survive reload and back). */
export function useCaseFilters() {
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const stateParam = params.get('state');
  const tab: CaseTab = isTab(tabParam) ? tabParam : 'open';
  const state: CaseState | null = isState(stateParam) ? stateParam : null;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  const query: CaseListQueryT = { page, pageSize: 25 };
  if (q) query.q = q;
  if (tab === 'mine') query.assignee = 'me';
  if (tab === 'unassigned') query.assignee = 'none';
  // A chosen step wins over the tab's own state (the assignee part of the tab still applies).
  query.state = state ?? (tab === 'overdue' ? 'overdue' : tab === 'all' ? 'all' : 'open');

  const update = (patch: Partial<Record<'tab' | 'state' | 'q' | 'page', string | null>>) => {
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
  /** What the export covers: the closed cases, all cases, or the open ones. */
  const exportState: 'open' | 'closed' | 'all' = state === 'closed' ? 'closed' : tab === 'all' && !state ? 'all' : 'open';
  return { tab, state, q, page, query, update, exportState };
}
