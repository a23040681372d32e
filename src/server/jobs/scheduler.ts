/**
 * A light in-process scheduler: every REMINDER_INTERVAL_HOURS it enqueues a `compliance.remind` job
 * per open campaign, runs the case-deadline escalation and queues the weekly Bupati recap. Our
 * JobQueue interface has no cron (pg-boss runs with schedule: false), and the handlers are idempotent
 * (reminder_log per day, the recap's schedule key per week), so several servers or a restart cannot double-send.
 * Off when JOBS_INLINE: tests and CLIs drive `runReminders` themselves with a controlled clock.
 */
import type { AppDeps } from '../deps.js';
import { runEscalations } from '../modules/cases/escalation.jobs.js';
import { enqueueReminderRuns } from '../modules/compliance/reminders.jobs.js';
import { scheduleWeeklyRecaps } from '../modules/recaps/recaps.jobs.js';

/** First run shortly after start, so a server restarted every night still reminds daily. */
const FIRST_RUN_DELAY_MS = 60_000;

/** Starts the timers; returns a function that stops them. Timers are unref'd: they never keep the process alive. */
export function startReminderScheduler(deps: AppDeps): () => void {
  if (deps.config.JOBS_INLINE) return () => {};
  const tick = () => {
    enqueueReminderRuns(deps)
      .then((n) => deps.log.info({ campaigns: n }, 'pengingat kepatuhan dijadwalkan'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'penjadwalan pengingat gagal'));
    // Case deadlines: idempotent per case, step and level, so every tick may run it.
    runEscalations(deps)
      .then((n) => n > 0 && deps.log.info({ notified: n }, 'eskalasi tenggat kasus dikirim'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'eskalasi tenggat kasus gagal'));
    // The Bupati's weekly recap during a campaign period: idempotent per election and week (schedule key).
    scheduleWeeklyRecaps(deps)
      .then((n) => n > 0 && deps.log.info({ recaps: n }, 'rekap mingguan dijadwalkan'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'penjadwalan rekap mingguan gagal'));
  };
  const first = setTimeout(tick, FIRST_RUN_DELAY_MS);
  const every = setInterval(tick, deps.config.REMINDER_INTERVAL_HOURS * 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
