// `npm run restore -- --from <dir> [--force] [--keys <dir>]`: restores a backup made by `npm run backup`
// into the installation configured like the server (DATABASE_URL, DATA_DIR), then verifies it against
// the backup's manifest. See docs/OPERATIONS.md.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.js';
import { DataDirLockedError } from '../src/server/db/lock.js';
import { OpsError, restoreBackup } from '../src/server/ops/backup.js';

let values: { from?: string; force?: boolean; keys?: string; 'no-keys'?: boolean };
try {
  ({ values } = parseArgs({ options: { from: { type: 'string' }, force: { type: 'boolean', default: false }, keys: { type: 'string' }, 'no-keys': { type: 'boolean', default: false } } }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(64);
}
if (!values.from) {
  console.error('Pemakaian: npm run restore -- --from <direktori-cadangan> [--force] [--keys <direktori-berisi-keys/>] [--no-keys]');
  process.exit(64);
}

const config = loadConfig();
const log = { info: (l: string) => console.log(l), warn: (l: string) => console.warn(`⚠ ${l}`) };
try {
  const result = await restoreBackup(config, values.from, { force: values.force ?? false, keysDir: values['no-keys'] ? null : values.keys }, log);
  for (const c of result.chain) console.log(c.ok ? `✔ rantai audit ${c.slug}: ${c.checked} entri utuh` : `✘ rantai audit ${c.slug} putus`);
  if (!result.ok) {
    console.error(`✘ Pemulihan selesai tetapi tidak cocok dengan manifest (${result.problems.length} masalah):`);
    for (const p of result.problems.slice(0, 50)) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`✔ Pemulihan selesai dan cocok dengan manifest: ${result.tables} tabel, ${result.rows} baris, ${result.files} berkas, ${result.keys} kunci${result.pathsRewritten ? `, ${result.pathsRewritten} lokasi berkas disesuaikan` : ''}.`);
  console.log('  Jalankan Netra seperti biasa (npm start); migrasi yang lebih baru diterapkan saat mulai.');
  process.exit(0);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(`${error.message}\nHentikan server Netra dulu, lalu ulangi pemulihan.`);
    process.exit(75);
  }
  if (error instanceof OpsError) {
    console.error(`✘ ${error.message}`);
    process.exit(error.exitCode);
  }
  throw error;
}
