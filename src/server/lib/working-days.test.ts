import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, nationalHolidays } from './working-days.js';

// Cuti bersama 2026 as the SKB 3 Menteri set them (tenant data in Netra, not national holidays).
const CUTI_BERSAMA_2026 = [
  { day: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek' },
  { day: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi' },
  { day: '2026-03-20', name: 'Cuti bersama Idul Fitri' },
  { day: '2026-03-23', name: 'Cuti bersama Idul Fitri' },
  { day: '2026-03-24', name: 'Cuti bersama Idul Fitri' },
  { day: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus' },
  { day: '2026-05-28', name: 'Cuti bersama Idul Adha' },
  { day: '2026-12-24', name: 'Cuti bersama Hari Raya Natal' },
];

describe('national holidays (date-holidays, corrected to the SKB)', () => {
  it.each([
    ['2024-04-10', 'Idul Fitri'],
    ['2024-06-17', 'Idul Adha'],
    ['2024-09-16', 'Maulid Nabi Muhammad SAW'],
    ['2024-08-17', 'Hari Kemerdekaan Republik Indonesia'],
    ['2025-04-01', 'Idul Fitri'],
    ['2025-06-27', 'Tahun Baru Islam'],
    ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'],
    ['2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka)'],
    ['2026-03-21', 'Idul Fitri'],
    ['2026-03-22', 'Idul Fitri'],
    ['2026-12-25', 'Hari Raya Natal'],
    ['2027-01-01', 'Tahun Baru Masehi'],
    ['2027-05-06', 'Kenaikan Yesus Kristus'],
  ])('%s is %s', (day, name) => {
    expect(nationalHolidays(Number(day.slice(0, 4))).get(day)).toBe(name);
  });

  it('drops the computed Islamic dates the SKB moved', () => {
    expect(nationalHolidays(2024).has('2024-06-16')).toBe(false);
    expect(nationalHolidays(2025).has('2025-06-26')).toBe(false);
    expect(nationalHolidays(2026).has('2026-03-20')).toBe(false);
  });

  it('keeps both names when two holidays fall on one day (Isra Mikraj 1449 H and Natal 2027)', () => {
    expect(nationalHolidays(2027).get('2027-12-25')).toBe('Isra Mikraj Nabi Muhammad SAW; Hari Raya Natal');
  });
});

describe('working calendar', () => {
  const plain = createWorkingCalendar();
  const tenant = createWorkingCalendar({ extraDaysOff: CUTI_BERSAMA_2026 });

  it('knows weekends, national holidays and the tenant days off by name', () => {
    expect(plain.isWorkingDay('2026-11-24')).toBe(true);
    expect(plain.dayOffName('2026-11-28')).toBe('Sabtu');
    expect(plain.dayOffName('2026-11-29')).toBe('Minggu');
    expect(plain.dayOffName('2026-08-17')).toBe('Hari Kemerdekaan Republik Indonesia');
    expect(plain.isWorkingDay('2026-03-20')).toBe(true);
    expect(tenant.dayOffName('2026-03-20')).toBe('Cuti bersama Idul Fitri');
    expect(tenant.dayOffName('2026-11-24')).toBeNull();
  });

  it('adds working days across Nyepi, Idul Fitri 2026 and its cuti bersama', () => {
    // 17 Mar (Tue) → 18 cuti, 19 Nyepi, 20 cuti, 21–22 Idul Fitri (weekend), 23–24 cuti → 25, 26, 27.
    expect(tenant.addWorkingDays('2026-03-17', 3)).toBe('2026-03-27');
    // Without the tenant's cuti bersama only Nyepi and the weekend are off.
    expect(plain.addWorkingDays('2026-03-17', 3)).toBe('2026-03-23');
    expect(tenant.addWorkingDays('2026-03-17', 8)).toBe('2026-04-06'); // Good Friday 3 April is off
  });

  it('adds working days across the year end (cuti bersama 24 Dec, Natal, 1 Januari)', () => {
    expect(tenant.addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
    expect(tenant.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
    expect(plain.addWorkingDays('2026-12-23', 5)).toBe('2026-12-31');
  });

  it('does not count the start day, and a start on a day off counts from the next working day', () => {
    expect(plain.addWorkingDays('2026-11-24', 0)).toBe('2026-11-24');
    expect(plain.addWorkingDays('2026-11-24', 1)).toBe('2026-11-25');
    expect(plain.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday + 1 → Monday
    expect(plain.addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // Saturday + 1 → Monday
    expect(plain.addWorkingDays('2026-11-30', -1)).toBe('2026-11-27');
  });

  it('counts working days between two days, signed', () => {
    expect(tenant.workingDaysBetween('2026-03-17', '2026-03-27')).toBe(3);
    expect(tenant.workingDaysBetween('2026-03-27', '2026-03-17')).toBe(-3);
    expect(tenant.workingDaysBetween('2026-03-17', '2026-03-17')).toBe(0);
    expect(tenant.workingDaysBetween('2026-12-23', '2027-01-04')).toBe(5);
    expect(plain.workingDaysBetween('2026-11-28', '2026-11-29')).toBe(0);
  });

  it('agrees with addWorkingDays over long spans and several years', () => {
    for (const [from, n] of [['2024-01-02', 250], ['2025-12-01', 40], ['2026-03-01', 700]] as const) {
      const due = tenant.addWorkingDays(from, n);
      expect(tenant.workingDaysBetween(from, due)).toBe(n);
      expect(tenant.isWorkingDay(due)).toBe(true);
    }
  });

  it('refuses malformed and impossible dates', () => {
    expect(() => plain.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => plain.addWorkingDays('24/11/2026', 1)).toThrow(RangeError);
    expect(() => plain.addWorkingDays('2026-11-24', 1.5)).toThrow(RangeError);
    expect(() => createWorkingCalendar({ extraDaysOff: [{ day: '2026-13-01', name: 'x' }] })).toThrow(RangeError);
  });
});
