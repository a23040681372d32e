// `npm run audit:verify`: verifies the hash chain of every tenant's audit log (same config as the server).
import { openDatabase } from '../src/server/boot.js';
import { loadConfig } from '../src/server/config.js';
import { DataDirLockedError } from '../src/server/db/lock.js';
import { verifyAllChains } from '../src/server/modules/audit/audit.cli.js';

const config = loadConfig();
try {
  const { database, release } = await openDatabase(config);
  const { ok, results } = await verifyAllChains(database.db);
  for (const r of results) {
    console.log(r.ok ? `✔ ${r.slug}: ${r.checked} entri, rantai utuh` : `✘ ${r.slug}: rantai putus di entri #${r.brokenAt!.seq} — ${r.brokenAt!.reason} (${r.checked} entri sebelumnya utuh)`);
  }
  await database.close();
  release();
  process.exit(ok ? 0 : 1);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(`${error.message}\nPada PGlite, hentikan server dulu atau periksa lewat GET /api/audit/verify.`);
    process.exit(75);
  }
  throw error;
}
