import { describe, expect, it } from 'vitest';
import { daysBefore, isoWeekLabel, lastCompletedWeek, overlapsCampaign } from './recap-schedule.js';

describe('weekly recap calendar', () => {
  it('takes the last full Monday–Sunday week before today', () => {
    expect(lastCompletedWeek('2026-11-25')).toEqual({ from: '2026-11-16', to: '2026-11-22' }); // a Wednesday
    expect(lastCompletedWeek('2026-11-23')).toEqual({ from: '2026-11-16', to: '2026-11-22' }); // the Monday after
    expect(lastCompletedWeek('2026-11-22')).toEqual({ from: '2026-11-09', to: '2026-11-15' }); // a Sunday: its week is not over
  });

  it('labels ISO weeks, across a year end', () => {
    expect(isoWeekLabel('2026-11-16')).toBe('2026-W47');
    expect(isoWeekLabel('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53'); // a Friday: still the last week of 2026
  });

  it('finds a campaign stage overlapping the week, open-ended stages counting as one day', () => {
    const stages = [{ kind: 'tahapan_mulai', startsOn: '2026-01-01', endsOn: null }, { kind: 'kampanye', startsOn: '2026-09-25', endsOn: '2026-11-23' }];
    expect(overlapsCampaign(stages, '2026-11-16', '2026-11-22')).toBe(true);
    expect(overlapsCampaign(stages, '2026-11-24', '2026-11-30')).toBe(false);
    expect(overlapsCampaign([{ kind: 'kampanye', startsOn: '2026-11-18', endsOn: null }], '2026-11-16', '2026-11-22')).toBe(true);
  });

  it('counts days back', () => {
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
  });
});
