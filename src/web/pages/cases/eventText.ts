/** Turns a case event's data into short labelled lines for the timeline (the event store is free-form JSON). */
import type { TFunction } from 'i18next';
import { CASE_ACTIONS, type CaseAction } from '../../../shared/case-workflow.js';
import type { CaseDetailT, CaseEventT } from '../../api/cases';
import { formatDate } from '../../components/format';

const ROMAN: Record<number, string> = { 1: 'I', 2: 'II' };
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Fields a correction may restate (plain text or dates in the event's data). */
export const CORRECTABLE_FIELDS = ['body', 'message', 'note', 'appearOn', 'appearTime', 'place', 'heldOn', 'statement', 'refusalNote', 'letterNumber', 'letterDate', 'description'] as const;

export function eventTitle(t: TFunction, kind: string): string {
  return (CASE_ACTIONS as readonly string[]).includes(kind) ? t(`cases.action.${kind as CaseAction}`) : t(`cases.timeline.kind.${kind}`, { defaultValue: kind });
}

export function fieldLabel(t: TFunction, key: string): string {
  return t(`cases.timeline.field.${key}`, { defaultValue: key });
}

/** Labelled lines describing what the event recorded. */
export function describeEvent(t: TFunction, e: CaseEventT, detail: CaseDetailT): [string, string][] {
  const d = e.data;
  const subjectName = (id: unknown) => detail.subjects.find((s) => s.id === id)?.name ?? null;
  const person = (id: unknown) => (id ? ([...detail.assignable, ...(detail.assignee ? [detail.assignee] : [])].find((p) => p.id === id)?.name ?? '—') : t('cases.unassigned'));
  const out: [string, string][] = [];
  const push = (label: string, value: string | null | undefined) => {
    if (value) out.push([label, value]);
  };
  push(t('cases.actions.subject'), subjectName(d.subjectId));
  if (typeof d.summonsNo === 'number') push(t('cases.actions.summonsNo'), ROMAN[d.summonsNo] ?? String(d.summonsNo));
  for (const key of CORRECTABLE_FIELDS) {
    const v = str(d[key]);
    if (v) push(fieldLabel(t, key), isDate(v) ? formatDate(v) : v);
  }
  if (Array.isArray(d.attendees) && d.attendees.length) push(t('cases.actions.attendees'), d.attendees.join(', '));
  if (typeof d.target === 'string') push(t('cases.actions.target'), t(`cases.forwardTarget.${d.target}`, { defaultValue: d.target }));
  if (d.mode === 'handover' || d.mode === 'parallel') push(t('cases.actions.mode'), t(`cases.actions.${d.mode}`));
  if (d.result === 'returned' || d.result === 'closed') push(t('cases.actions.result'), t(d.result === 'returned' ? 'cases.actions.returned' : 'cases.actions.closedExternally'));
  if (typeof d.closeReason === 'string') push(t('cases.state.closed'), t(`cases.closeReason.${d.closeReason}`, { defaultValue: d.closeReason }));
  if (Array.isArray(d.members)) push(t('cases.actions.members'), (d.members as { name: string; role: string }[]).map((m) => `${m.name} (${t(`cases.teamRole.${m.role}`, { defaultValue: m.role })})`).join('; '));
  if (Array.isArray(d.questions)) push(t('cases.actions.questions'), String(d.questions.length));
  if (typeof d.signedByExamined === 'boolean') push(t('cases.actions.signed'), t(d.signedByExamined ? 'common.yes' : 'common.no'));
  for (const s of (d.subjects as { subjectId: string; itemCode: string; tier: string; overrideReason?: string | null }[] | undefined) ?? []) {
    if (typeof s === 'object' && s) push(subjectName(s.subjectId) ?? '—', [s.itemCode, t(`cases.tier.${s.tier}`, { defaultValue: s.tier }), s.overrideReason].filter(Boolean).join(' · '));
  }
  for (const f of (d.findings as { subjectId: string; finding: string; reason: string }[] | undefined) ?? []) {
    push(subjectName(f.subjectId) ?? '—', `${t(f.finding === 'proven' ? 'cases.actions.proven' : 'cases.actions.notProven')} — ${f.reason}`);
  }
  for (const r of (d.recommendations as { subjectId: string; tier: string; reasoning: string }[] | undefined) ?? []) {
    push(subjectName(r.subjectId) ?? '—', `${t(`cases.tier.${r.tier}`, { defaultValue: r.tier })} — ${r.reasoning}`);
  }
  for (const x of (d.decisions as { subjectId: string; sanction: string | null; skNumber: string; skDate: string }[] | undefined) ?? []) {
    push(subjectName(x.subjectId) ?? '—', `${x.sanction ? t(`cases.sanction.${x.sanction}`, { defaultValue: x.sanction }) : t('cases.actions.noSanction')} — SK ${x.skNumber}, ${formatDate(x.skDate)}`);
  }
  for (const x of (d.executions as { subjectId: string; executedOn: string; note: string }[] | undefined) ?? []) {
    push(subjectName(x.subjectId) ?? '—', `${formatDate(x.executedOn)} — ${x.note}`);
  }
  if (typeof d.ppkName === 'string') push('PPK', d.ppkName);
  if (e.kind === 'assign') push(t('cases.detail.assignee'), person(d.to));
  if (e.kind === 'created' && Array.isArray(d.subjects)) push(t('cases.subjects.title'), (d.subjects as unknown[]).filter((x): x is string => typeof x === 'string').join(', '));
  if (e.kind === 'subject_added') push(t('cases.subjects.name'), str(d.name));
  if (e.kind === 'report_attached') push(t('cases.detail.reports'), detail.reports.find((r) => r.id === d.reportId)?.number ?? null);
  if (e.kind === 'merged_from') push(t('cases.timeline.from'), str(d.sourceNumber));
  if (e.kind === 'evidence_added' && Array.isArray(d.files)) push(t('cases.evidence.title'), String(d.files.length));
  if (e.kind === 'escalated' && typeof d.level === 'number') push(t('cases.list.cols.escalation'), t(`cases.escalation.${Math.min(3, d.level)}`));
  return out;
}

/** The restated values of a correction, labelled. */
export function correctedLines(t: TFunction, e: CaseEventT): [string, string][] {
  const corrected = (e.data.corrected ?? {}) as Record<string, unknown>;
  return Object.entries(corrected)
    .map(([k, v]) => [fieldLabel(t, k), str(v) ?? ''] as [string, string])
    .filter(([, v]) => v)
    .map(([k, v]) => [k, isDate(v) ? formatDate(v) : v]);
}
