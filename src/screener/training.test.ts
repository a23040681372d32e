import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHateDataset, readPartisanDataset } from './datasets.js';
import { decodeModel } from './model-file.js';
import { buildRawCsr, Featuriser, VocabularyIndex, vocabularyCsr, weightCsr } from './features.js';
import { applyPlatt, decisionValues } from './linear-model.js';
import { HATE_MODEL_FILE, loadScreener, PARTISAN_MODEL_FILE } from './screener.js';
import { resolvePaths } from './cli-paths.js';
import { DEFAULT_CONFIG, hateDoc, trainHateModel, trainPartisanModel, type TrainConfig } from './training.js';
import { compileWatchlist, parseWatchlist } from './watchlist.js';

const root = join(import.meta.dirname, '..', '..');
const paths = resolvePaths(new Map());
// A small, fast configuration; the full rebuild is checked by hand (see models/README.md).
const small: TrainConfig = { ...DEFAULT_CONFIG, features: { ...DEFAULT_CONFIG.features, bits: 12 }, hate: { ...DEFAULT_CONFIG.hate, maxIter: 60, folds: 3 }, partisan: { ...DEFAULT_CONFIG.partisan, maxIter: 60, folds: 3 } };

/**
 * The hate-speech data is not redistributed with the repository (see cli-paths.ts). Without it, on a
 * developer's machine, its tests are skipped with a notice; CI (.ci/run sets NETRA_SHARED_DATA) must have it.
 */
const hateDataPresent = existsSync(paths.hateData);
if (!hateDataPresent && process.env.CI) throw new Error(`Data ujaran kebencian tidak ditemukan di ${paths.hateData}; set NETRA_SHARED_DATA.`);
if (!hateDataPresent) console.warn(`[skrining] data ujaran kebencian tidak ada (${paths.hateData}): tes pelatihan model kebencian dilewati.`);

describe('training', () => {
  it('is deterministic for the partisanship model: training twice on the same subset gives the same bytes', () => {
    const { posts, sha256 } = readPartisanDataset(join(root, 'datasets/partisan-dev/posts.jsonl'));
    const watchlist = compileWatchlist(parseWatchlist(JSON.parse(readFileSync(join(root, 'datasets/partisan-dev/watchlist.example.json'), 'utf8'))));
    const subset = posts.filter((_, i) => i % 4 === 0);
    const p1 = trainPartisanModel(subset, sha256, watchlist, small);
    const p2 = trainPartisanModel(subset, sha256, watchlist, small);
    expect(p1.bytes.equals(p2.bytes)).toBe(true);
    expect(p1.heldout.n).toBeGreaterThan(10);
  }, 120_000);

  it.skipIf(!hateDataPresent)('is deterministic for the hate/abusive model: training twice on the same subset gives the same bytes', () => {
    const full = readHateDataset(paths.hateData);
    const hate = { ...full, rows: full.rows.slice(0, 400) };
    const a = trainHateModel(hate, small, ['HS']);
    const b = trainHateModel(hate, small, ['HS']);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const model = decodeModel(a.bytes);
    expect(model.header.kind).toBe('hate');
    expect(model.header.labels.map((l) => l.name)).toEqual(full.labels);
    expect(model.header.version).toMatch(/^[0-9a-f]{16}$/);
  }, 120_000);

  it.skipIf(!hateDataPresent)('decodes the rare-label columns without collapse (balanced class weights)', () => {
    const full = readHateDataset(paths.hateData);
    const rare = full.labels.indexOf('HS_Gender');
    const positives = full.rows.filter((r) => r.labels[rare] === 1).length;
    expect(positives).toBeGreaterThan(100);
    const stored = decodeModel(readFileSync(join(root, 'models/hate.model')), ['HS_Gender']);
    const w = stored.weights[rare]!;
    expect(w.some((v) => v > 0)).toBe(true);
  });

  it.skipIf(!hateDataPresent)('scores a post in screen() as the training pipeline does (vocabulary, idf, L2 per block, stored weights)', () => {
    const full = readHateDataset(paths.hateData);
    const hate = { ...full, rows: full.rows.slice(0, 400) };
    const trained = trainHateModel(hate, small, ['HS']);
    const { posts, sha256 } = readPartisanDataset(join(root, 'datasets/partisan-dev/posts.jsonl'));
    const watchlist = compileWatchlist(parseWatchlist(JSON.parse(readFileSync(join(root, 'datasets/partisan-dev/watchlist.example.json'), 'utf8'))));
    const partisan = trainPartisanModel(posts.filter((_, i) => i % 4 === 0), sha256, watchlist, small);
    const dir = mkdtempSync(join(tmpdir(), 'netra-model-'));
    try {
      writeFileSync(join(dir, HATE_MODEL_FILE), trained.bytes);
      writeFileSync(join(dir, PARTISAN_MODEL_FILE), partisan.bytes);
      const screener = loadScreener(dir);
      const model = decodeModel(trained.bytes);
      const texts = full.rows.slice(400, 460).map((r) => r.text);
      const raw = buildRawCsr(new Featuriser(small.features), texts.map((t) => hateDoc(t)));
      const rows = texts.map((_, i) => i);
      const x = weightCsr(vocabularyCsr(raw, rows, new VocabularyIndex(model.vocabulary!)), model.idf!);
      const hs = model.header.labels.findIndex((l) => l.name === 'HS');
      const z = decisionValues({ labels: 1, w: model.weights[hs]!, b: [model.header.labels[hs]!.bias] }, x, 0);
      texts.forEach((text, i) => {
        const expected = Math.round(applyPlatt(model.header.labels[hs]!.platt, z[i]!) * 100);
        expect(Math.abs(screener.screen({ id: String(i), text }, null).signals.hate - expected)).toBeLessThanOrEqual(1);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
