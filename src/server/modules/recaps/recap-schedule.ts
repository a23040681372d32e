/** Calendar arithmetic for the weekly recap (pure; dates are YYYY-MM-DD days in the instansi's zone). */

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last full week (Monday–Sunday) before the week `today` falls in. */
export function lastCompletedWeek(today: string): { from: string; to: string } {
  const t = toDay(today);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = t - weekday * DAY_MS;
  return { from: fromDay(monday - 7 * DAY_MS), to: fromDay(monday - DAY_MS) };
}

/** ISO 8601 week label of a day, e.g. "2026-W48". */
export function isoWeekLabel(day: string): string {
  const t = new Date(toDay(day));
  const weekday = (t.getUTCDay() + 6) % 7;
  const thursday = new Date(t.getTime() + (3 - weekday) * DAY_MS); // the week belongs to the year of its Thursday
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Whether [from, to] overlaps any campaign stage (kampanye) of an election's calendar. */
export function overlapsCampaign(stages: readonly { kind: string; startsOn: string; endsOn: string | null }[], from: string, to: string): boolean {
  return stages.some((s) => s.kind === 'kampanye' && s.startsOn <= to && (s.endsOn ?? s.startsOn) >= from);
}

/** The day `n` days before `day`. */
export function daysBefore(day: string, n: number): string {
  return fromDay(toDay(day) - n * DAY_MS);
}
