/**
 * A light in-process scheduler: every REMINDER_INTERVAL_HOURS it enqueues a `compliance.remind` job
 * per open campaign, runs the case-deadline escalation and the data retention, and queues the weekly
 * Bupati recap, and queues again the evidence images still without their clean copy; every hour it
 * queues the refresh of the national roll-up's daily rows. Our JobQueue
 * interface has no cron (pg-boss runs with schedule: false), and the handlers are idempotent
 * (reminder_log per day, the recap's schedule key per week, the retention tombstones, today's rows
 * of the roll-up), so several servers or a restart cannot double-send.
 * Every PDF_SWEEP_INTERVAL_MS it renders signed PDFs not yet rendered (the pledge PDF sweep, within a
 * time budget; a signature keeps its first PDF, so overlapping servers cannot render one twice).
 * Off when JOBS_INLINE: tests and CLIs drive `runReminders` themselves with a controlled clock.
 */
import type { AppDeps } from '../deps.js';
import { runEscalations } from '../modules/cases/escalation.jobs.js';
import { enqueueReminderRuns } from '../modules/compliance/reminders.jobs.js';
import { scheduleWeeklyRecaps } from '../modules/recaps/recaps.jobs.js';
import { enqueueNationalRefresh, NATIONAL_REFRESH_INTERVAL_MS } from '../modules/insights/national.jobs.js';
import { PDF_SWEEP_BUDGET_MS, PDF_SWEEP_INTERVAL_MS, renderPendingSignaturePdfs } from '../modules/pledges/pledges.jobs.js';
import { changedAnything, runRetention } from '../modules/retention/retention.jobs.js';
import { resumeAnnouncementNotices } from '../modules/sosialisasi/sosialisasi.jobs.js';
import { resumeCleanCopies } from '../modules/reports/reports.jobs.js';
import { enqueueUnitStatsRefresh, UNIT_STATS_REFRESH_INTERVAL_MS } from '../modules/unit-stats/unit-stats.jobs.js';

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
    // Retention: erases reporter data whose time is up; idempotent through the reports' tombstones.
    runRetention(deps)
      .then((r) => changedAnything(r) && deps.log.info({ retention: r }, 'retensi data dijalankan'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'retensi data gagal'));
    // Announcement notices a crash left unfinished resume from their saved cursor (no duplicates).
    resumeAnnouncementNotices(deps)
      .then((n) => n > 0 && deps.log.info({ announcements: n }, 'pemberitahuan pengumuman dilanjutkan'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'pemberitahuan pengumuman gagal'));
    // Evidence images still without their clean copy (an enqueue lost, a job that gave up): again.
    resumeCleanCopies(deps)
      .then((n) => n > 0 && deps.log.info({ tenants: n }, 'salinan bersih bukti dijadwalkan ulang'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'penjadwalan salinan bersih gagal'));
    // The Bupati's weekly recap during a campaign period: idempotent per election and week (schedule key).
    scheduleWeeklyRecaps(deps)
      .then((n) => n > 0 && deps.log.info({ recaps: n }, 'rekap mingguan dijadwalkan'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'penjadwalan rekap mingguan gagal'));
  };
  const first = setTimeout(tick, FIRST_RUN_DELAY_MS);
  const every = setInterval(tick, deps.config.REMINDER_INTERVAL_HOURS * 3_600_000);
  // The national roll-up's daily rows: every tenant, hourly (idempotent: today's rows are replaced).
  const national = () => enqueueNationalRefresh(deps).catch((error: unknown) => deps.log.error({ err: error }, 'penjadwalan rekap nasional gagal'));
  const nationalFirst = setTimeout(national, FIRST_RUN_DELAY_MS);
  const nationalEvery = setInterval(national, NATIONAL_REFRESH_INTERVAL_MS);
  // The tenant dashboards' per-unit counts: tenants with changes since the last refresh, every minute.
  const unitStats = () => enqueueUnitStatsRefresh(deps).catch((error: unknown) => deps.log.error({ err: error }, 'penjadwalan ringkasan dasbor gagal'));
  const unitStatsEvery = setInterval(unitStats, UNIT_STATS_REFRESH_INTERVAL_MS);
  unitStatsEvery.unref();
  // Signed PDFs not yet downloaded: rendered a few at a time; a sweep still running skips the tick.
  let sweeping = false;
  const pdfSweep = () => {
    if (sweeping) return;
    sweeping = true;
    renderPendingSignaturePdfs(deps, { budgetMs: PDF_SWEEP_BUDGET_MS })
      .then((n) => n > 0 && deps.log.info({ pdfs: n }, 'PDF pakta dibuat'))
      .catch((error: unknown) => deps.log.error({ err: error }, 'pembuatan PDF pakta gagal'))
      .finally(() => (sweeping = false));
  };
  const pdfEvery = setInterval(pdfSweep, PDF_SWEEP_INTERVAL_MS);
  for (const timer of [first, every, nationalFirst, nationalEvery, pdfEvery]) timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
    clearTimeout(nationalFirst);
    clearInterval(nationalEvery);
    clearInterval(unitStatsEvery);
    clearInterval(pdfEvery);
  };
}
