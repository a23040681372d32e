// `npm run proof`: the full-length proofs of issue #8. CI runs their short modes inside `npm test`;
// this runs them at full length: 20 SIGKILL rounds per back end, the property tests with many more
// runs, every security suite on PGlite and PostgreSQL, the stored-XSS journey, and the 30-minute soak.
// Needs PostgreSQL (TEST_DATABASE_URL, default the local trust-auth server) and Debian's Chromium.
// `--skip-soak` leaves out the 30 minutes of load.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  NETRA_FUZZ_RUNS: process.env.NETRA_FUZZ_RUNS ?? '200',
};
const skipSoak = process.argv.includes('--skip-soak');
const suites = ['fuzz-endpoints', 'hostile-uploads', 'csp', 'access-matrix', 'auth-attacks', 'privacy', 'retention', 'backup-restore'].map((f) => `tests/integration/${f}.test.ts`);

const steps = [
  ['crash: 20 × SIGKILL on PostgreSQL and PGlite', 'node', ['--import', 'tsx', 'proof/crash.ts', '--rounds', '20', '--backend', 'both']],
  ['security suites on PGlite and PostgreSQL', 'npx', ['vitest', 'run', '--project', 'integration-pglite', '--project', 'integration-postgres', ...suites]],
  ['stored XSS and CSP in Chromium', 'npx', ['vitest', 'run', '--project', 'e2e', 'tests/e2e/stored-xss.test.ts']],
  ...(skipSoak ? [] : [['soak: 30 minutes of mixed load on PostgreSQL', 'node', ['--import', 'tsx', 'bench/soak.ts', '--minutes', '30']]]),
];

const failed = [];
for (const [label, cmd, args] of steps) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  console.log(`  ${result.status === 0 ? 'ok' : 'GAGAL'} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (result.status !== 0) failed.push(label);
}
console.log(failed.length ? `\nproof gagal: ${failed.join('; ')}` : '\nproof lulus: semua langkah berhasil');
process.exit(failed.length ? 1 : 0);
