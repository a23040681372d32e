// `npm run backup -- --out <dir>`: backs up the database, the file store and (as a separate part) the
// keys of the installation configured like the server (DATABASE_URL, DATA_DIR). See docs/OPERATIONS.md.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config.js';
import { DataDirLockedError } from '../src/server/db/lock.js';
import { createBackup, OpsError } from '../src/server/ops/backup.js';

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

let out: string | undefined;
try {
  ({ values: { out } } = parseArgs({ options: { out: { type: 'string' } } }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(64);
}
if (!out) {
  console.error('Pemakaian: npm run backup -- --out <direktori-baru>');
  process.exit(64);
}

const config = loadConfig();
const log = { info: (l: string) => console.log(l), warn: (l: string) => console.warn(`⚠ ${l}`) };
try {
  const { manifest, outDir, missing } = await createBackup(config, out, log);
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  const bytes = manifest.files.reduce((a, f) => a + f.size, 0);
  console.log(`✔ Cadangan selesai: ${outDir}`);
  console.log(`  basis data: ${manifest.backend === 'pglite' ? `PGlite di ${config.DATA_DIR}` : `PostgreSQL ${manifest.source.database}`} → ${manifest.database.path} (${mib(manifest.database.size)}), ${Object.keys(manifest.tables).length} tabel, ${rows} baris`);
  console.log(`  berkas: ${manifest.files.length} berkas (${mib(bytes)}) → files/`);
  console.log(`  manifest: ${join(outDir, 'manifest.json')} (Netra ${manifest.netraVersion}, migrasi ${manifest.migrations.fingerprint}, ${manifest.createdAt})`);
  if (missing.length) {
    console.warn(`⚠ ${missing.length} berkas yang dirujuk basis data tidak ada (atau berbeda) di DATA_DIR saat pencadangan:`);
    for (const p of missing.slice(0, 20)) console.warn(`    ${p}`);
  }
  if (manifest.keys.length) {
    console.warn(`⚠ ${manifest.keys.length} kunci disalin ke ${join(outDir, 'keys')}. Pindahkan direktori keys/ itu ke tempat penyimpanan TERPISAH`);
    console.warn('  (tempat lain, pemegang lain) lalu hapus dari cadangan ini: siapa memegang basis data dan kunci sekaligus dapat');
    console.warn('  membuka identitas pelapor rahasia dan bukti asli. Tanpa kunci, data itu tidak dapat dibaca lagi. Lihat docs/SECURITY.md.');
  } else {
    console.warn('⚠ Tidak ada kunci di DATA_DIR/keys (diatur lewat konfigurasi?): cadangkan REPORT_SEALING_KEY, PLEDGE_SIGNING_KEY dan REPORT_HMAC_KEY secara terpisah.');
  }
  process.exit(0);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(`${error.message}\nCadangan PGlite hanya dapat dibuat saat server berhenti: hentikan Netra dulu, lalu ulangi.`);
    process.exit(75);
  }
  if (error instanceof OpsError) {
    console.error(`✘ ${error.message}`);
    process.exit(error.exitCode);
  }
  throw error;
}
