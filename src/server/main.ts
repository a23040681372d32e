/** `npm start`: validate config, open the database (locked), migrate, seed the demo, serve. */
import { buildApp } from './app.js';
import { createDeps, createLogger, openDatabase } from './boot.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DataDirLockedError } from './db/lock.js';
import { TIMEZONE_LABEL, type TenantTimezone } from '../shared/enums.js';
import { listActiveTenants } from './modules/tenants/tenants.repository.js';
import { seedDemo, type DemoResult } from './seed/demo.js';
import { startReminderScheduler } from './jobs/scheduler.js';
import { startAuditSealer } from './modules/audit/audit.sealer.js';
import { seedDemoCampaign } from './seed/demo-campaign.js';
import { seedDemoMonitoring } from './seed/demo-monitoring.js';
import { sweepOrphanFiles } from './lib/file-store.js';
import { findReferencedPaths } from './modules/files/files.repository.js';
import { resumeInterruptedImports } from './modules/imports/imports.jobs.js';
import { resumeCleanCopies } from './modules/reports/reports.jobs.js';
import { ensureCataloguesForAllTenants } from './modules/catalogue/catalogue.service.js';

function printBanner(config: Config, kind: string, demo: DemoResult | null): void {
  const lines = [
    '',
    `  Netra berjalan di ${config.PUBLIC_URL}`,
    `  Basis data: ${kind === 'pglite' ? `PGlite (tertanam) di ${config.DATA_DIR}` : 'server PostgreSQL (DATABASE_URL)'}`,
    `  Dokumentasi API: ${config.PUBLIC_URL}/api/docs`,
  ];
  if (demo) {
    lines.push('', `  Data demo "Kabupaten Contoh" dimuat: ${demo.units} unit, ${demo.employees} pegawai.`, '  Akun demo (kata sandi sama untuk semua):');
    for (const a of demo.accounts) lines.push(`    ${a.username.padEnd(18)} ${a.password}   peran ${a.role} — ${a.note}`);
    lines.push(`  Pegawai: masuk dengan NIP ${demo.employeeLogin.idNumber} (${demo.employeeLogin.name}); kode dikirim ke ${demo.employeeLogin.email}.`);
  }
  if (config.isDevOutbox) lines.push(`  SMTP belum diatur: e-mail (kode masuk) tampil di ${config.PUBLIC_URL}/dev/outbox dan di log.`);
  console.log(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const log = createLogger(config);
  let opened;
  try {
    opened = await openDatabase(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`\n  ${error.message}\n`);
      process.exit(75);
    }
    throw error;
  }
  const { database, release } = opened;
  const deps = createDeps(config, database, log);
  let demo: DemoResult | null = null;
  if (config.SEED_DEMO && (await listActiveTenants(deps.db)).length === 0) {
    demo = await seedDemo(deps, { employees: config.DEMO_EMPLOYEES });
    await seedDemoCampaign(deps, demo.tenantId);
    await seedDemoMonitoring(deps, demo.tenantId);
  }
  // Tenants registered before the violation catalogue existed get the built-in SKB 2022 version.
  const catalogues = await ensureCataloguesForAllTenants(deps.db);
  if (catalogues > 0) log.info({ tenants: catalogues }, 'katalog pelanggaran bawaan (SKB 2022) dimuat');
  const orphans = await sweepOrphanFiles(config.DATA_DIR, (paths) => findReferencedPaths(deps.db, paths));
  if (orphans > 0) log.warn({ removed: orphans }, 'berkas tanpa catatan (sisa proses yang terhenti) dihapus');
  // Chains the audit entries writers commit unsealed; leftovers of a crash are sealed on its first tick.
  const sealer = startAuditSealer(deps.db, { intervalMs: 250, onError: (err) => log.error({ err }, 'penyegelan log audit gagal') });
  await deps.jobs.start();
  // A crash between an import's status change and its enqueue left it waiting for no job: enqueue again.
  const resumed = await resumeInterruptedImports(deps);
  if (resumed > 0) log.warn({ imports: resumed }, 'impor yang terhenti dilanjutkan');
  // Evidence images committed without their clean copy (a crash before the job ran): queue them again.
  const cleaning = await resumeCleanCopies(deps);
  if (cleaning > 0) log.warn({ tenants: cleaning }, 'salinan bersih bukti yang tertunda dijadwalkan');
  startReminderScheduler(deps); // timers are unref'd and off with JOBS_INLINE; the process exit stops them
  const app = await buildApp(deps);
  await app.listen({ host: config.HOST, port: config.PORT });
  printBanner(config, database.kind, demo);
  if (!demo) {
    const tenants = await listActiveTenants(deps.db);
    for (const t of tenants) log.info(`instansi: ${t.name} (${t.slug}), zona waktu ${TIMEZONE_LABEL[t.timezone as TenantTimezone] ?? t.timezone}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'berhenti');
    await app.close();
    await deps.jobs.stop();
    await sealer.stop();
    deps.mailer.close();
    await deps.pdf.close();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
