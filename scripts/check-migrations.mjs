// Fails when the Drizzle schema and the committed migrations drift apart: drizzle-kit generates
// into a scratch copy of ./drizzle and must find nothing to add.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'netra-drift-'));
try {
  cpSync('drizzle', scratch, { recursive: true });
  const before = readdirSync(scratch).filter((f) => f.endsWith('.sql')).length;
  execFileSync('npx', ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', './src/server/db/schema/index.ts', '--out', scratch, '--name', 'drift'], { stdio: 'pipe' });
  const after = readdirSync(scratch).filter((f) => f.endsWith('.sql'));
  if (after.length !== before) {
    console.error('Skema Drizzle dan migrasi berbeda. Jalankan `npm run db:generate` lalu commit migrasi baru:');
    console.error(after.filter((f) => f.includes('drift')).map((f) => `  ${f}`).join('\n'));
    process.exit(1);
  }
  console.log('Migrasi sesuai skema (tidak ada drift).');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
