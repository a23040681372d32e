/**
 * The tenant's working-day calendar for case deadlines (issue 5: "every step has a due date counted in
 * working days"). Days off are Saturday, Sunday, Indonesian national public holidays, and the tenant's
 * own days (cuti bersama, libur daerah). Pure: works on 'YYYY-MM-DD' strings as calendar days, never on
 * instants, so no time zone can shift a deadline.
 *
 * National holidays come from `date-holidays` ('ID', type public), checked against the SKB 3 Menteri
 * (Menteri Agama, Menteri Ketenagakerjaan, MenPAN-RB) on national holidays and cuti bersama:
 * - The fixed-date and Christian holidays, Imlek, Nyepi and Waisak match the SKB for 2024–2027.
 * - Islamic holidays are computed (tabular Hijri calendar); the SKB follows the government's
 *   rukyat/imkanur-rukyat calendar and is sometimes one day later. Known differences are corrected in
 *   `SKB_CORRECTIONS` below for the years whose SKB we checked [K: dates as announced, check on JDIH].
 *   For later years the computed date stands until someone adds the year here; a tenant can add a
 *   missing day as "libur daerah" meanwhile (an extra day off only lengthens a deadline).
 * - From 2028 the package lists no Nyepi and no Waisak (their dates are tabulated only to 2027):
 *   tenants must add them, or a later package version will.
 * - Hari Paskah (national holiday since 2024) always falls on a Sunday and is off anyway.
 * - Cuti bersama are not in the package: each tenant records them (they bind ASN per the SKB, but a
 *   Pemda may set its own working days).
 */
import Holidays from 'date-holidays';

/** A day off with its name, as a 'YYYY-MM-DD' calendar day. */
export interface DayOff {
  day: string;
  name: string;
}

export interface WorkingCalendar {
  /** Not a weekend, national holiday or tenant day off. */
  isWorkingDay(day: string): boolean;
  /** The due date `n` working days after `fromDay` (fromDay itself not counted); n = 0 returns fromDay. */
  addWorkingDays(fromDay: string, n: number): string;
  /** Working days after `fromDay` up to and including `toDay`; negative (or 0) when toDay ≤ fromDay. */
  workingDaysBetween(fromDay: string, toDay: string): number;
  /** Why the day is off ("Sabtu", "Hari Raya Natal", a tenant's "Cuti bersama Idul Fitri"), or null on a working day. */
  dayOffName(day: string): string | null;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string; throws RangeError on anything else. */
function toDayNumber(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) throw new RangeError(`Bukan tanggal YYYY-MM-DD: ${day}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Not Date.UTC: it reads years 0–99 as 1900–1999, so a stored day off of 0001-01-01 made every
  // calendar (and so every case page) throw (found by the endpoint fuzzer).
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d);
  const ms = back.getTime();
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new RangeError(`Tanggal tidak ada: ${day}`);
  return ms / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Indonesian names as the SKB writes them (the package's Indonesian names mislabel Isra Mikraj). */
const NAMES_BY_RULE_NAME: Record<string, string> = {
  "New Year's Day": 'Tahun Baru Masehi',
  "Laylat al-Mi'raj": 'Isra Mikraj Nabi Muhammad SAW',
  'Chinese New Year': 'Tahun Baru Imlek',
  Nyepi: 'Hari Suci Nyepi (Tahun Baru Saka)',
  'Good Friday': 'Wafat Yesus Kristus',
  'End of Ramadan (Eid al-Fitr)': 'Idul Fitri',
  'Labour Day': 'Hari Buruh Internasional',
  'Ascension Day': 'Kenaikan Yesus Kristus',
  'Vesak Day': 'Hari Raya Waisak',
  'Pancasila Day': 'Hari Lahir Pancasila',
  'Feast of the Sacrifice (Eid al-Adha)': 'Idul Adha',
  'Islamic New Year': 'Tahun Baru Islam',
  'Independence Day': 'Hari Kemerdekaan Republik Indonesia',
  'Birthday of Muhammad (Mawlid)': 'Maulid Nabi Muhammad SAW',
  'Christmas Day': 'Hari Raya Natal',
};

/**
 * Where the SKB on national holidays differs from the computed Islamic dates: days to drop and days
 * to add. Sources: SKB 3 Menteri on libur nasional dan cuti bersama for each year [K].
 */
const SKB_CORRECTIONS: Record<number, { remove: string[]; add: DayOff[] }> = {
  // SKB 2024: Idul Adha Senin 17 Juni, Maulid Senin 16 September (computed: the Sundays before).
  2024: {
    remove: ['2024-06-16', '2024-09-15'],
    add: [
      { day: '2024-06-17', name: 'Idul Adha' },
      { day: '2024-09-16', name: 'Maulid Nabi Muhammad SAW' },
    ],
  },
  // SKB 2025: Idul Fitri 31 Maret–1 April, Tahun Baru Islam Jumat 27 Juni (computed: a day earlier).
  2025: {
    remove: ['2025-03-30', '2025-03-31', '2025-06-26'],
    add: [
      { day: '2025-03-31', name: 'Idul Fitri' },
      { day: '2025-04-01', name: 'Idul Fitri' },
      { day: '2025-06-27', name: 'Tahun Baru Islam' },
    ],
  },
  // SKB 2026: Idul Fitri Sabtu–Minggu 21–22 Maret (computed: 20–21); 20 Maret is cuti bersama, set by the tenant.
  2026: { remove: ['2026-03-20'], add: [{ day: '2026-03-22', name: 'Idul Fitri' }] },
};

let holidays: Holidays | null = null;
const nationalCache = new Map<number, ReadonlyMap<string, string>>();

/**
 * Years date-holidays is asked about. Outside them no national holiday is known (an empty map): for
 * year 1 the library never returns and blocked the whole server on one request (a holiday or a
 * case date of 0001-01-01, found by the endpoint fuzzer); no Netra deadline lies outside this range.
 */
const HOLIDAY_YEARS = { min: 1900, max: 2200 };

/** Indonesian national public holidays of a year (day → name), computed once per year per process. */
export function nationalHolidays(year: number): ReadonlyMap<string, string> {
  const cached = nationalCache.get(year);
  if (cached) return cached;
  if (!(year >= HOLIDAY_YEARS.min && year <= HOLIDAY_YEARS.max)) return new Map();
  holidays ??= new Holidays('ID', { types: ['public'] });
  const days = new Map<string, string>();
  for (const h of holidays.getHolidays(year, 'en')) {
    if (h.type !== 'public') continue;
    const day = h.date.slice(0, 10);
    const name = NAMES_BY_RULE_NAME[h.name] ?? h.name;
    // Two holidays on one day (Isra Mikraj and Natal on 25 December 2027): keep both names.
    const existing = days.get(day);
    days.set(day, existing && existing !== name ? `${existing}; ${name}` : name);
  }
  const fix = SKB_CORRECTIONS[year];
  if (fix) {
    for (const day of fix.remove) days.delete(day);
    for (const { day, name } of fix.add) days.set(day, name);
  }
  const sorted = new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
  nationalCache.set(year, sorted);
  return sorted;
}

const WEEKEND_NAMES: Record<number, string> = { 0: 'Minggu', 6: 'Sabtu' };

/** Builds a calendar with the tenant's extra days off (cuti bersama, libur daerah). */
export function createWorkingCalendar(options: { extraDaysOff?: readonly DayOff[] } = {}): WorkingCalendar {
  const extra = new Map<string, string>();
  for (const d of options.extraDaysOff ?? []) {
    toDayNumber(d.day);
    extra.set(d.day, d.name);
  }
  // Per year: cumulative working-day counts, so long spans cost O(years), not O(days).
  const years = new Map<number, { start: number; cumulative: Int32Array }>();

  const offName = (n: number): string | null => {
    const weekday = new Date(n * DAY_MS).getUTCDay();
    const day = fromDayNumber(n);
    const year = Number(day.slice(0, 4));
    return nationalHolidays(year).get(day) ?? extra.get(day) ?? WEEKEND_NAMES[weekday] ?? null;
  };

  const yearTable = (year: number) => {
    let table = years.get(year);
    if (!table) {
      const start = Date.UTC(year, 0, 1) / DAY_MS;
      const length = Date.UTC(year + 1, 0, 1) / DAY_MS - start;
      const cumulative = new Int32Array(length);
      let count = 0;
      for (let i = 0; i < length; i++) {
        if (offName(start + i) === null) count++;
        cumulative[i] = count;
      }
      table = { start, cumulative };
      years.set(year, table);
    }
    return table;
  };

  /** Working days in year(n) from 1 January up to and including day n, and the year itself. */
  const positionInYear = (n: number): { year: number; count: number } => {
    const year = new Date(n * DAY_MS).getUTCFullYear();
    const { start, cumulative } = yearTable(year);
    return { year, count: cumulative[n - start]! };
  };
  const workingDaysInYear = (year: number): number => {
    const { cumulative } = yearTable(year);
    return cumulative[cumulative.length - 1]!;
  };
  /** Working days in (a, b] for a ≤ b, by whole years plus the two partial years. */
  const countForward = (a: number, b: number): number => {
    const from = positionInYear(a);
    const to = positionInYear(b);
    let total = to.count - from.count;
    for (let y = from.year; y < to.year; y++) total += workingDaysInYear(y);
    return total;
  };

  return {
    isWorkingDay: (day) => offName(toDayNumber(day)) === null,
    dayOffName: (day) => offName(toDayNumber(day)),
    addWorkingDays(fromDay, n) {
      if (!Number.isInteger(n)) throw new RangeError(`Jumlah hari kerja harus bilangan bulat: ${n}`);
      let cursor = toDayNumber(fromDay);
      const step = n < 0 ? -1 : 1;
      let left = Math.abs(n);
      while (left > 0) {
        cursor += step;
        if (offName(cursor) === null) left--;
      }
      return fromDayNumber(cursor);
    },
    workingDaysBetween(fromDay, toDay) {
      const a = toDayNumber(fromDay);
      const b = toDayNumber(toDay);
      return a <= b ? countForward(a, b) : -countForward(b, a);
    },
  };
}
