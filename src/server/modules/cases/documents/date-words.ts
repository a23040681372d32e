/**
 * Dates and numbers in words, as berita acara write them ("Pada hari ini Selasa tanggal dua puluh
 * empat bulan November tahun dua ribu dua puluh enam"): spelling the date out makes it hard to alter.
 */

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** A whole number 0 … 999 999 999 in Indonesian words ("dua ribu dua puluh enam"). */
export function spellNumberId(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) throw new RangeError(`cannot spell ${n}`);
  if (n < 12) return UNITS[n]!;
  if (n < 20) return `${UNITS[n - 10]} belas`;
  // Above eleven, "se-" replaces "satu" for 10/100/1000 (sepuluh, seratus, seribu), not for juta.
  const group = (value: number, size: number, word: string, shortOne: string | null): string => {
    const head = Math.floor(value / size);
    const rest = value % size;
    const lead = head === 1 && shortOne ? shortOne : `${spellNumberId(head)} ${word}`;
    return rest ? `${lead} ${spellNumberId(rest)}` : lead;
  };
  if (n < 100) return group(n, 10, 'puluh', null);
  if (n < 1000) return group(n, 100, 'ratus', 'seratus');
  if (n < 1e6) return group(n, 1000, 'ribu', 'seribu');
  return group(n, 1e6, 'juta', null);
}

const atNoon = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** "Selasa" for '2026-11-24'. */
export function dayNameId(iso: string): string {
  return new Intl.DateTimeFormat('id-ID', { weekday: 'long', timeZone: 'UTC' }).format(atNoon(iso));
}

/** "dua puluh empat bulan November tahun dua ribu dua puluh enam" for '2026-11-24'. */
export function spellDateId(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' }).format(atNoon(iso));
  if (!year || !month || !day) throw new RangeError(`not an ISO date: ${iso}`);
  return `${spellNumberId(day)} bulan ${monthName} tahun ${spellNumberId(year)}`;
}

/** "Pada hari ini Selasa tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam (24-11-2026)". */
export function todayInWordsId(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `Pada hari ini ${dayNameId(iso)} tanggal ${spellDateId(iso)} (${day}-${month}-${year})`;
}
