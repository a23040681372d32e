#!/usr/bin/env node
// Netra command line (`npx netra screen --watchlist watchlist.json < posts.jsonl > scores.jsonl`).
// Runs the TypeScript sources through tsx, which is a runtime dependency of the project.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/screener/cli.ts');
process.exitCode = await main(process.argv.slice(2));
