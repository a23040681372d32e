import { describe, expect, it } from 'vitest';
import { bucketCsr, buildRawCsr, Featuriser, fitVocabulary, rawCharTokens, VocabularyIndex, vocabularyCsr } from './features.js';

const TEXTS = [
  'USER USER Kaum cebong kapir udah keliatan dongoknya!!! hahahah 😄😄',
  '  \tdua\u00a0spasi\u3000lebar\u2028baris\nbaru  ',
  '⟨bukan placeholder⟩ ⟨x 🙏🏽amin -_- @user #TagarKu',
  '',
  '   ',
  'Ä É İ ß ǅ',
];

describe('features', () => {
  it('computes the raw character block in place exactly as featurise() over rawCharTokens()', () => {
    const f = new Featuriser();
    for (const text of TEXTS) {
      const a = f.featurise([], [], rawCharTokens(text));
      const ref = { idx: Array.from(a.idx), val: Array.from(a.val), word: f.wordNnz };
      const b = f.featuriseRawChars(text);
      expect({ idx: Array.from(b.idx), val: Array.from(b.val), word: f.wordNnz }).toEqual(ref);
    }
  });

  it('maps keys to vocabulary columns with min_df per block and drops unknown keys', () => {
    const f = new Featuriser();
    const docs = [{ tokens: ['a', 'b'] }, { tokens: ['a', 'c'] }, { tokens: ['d'] }];
    const raw = buildRawCsr(f, docs);
    const vocab = fitVocabulary(raw, [0, 1, 2], { word: 2, char: 1 });
    expect(vocab.words).toEqual(Int32Array.of(f.wordKey('a')));
    const index = new VocabularyIndex(vocab);
    expect(index.column(f.wordKey('a'), false)).toBe(0);
    expect(index.column(f.wordKey('a'), true)).toBe(-1);
    expect(index.column(f.wordKey('b'), false)).toBe(-1);
    const x = vocabularyCsr(raw, [2, 0], index);
    expect(x.dim).toBe(1 + vocab.chars.length);
    // Row "d": no word in the vocabulary, its character n-grams are.
    expect(x.split![0]).toBe(0);
    expect(Array.from(x.idx.subarray(x.ptr[1]!, x.split![1]!))).toEqual([0]);
    expect(bucketCsr(raw, 4).idx.every((j) => j >= 0 && j < 16)).toBe(true);
  });
});
