import type { ComplianceUnitT } from '../../api/types';

export interface ComplianceNode {
  unit: ComplianceUnitT;
  children: ComplianceNode[];
}

/** Nest the flat, path-ordered list by parentId; units whose parent is not listed become roots. */
export function nestUnits(units: readonly ComplianceUnitT[]): ComplianceNode[] {
  const byId = new Map<string, ComplianceNode>();
  for (const unit of units) byId.set(unit.id, { unit, children: [] });
  const roots: ComplianceNode[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parentId ? byId.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Whole-scope figures: the roots' subtree counts and rollups summed. */
export function summarize(roots: readonly ComplianceNode[]) {
  const sum = (f: (u: ComplianceUnitT) => number) => roots.reduce((acc, n) => acc + f(n.unit), 0);
  const target = sum((u) => u.targetSubtree);
  const signed = sum((u) => u.signedSubtree);
  return {
    target,
    signed,
    share: target > 0 ? signed / target : null,
    apelRequired: sum((u) => u.rollup.apelRequired),
    apelReported: sum((u) => u.rollup.apelReported),
    apelAccepted: sum((u) => u.rollup.apelAccepted),
    overdue: sum((u) => u.rollup.overdue),
  };
}

/**
 * The units compared in the chart: the OPDs under the Pemda for BKPSDM (one root), the units
 * below the head's own unit for a unit head; several roots are compared as they are.
 */
export function chartUnits(roots: readonly ComplianceNode[]): ComplianceUnitT[] {
  const nodes = roots.length === 1 ? roots[0]!.children : roots;
  return nodes.map((n) => n.unit).filter((u) => u.targetSubtree > 0);
}

/** Every unit id with children (for "expand all"). */
export function parentIds(roots: readonly ComplianceNode[]): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly ComplianceNode[]) => {
    for (const n of nodes) {
      if (n.children.length) {
        out.push(n.unit.id);
        walk(n.children);
      }
    }
  };
  walk(roots);
  return out;
}
