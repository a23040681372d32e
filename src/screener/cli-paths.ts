/** Argument parsing and default data paths shared by the training and evaluation CLIs. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** `--name value` pairs and bare flags (`--all` → "true"). */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), 'true');
  }
  return out;
}

/**
 * The hate-speech training data is NOT in the repository: its SPLIT.md asks not to redistribute it.
 * It is read from NETRA_SHARED_DATA (set by .ci/run), else the shared folder beside the repository
 * (../shared/data/…), else a local copy under data/ (git-ignored).
 */
export function hateDataPath(): string {
  const name = join('id-multilabel-hate-speech', 'train.csv');
  const candidates = [process.env.NETRA_SHARED_DATA && join(process.env.NETRA_SHARED_DATA, name), join(REPO_ROOT, '..', 'shared', 'data', name), join(REPO_ROOT, 'data', name)].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

export function resolvePaths(args: Map<string, string>) {
  return {
    hateData: args.get('hate-data') ?? hateDataPath(),
    partisanData: args.get('partisan-data') ?? join(REPO_ROOT, 'datasets', 'partisan-dev', 'posts.jsonl'),
    watchlist: args.get('watchlist') ?? join(REPO_ROOT, 'datasets', 'partisan-dev', 'watchlist.example.json'),
    out: args.get('out') ?? join(REPO_ROOT, 'models'),
  };
}
