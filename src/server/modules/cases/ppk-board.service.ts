/**
 * The PPK follow-up board: every recommendation waiting for the PPK's decision, how long it has
 * waited, and per-PPK follow-up rates — the known weak point of the programme (domain §6).
 */
import type { z } from 'zod';
import type { PpkBoard } from '../../../shared/contracts/cases.contract.js';
import type { AppDeps } from '../../deps.js';
import type { RequestContext } from '../../lib/context.js';
import { requireScope } from '../../lib/policy.js';
import { loadWorkingCalendar } from '../case-settings/case-settings.service.js';
import { awaitingPpk, ppkFollowUp } from './cases.repository.js';
import { tenantToday } from './cases.service.js';

const DAY_MS = 86_400_000;

export async function getPpkBoard(deps: AppDeps, ctx: RequestContext, now = new Date()): Promise<z.infer<typeof PpkBoard>> {
  requireScope(ctx.actor, 'case.read');
  // Independent reads, together (each on its own pooled connection on PostgreSQL).
  const [{ today, timeZone }, calendar, rows, rates] = await Promise.all([
    tenantToday(deps.db, ctx.tenantId, now),
    loadWorkingCalendar(deps.db, ctx.tenantId),
    awaitingPpk(deps.db, ctx.tenantId, ctx.actor.userId),
    ppkFollowUp(deps.db, ctx.tenantId),
  ]);
  // One formatter for the whole board: building an Intl.DateTimeFormat per row costs more than the row.
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    waiting: rows.map((c) => {
      // Set by the recommendation that moved the case here (migration 0007 backfilled older cases).
      const recommendedAt = c.recommendedAt ?? c.updatedAt;
      return {
        caseId: c.id,
        caseNumber: c.number,
        title: c.title,
        subjects: c.subjects.map((s) => ({ name: s.name, recommendedTier: s.recommendedTier ?? null })),
        recommendedOn: recommendedAt.toISOString(),
        ppkName: c.ppkName ?? 'PPK',
        waitingDays: Math.max(0, Math.floor((now.getTime() - recommendedAt.getTime()) / DAY_MS)),
        waitingWorkingDays: Math.max(0, calendar.workingDaysBetween(dayFormat.format(recommendedAt), today)),
        dueOn: c.dueOn,
        overdue: Boolean(c.dueOn && c.dueOn < today),
      };
    }),
    rates: rates.map((r) => ({
      ppkName: r.ppkName ?? 'PPK',
      recommended: Number(r.recommended),
      decided: Number(r.decided),
      followUpRate: Number(r.recommended) > 0 ? Number(r.decided) / Number(r.recommended) : null,
      avgDaysToDecide: r.avgDays === null ? null : Math.round(Number(r.avgDays) * 10) / 10,
    })),
  };
}
