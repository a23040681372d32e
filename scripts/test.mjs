// `npm test`: static checks, then unit + integration tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), then the end-to-end journey in headless Chromium.
// Ends with the line "N passed, N failed" summed over every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) ok = false;
  return result.status === 0;
}

function vitest(label, projects, report) {
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  run(label, 'npx', args);
  if (!existsSync(report)) {
    totals.failed++;
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests + (json.numFailedTestSuites ?? 0) * (json.numFailedTests === 0 ? 1 : 0);
  totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}

mkdirSync('test-results', { recursive: true });
if (!run('tsc --noEmit (strict)', 'npx', ['tsc', '--noEmit', '-p', '.'])) totals.failed++;
if (!run('skema vs migrasi (drift)', 'node', ['scripts/check-migrations.mjs'])) totals.failed++;
if (!run('build web', 'npx', ['vite', 'build', '--logLevel', 'warn'], { NODE_ENV: 'production' })) totals.failed++;

const integration = ['unit', 'integration-pglite', ...(process.env.TEST_DATABASE_URL ? ['integration-postgres'] : [])];
if (!process.env.TEST_DATABASE_URL) console.log('\n(TEST_DATABASE_URL tidak diisi: tes integrasi hanya pada PGlite.)');
vitest('unit + integrasi', integration, 'test-results/vitest-integration.json');

const hasChromium = existsSync('/usr/bin/chromium');
if (process.env.NETRA_SKIP_E2E === '1' || (!hasChromium && !process.env.CI)) {
  console.log('\n(E2E dilewati: Chromium tidak ada di /usr/bin/chromium. Pasang dengan `apt-get install -y chromium`.)');
} else {
  vitest('end-to-end (Chromium)', ['e2e'], 'test-results/vitest-e2e.json');
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
