/** Wires the dependencies for a running server or a CLI: database, migrations, jobs, mailer. */
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { migrateDatabase, openPglite, openPostgres, type Database } from './db/client.js';
import { lockDataDir } from './db/lock.js';
import type { AppDeps } from './deps.js';
import { InlineJobQueue, PgBossJobQueue, type JobQueue } from './jobs/queue.js';
import { createPasswordHasher } from './lib/passwords.js';
import { loadSigningKey } from './lib/signing-key.js';
import { createPdfRenderer, defaultPdfWorkers } from './lib/pdf-pool.js';
import { registerImportJobs } from './modules/imports/imports.jobs.js';
import { registerComplianceJobs } from './modules/compliance/reminders.jobs.js';
import { registerMonitoringJobs } from './modules/monitoring/monitoring.jobs.js';
import { registerRecapJobs } from './modules/recaps/recaps.jobs.js';
import { registerNationalJobs } from './modules/insights/national.jobs.js';
import { registerSosialisasiJobs } from './modules/sosialisasi/sosialisasi.jobs.js';
import { registerUnitStatsJobs } from './modules/unit-stats/unit-stats.jobs.js';
import { registerReportJobs } from './modules/reports/reports.jobs.js';
import { Mailer, MAIL_SEND_JOB } from './modules/mail/mail.service.js';
import { join } from 'node:path';

export function createLogger(config: Config): Logger {
  return pino({
    level: config.LOG_LEVEL,
    // Never log credentials or cookies; request logs carry no IP address (privacy by default).
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
    },
  });
}

/** Opens the configured database (taking the PGlite lock first) and applies migrations. */
export async function openDatabase(config: Config): Promise<{ database: Database; release: () => void }> {
  if (config.DATABASE_URL) {
    const database = openPostgres(config.DATABASE_URL);
    await migrateDatabase(database);
    return { database, release: () => {} };
  }
  const release = lockDataDir(config.DATA_DIR);
  try {
    const database = await openPglite(join(config.DATA_DIR, 'pglite'));
    await migrateDatabase(database);
    return { database, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** Builds every dependency and registers the job handlers. */
export function createDeps(config: Config, database: Database, log: Logger, jobs?: JobQueue): AppDeps {
  const queue = jobs ?? (config.JOBS_INLINE ? new InlineJobQueue(log) : new PgBossJobQueue(database, config.DATABASE_URL, log));
  const mailer = new Mailer(config, queue, log);
  const deps: AppDeps = { config, database, db: database.db, jobs: queue, mailer, passwords: createPasswordHasher(config), signingKey: loadSigningKey(config), pdf: createPdfRenderer(config.PDF_WORKERS ?? defaultPdfWorkers()), log };
  registerImportJobs(deps);
  registerComplianceJobs(deps);
  registerMonitoringJobs(deps);
  registerRecapJobs(deps);
  registerNationalJobs(deps);
  registerSosialisasiJobs(deps);
  registerUnitStatsJobs(deps);
  registerReportJobs(deps);
  queue.register(MAIL_SEND_JOB, (p) => mailer.deliver(deps.db, p as { tenantId: string; id: string; isSecret: boolean; forgetRecipient?: boolean }));
  return deps;
}
