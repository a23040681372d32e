import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPartisanDataset } from './datasets.js';
import { loadScreener, ScreenerInputError, suggestItem } from './screener.js';
import { parseWatchlist, type Watchlist } from './watchlist.js';

const root = join(import.meta.dirname, '..', '..');
const watchlist = parseWatchlist(JSON.parse(readFileSync(join(root, 'datasets/partisan-dev/watchlist.example.json'), 'utf8')));
const screener = loadScreener(join(root, 'models'));
const screen = (text: string, extra: { posted_at?: string } = {}) => screener.screen({ id: 't', text, ...extra }, watchlist);

/** Rewrites a post so that it supports pair `to` exactly as it supported pair `from`. */
function swapCamp(text: string, wl: Watchlist, a: number, b: number): string {
  const pa = wl.pairs.find((p) => p.number === a)!;
  const pb = wl.pairs.find((p) => p.number === b)!;
  const forms = (p: Watchlist['pairs'][number]) => [
    p.label, ...p.candidates.flatMap((c) => [c.name, ...c.nicknames, c.name.split(' ')[0]!]), ...p.acronyms, ...p.parties, ...p.slogans,
    ...p.hashtags, ...p.accounts, p.label.replace('–', '-'),
  ];
  const fa = forms(pa);
  const fb = forms(pb);
  const map = new Map<string, string>();
  fa.forEach((f, i) => map.set(f.toLowerCase(), fb[i]!));
  fb.forEach((f, i) => map.set(f.toLowerCase(), fa[i]!));
  const gesture = ['☝️', '✌️', '👌'];
  const words = ['satu', 'dua', 'tiga'];
  map.set(gesture[a - 1]!, gesture[b - 1]!).set(gesture[b - 1]!, gesture[a - 1]!);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...map.keys()].sort((x, y) => y.length - x.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])|\\b0?[${a}${b}]\\b|(?<=(?:paslon|nomor|urut|salam) )(?:${words[a - 1]}|${words[b - 1]})\\b|\\b(?:${words[a - 1]}|${words[b - 1]})(?= jari)`, 'giu');
  const keepCase = (orig: string, repl: string) => (orig === orig.toUpperCase() && orig !== orig.toLowerCase() ? repl.toUpperCase() : orig === orig.toLowerCase() ? repl.toLowerCase() : repl);
  return text.replace(pattern, (m) => {
    if (/^0?\d$/.test(m)) return m.replace(String(m.endsWith(String(a)) ? a : b), String(m.endsWith(String(a)) ? b : a));
    const w = words.indexOf(m.toLowerCase());
    if (w >= 0) return keepCase(m, words[w + 1 === a ? b - 1 : a - 1]!);
    return keepCase(m, map.get(m.toLowerCase()) ?? m);
  });
}

describe('screen', () => {
  it('ranks a call to vote high and explains it with spans of the original text', () => {
    const text = 'Ayo c0bl0s paslon 02 tanggal 27! #SukamajuMaju02 ✌️';
    const r = screen(text, { posted_at: '2029-10-01T09:00:00+07:00' });
    expect(r.score).toBeGreaterThan(80);
    expect(r.pair).toBe(2);
    expect(r.item?.code).toBe('D-6');
    for (const reason of r.reasons) expect(text.slice(reason.start, reason.end)).toBe(reason.text);
    expect(r.reasons.map((x) => x.rule)).toEqual(expect.arrayContaining(['vote_call', 'campaign_hashtag', 'gesture']));
    expect(r.model_version).toBe(screener.version);
  });

  it('scores hard negatives low', () => {
    for (const text of ['pilih menu nomor 2 aja, nasi goreng', 'Adik coblos balon 2 kali sampai nangis', 'Ayo dukung timnas malam ini, menangkan pertandingannya!', 'Ayo ke TPS tanggal 27, gunakan hak pilihmu. Jangan golput!', 'KPU mengingatkan: pencoblosan dimulai pukul 07.00, bawa KTP elektronik.']) {
      expect(screen(text).signals.partisan, text).toBeLessThan(30);
      expect(screen(text).score, text).toBeLessThan(35);
    }
  });

  it('still flags "jangan pilih" against a candidate', () => {
    const r = screen('Jangan pilih Budi Santoso, cuma janji manis');
    expect(r.signals.partisan).toBeGreaterThan(50);
    expect(r.reasons.find((x) => x.rule === 'vote_call')?.why).toMatch(/tidak memilih/);
  });

  it('does not depend on which camp a post supports (swap changes the score by < 5 points)', () => {
    const { posts } = readPartisanDataset(join(root, 'datasets/partisan-dev/posts.jsonl'));
    let checked = 0;
    for (const post of posts.filter((p) => p.label === 1)) {
      const base = screen(post.text);
      if (base.pair === undefined) continue;
      const other = base.pair === 1 ? 2 : base.pair === 2 ? 3 : 1;
      const swapped = swapCamp(post.text, watchlist, base.pair, other);
      const r = screen(swapped);
      expect(Math.abs(r.score - base.score), `${post.text} → ${swapped}`).toBeLessThan(5);
      expect(r.pair, swapped).toBe(other);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('is reproducible from the stored model version', () => {
    const again = loadScreener(join(root, 'models'));
    expect(again.version).toBe(screener.version);
    const text = 'Kader PSB wajib menangkan Mas Andi, satu komando!';
    expect(again.screen({ id: 'x', text }, watchlist)).toEqual(screener.screen({ id: 'x', text }, watchlist));
  });

  it('refuses empty and binary texts and flags truncated ones', () => {
    expect(() => screen('   ')).toThrow(ScreenerInputError);
    expect(() => screen('a\u0000b')).toThrow(/biner/);
    expect(() => screen('\u0001\u0002\u0003\u0004 abc')).toThrow(/biner/);
    expect(() => screener.screen({ id: 'x', text: 'ok', posted_at: 'kemarin' }, watchlist)).toThrow(/posted_at/);
    expect(screen('coblos 02 '.repeat(5000)).truncated).toBe(true);
  });
});

describe('suggestItem', () => {
  it('suggests kode etik before penetapan and disiplin on and after it (in WIB)', () => {
    expect(suggestItem('post', '2029-09-21', '2029-09-22')?.code).toBe('KE-4');
    expect(suggestItem('like', '2029-09-22', '2029-09-22')?.code).toBe('D-6');
    // 21 Sep 18:00 UTC is already 22 Sep 01:00 WIB.
    expect(suggestItem('share', '2029-09-21T18:00:00Z', '2029-09-22')?.code).toBe('D-6');
    expect(suggestItem('photo_gesture', '2029-09-01', '2029-09-22')?.code).toBe('KE-5');
    expect(suggestItem('photo_gesture', '2029-10-01', '2029-09-22')?.code).toBe('D-7');
    expect(suggestItem('post', 'bukan tanggal', '2029-09-22')).toBeNull();
  });
});
