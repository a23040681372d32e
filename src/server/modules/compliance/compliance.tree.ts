/**
 * Turns the flat per-unit aggregates into the compliance tree: flags per unit, then roll-ups.
 * Pure (no I/O) so the arithmetic is testable on its own and reusable by exports and the recap PDF.
 *
 * Cost: each unit adds its own figures to every ancestor named in its materialised path, so the
 * roll-up is O(units × depth) — 500 units × 6 levels is 3,000 additions — plus an O(n log n) sort
 * of siblings by name. The employee-level work (20,000 rows) stays in one SQL GROUP BY.
 */
import type { ApelStatus, ComplianceUnitView } from '../../../shared/contracts/compliance.contract.js';
import type { UnitType } from '../../../shared/enums.js';
import type { UnitAggregateRow } from './compliance.repository.js';

export interface DeadlineRules {
  apelUnitTypes: string[];
  signDeadline: string;
  apelReportDeadline: string | null;
  /** Today (YYYY-MM-DD) in the tenant's timezone. */
  today: string;
}

const REPORTED: ReadonlySet<string> = new Set(['submitted', 'accepted']);

/** Percentage with one decimal; null when nobody is targeted (0 % would suggest a laggard). */
export function percent(signed: number, target: number): number | null {
  return target === 0 ? null : Math.round((signed * 1000) / target) / 10;
}

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * Builds the tree in display order (depth-first, siblings by name). Deadlines are whole days in the
 * tenant's zone: a report filed on the deadline day is on time, so "overdue" starts the day after.
 */
export function buildComplianceTree(rows: UnitAggregateRow[], rules: DeadlineRules, options: { onlyOverdue?: boolean } = {}): ComplianceUnitView[] {
  const apelTypes = new Set(rules.apelUnitTypes);
  const apelPastDeadline = rules.apelReportDeadline !== null && rules.today > rules.apelReportDeadline;
  const signPastDeadline = rules.today > rules.signDeadline;
  const baseDepth = Math.min(...rows.map((r) => segments(r.path).length));

  const byId = new Map<string, ComplianceUnitView & { path: string }>();
  for (const r of rows) {
    const apelRequired = apelTypes.has(r.unitType);
    const apelStatus = (r.apelStatus ?? 'belum') as ApelStatus;
    const apelOverdue = apelRequired && apelPastDeadline && !REPORTED.has(apelStatus);
    const signingOverdue = signPastDeadline && r.signedDirect < r.targetDirect;
    byId.set(r.id, {
      id: r.id,
      parentId: r.parentId,
      name: r.name,
      unitType: r.unitType as UnitType,
      path: r.path,
      depth: segments(r.path).length - baseDepth,
      targetDirect: r.targetDirect,
      targetSubtree: 0,
      signedDirect: r.signedDirect,
      signedSubtree: 0,
      signedPct: null,
      apelRequired,
      apelStatus,
      reportNumber: r.reportNumber,
      apelOverdue,
      signingOverdue,
      overdue: apelOverdue || signingOverdue,
      rollup: { apelRequired: 0, apelReported: 0, apelAccepted: 0, overdue: 0 },
    });
  }

  // Roll-up by path prefix: a unit's path lists itself and all its ancestors.
  for (const u of byId.values()) {
    const reported = u.apelRequired && REPORTED.has(u.apelStatus);
    const accepted = u.apelRequired && u.apelStatus === 'accepted';
    for (const ancestorId of segments(u.path)) {
      const a = byId.get(ancestorId);
      if (!a) continue; // above the shown subtree
      a.targetSubtree += u.targetDirect;
      a.signedSubtree += u.signedDirect;
      a.rollup.apelRequired += u.apelRequired ? 1 : 0;
      a.rollup.apelReported += reported ? 1 : 0;
      a.rollup.apelAccepted += accepted ? 1 : 0;
      a.rollup.overdue += u.overdue ? 1 : 0;
    }
  }

  let keep: Set<string> | null = null;
  if (options.onlyOverdue) {
    // Overdue units plus their ancestors, so every laggard can be reached from the top.
    keep = new Set();
    for (const u of byId.values()) if (u.overdue) for (const id of segments(u.path)) if (byId.has(id)) keep.add(id);
  }

  const children = new Map<string | null, (ComplianceUnitView & { path: string })[]>();
  for (const u of byId.values()) {
    const parentKey = u.parentId && byId.has(u.parentId) ? u.parentId : null;
    if (!children.has(parentKey)) children.set(parentKey, []);
    children.get(parentKey)!.push(u);
  }
  const collator = new Intl.Collator('id');
  const ordered: ComplianceUnitView[] = [];
  const visit = (parentKey: string | null) => {
    const list = children.get(parentKey) ?? [];
    list.sort((a, b) => collator.compare(a.name, b.name));
    for (const u of list) {
      if (keep && !keep.has(u.id)) continue;
      const { path: _path, ...view } = u;
      ordered.push({ ...view, signedPct: percent(u.signedSubtree, u.targetSubtree) });
      visit(u.id);
    }
  };
  visit(null);
  return ordered;
}
