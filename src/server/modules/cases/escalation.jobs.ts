/**
 * Overdue steps climb a ladder (the highest-value part of case handling): the day after the due date
 * the assignee is told, `escalationGapDays` working days later the Satgas chair, and as many again
 * later the PPK (for a recommendation waiting on the PPK, the PPK is told from the first level).
 * Runs from the scheduler or a test with a chosen clock; idempotent through notification dedupe keys
 * and the case's escalation level, so a restart or a second server never double-sends.
 */
import { CASE_STATE_LABELS } from '../../../shared/case-workflow.js';
import type { AppDeps } from '../../deps.js';
import { systemContext } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCaseSettings, loadWorkingCalendar } from '../case-settings/case-settings.service.js';
import { notifyUsers } from '../notifications/notifications.service.js';
import { satgasChairUserIds, satgasHandlerUserIds } from '../satgas/satgas.service.js';
import { listActiveTenants } from '../tenants/tenants.repository.js';
import { appendEvent, caseStaff, listExclusions, overdueCases, setEscalationLevel, type CaseRow } from './cases.repository.js';
import { tenantToday } from './cases.service.js';

/** The level a case should have reached after `overdue` working days past its due date. */
export function escalationLevelFor(overdue: number, gap: number): 0 | 1 | 2 | 3 {
  if (overdue < 1) return 0;
  if (overdue < 1 + gap) return 1;
  if (overdue < 1 + 2 * gap) return 2;
  return 3;
}

const LEVEL_TEXT = { 1: 'petugas yang ditugaskan', 2: 'Ketua Satgas', 3: 'PPK' } as const;

async function recipients(deps: AppDeps, tenantId: string, c: CaseRow, level: 1 | 2 | 3, today: string): Promise<string[]> {
  const staff = await caseStaff(deps.db, tenantId);
  const ppk = staff.filter((u) => u.roles.includes('ppk')).map((u) => u.userId);
  let ids: string[];
  if (level === 1) ids = c.state === 'awaiting_ppk' ? [...ppk, ...(c.assigneeUserId ? [c.assigneeUserId] : [])] : c.assigneeUserId ? [c.assigneeUserId] : await satgasHandlerUserIds(deps.db, tenantId, today);
  else if (level === 2) {
    ids = await satgasChairUserIds(deps.db, tenantId, today);
    if (ids.length === 0) ids = staff.filter((u) => u.roles.includes('admin')).map((u) => u.userId);
  } else ids = ppk;
  // Someone excluded from the case for a conflict of interest is never told about it.
  const excluded = new Set((await listExclusions(deps.db, tenantId, c.id)).map((e) => e.userId));
  return ids.filter((id) => !excluded.has(id));
}

export async function runEscalations(deps: AppDeps, now = new Date()): Promise<number> {
  let sent = 0;
  for (const tenant of await listActiveTenants(deps.db)) {
    const { today } = await tenantToday(deps.db, tenant.id, now);
    const calendar = await loadWorkingCalendar(deps.db, tenant.id);
    const { escalationGapDays } = await getCaseSettings(deps.db, tenant.id);
    const ctx = systemContext(tenant.id, 'eskalasi tenggat');
    for (const c of await overdueCases(deps.db, tenant.id, today)) {
      const overdue = calendar.workingDaysBetween(c.dueOn!, today);
      const target = escalationLevelFor(overdue, escalationGapDays);
      if (target <= c.escalationLevel) continue;
      const after: (() => Promise<void>)[] = [];
      for (let level = (c.escalationLevel + 1) as 1 | 2 | 3; level <= target; level = (level + 1) as 1 | 2 | 3) {
        const users = await recipients(deps, tenant.id, c, level, today);
        await deps.db.transaction(async (tx) => {
          after.push(
            ...(await notifyUsers(deps, tx, tenant.id, users, {
              kind: 'case.overdue',
              title: `Kasus ${c.number} melewati tenggat`,
              body: `Tahap "${CASE_STATE_LABELS[c.state]}" pada kasus ${c.number} (${c.title}) seharusnya selesai ${c.dueOn} dan kini terlambat ${overdue} hari kerja. Pemberitahuan ini diteruskan kepada ${LEVEL_TEXT[level]}.`,
              link: `/kasus/${c.id}`,
              caseId: c.id,
              dedupeKey: `escalate:${c.id}:${c.stepStartedAt.getTime()}:${level}`,
            })),
          );
          await setEscalationLevel(tx, tenant.id, c.id, c.stepStartedAt, level);
          await appendEvent(tx, { tenantId: tenant.id, caseId: c.id, kind: 'escalated', actorUserId: null, actorLabel: ctx.actor.label, data: { level, overdueWorkingDays: overdue, recipients: users.length, state: c.state } });
          await recordAudit(tx, ctx, { action: 'case.escalate', entityType: 'case', entityId: c.id, after: { level, recipients: users.length } });
        });
        sent += users.length;
      }
      for (const fn of after) await fn();
    }
  }
  return sent;
}
