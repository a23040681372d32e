import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.js';
import { applyRules } from './rules.js';
import { compileWatchlist, parseWatchlist, WatchlistError } from './watchlist.js';

const watchlist = compileWatchlist(parseWatchlist(JSON.parse(readFileSync(join(import.meta.dirname, '../../datasets/partisan-dev/watchlist.example.json'), 'utf8'))));
const rules = (text: string) => applyRules(normalise(text), watchlist);
const spans = (text: string) => rules(text).hits.map((h) => `${h.rule}:${text.slice(h.start, h.end)}`);

describe('rules', () => {
  it('finds a call to vote near a pair reference, with spans in the original text', () => {
    const text = 'Ayo C0BL0S paslon 02 tgl 27! #SukamajuMaju02 ✌️';
    const r = rules(text);
    expect(spans(text)).toEqual(expect.arrayContaining(['vote_call:C0BL0S paslon 02', 'pair_number:paslon 02', 'campaign_hashtag:SukamajuMaju02', 'gesture:✌']));
    expect(r.pair).toBe(2);
  });

  it('keeps a negated call as a reference and keeps the negation in the tokens', () => {
    const text = 'Jangan pilih Budi Santoso, gk becus';
    const r = rules(text);
    const call = r.hits.find((h) => h.rule === 'vote_call');
    expect(call?.negated).toBe(true);
    expect(call?.pair).toBe(1);
    expect(r.featureTokens).toEqual(['jangan', 'pilih', '⟨calon⟩', 'tidak', 'becus']);
  });

  it('matches names, accounts, lower-case hashtags and capitalised acronyms only', () => {
    expect(spans('Salam dari @andirina02 #budisari01')).toEqual(['campaign_account:@andirina02', 'campaign_hashtag:#budisari01']);
    expect(spans('Semangat HEBAT!')).toEqual(['acronym:HEBAT']);
    expect(spans('anak-anak hebat bersama guru')).toEqual([]);
  });

  it('does not treat menu numbers as ballot numbers', () => {
    expect(rules('pilih menu nomor 2 aja').hits).toEqual([]);
    expect(rules('Adik coblos balon 2 kali').hits).toEqual([]);
  });

  it('finds campaign-event invitations and hoax claims', () => {
    expect(spans('Hadiri kampanye akbar di GOR').map((s) => s.split(':')[0])).toContain('campaign_event');
    const r = rules('Surat suara sudah dicoblos di gudang kecamatan!');
    expect(r.hoax).toBe(1);
    expect(r.hits.filter((h) => h.rule === 'hoax_claim').map((h) => h.claim)).toEqual(['HOAKS-01', 'HOAKS-01', 'HOAKS-01']);
  });

  it('replaces every camp-specific token by a placeholder', () => {
    expect(rules('Coblos Andi Wijaya ✌️ #Maju02 @andi.wijaya PSB').featureTokens).toEqual(['coblos', '⟨calon⟩', '⟨gestur_pasangan⟩', '⟨tagar_kampanye⟩', '⟨akun_kampanye⟩', '⟨partai⟩']);
  });

  it('lists every problem of an invalid watchlist in Indonesian', () => {
    try {
      parseWatchlist({ format: 'netra.watchlist/v1', election: { id: '' }, pairs: [] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WatchlistError);
      expect((error as WatchlistError).issues.length).toBeGreaterThanOrEqual(3);
    }
  });
});
