import { describe, expect, it } from 'vitest';
import { typedNameMatches } from './typed-name.js';

describe('typed name', () => {
  const name = 'Dr. Siti Aminah, S.Kom., M.Si.';
  it('accepts the name without titles and degrees, in any case and spacing, or the full name', () => {
    for (const typed of ['Siti Aminah', 'siti aminah', 'SITI  AMINAH', 'Dr. Siti Aminah', 'Dr. Siti Aminah, S.Kom., M.Si.']) expect(typedNameMatches(typed, name)).toBe(true);
  });
  it('refuses a partial or another name', () => {
    for (const typed of ['Siti', 'Aminah', 'Siti Amina', 'Budi Santoso', '']) expect(typedNameMatches(typed, name)).toBe(false);
  });
});
