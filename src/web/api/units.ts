import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { UnitCreateBodyT, UnitTreeT, UnitUpdateBodyT, UnitViewT } from './types';

export const unitsKey = ['units'] as const;

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: unitsKey,
    queryFn: () => api<UnitTreeT>('/api/units'),
    staleTime: 60_000,
    enabled,
  });
}

export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitCreateBodyT) => api<UnitViewT>('/api/units', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useUpdateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UnitUpdateBodyT }) =>
      api<UnitViewT>(`/api/units/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: unitsKey }),
  });
}

export interface UnitNode {
  unit: UnitViewT;
  children: UnitNode[];
  depth: number;
}

/** Nest the flat unit list by parentId (any depth); units whose parent is not visible become roots. */
export function buildUnitTree(units: readonly UnitViewT[]): UnitNode[] {
  const byId = new Map<string, UnitNode>();
  for (const unit of units) byId.set(unit.id, { unit, children: [], depth: 0 });
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parentId ? byId.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sortAndDepth = (nodes: UnitNode[], depth: number, seen: Set<string>) => {
    nodes.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'id'));
    for (const n of nodes) {
      if (seen.has(n.unit.id)) continue;
      seen.add(n.unit.id);
      n.depth = depth;
      sortAndDepth(n.children, depth + 1, seen);
    }
  };
  sortAndDepth(roots, 0, new Set());
  return roots;
}

/** Ids of a unit and all its descendants (to keep the parent picker free of cycles). */
export function subtreeIds(units: readonly UnitViewT[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const result = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const child of children.get(id) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        stack.push(child);
      }
    }
  }
  return result;
}
