/**
 * A light in-process scheduler: every REMINDER_INTERVAL_HOURS it enqueues a `compliance.remind` job
 * per open campaign. Our JobQueue interface has no cron (pg-boss runs with schedule: false), and the
 * handlers are idempotent per day (reminder_log), so several servers or a restart cannot double-send.
 * Off when JOBS_INLINE: tests and CLIs drive `runReminders` themselves with a controlled clock.
 */
import type { AppDeps } from '../deps.js';
import { enqueueReminderRuns } from '../modules/compliance/reminders.jobs.js';

/** First run shortly after start, so a server restarted every night still reminds daily. */
const FIRST_RUN_DELAY_MS = 60_000;

/** Starts the timers; returns a function that stops them. Timers are unref'd: they never keep the process alive. */
export function startReminderScheduler(deps: AppDeps): () => void {
  if (deps.config.JOBS_INLINE) return () => {};
  const tick = () => {
    enqueueReminderRuns(deps)
      .then((n) => deps.log.info({ campaigns: n }, 'pengingat kepatuhan dijadwalkan'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'penjadwalan pengingat gagal'));
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
