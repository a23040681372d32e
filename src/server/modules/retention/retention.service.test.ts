import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { changedAnything } from './retention.jobs.js';
import { emptyResult, monthsBefore } from './retention.service.js';

describe('retention clock', () => {
  it('counts whole calendar months back, the day clamped to the shorter month', () => {
    expect(monthsBefore(new Date('2027-03-31T10:00:00Z'), 1).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(monthsBefore(new Date('2028-03-31T10:00:00Z'), 1).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(monthsBefore(new Date('2027-01-15T00:00:00Z'), 12).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(monthsBefore(new Date('2027-01-15T00:00:00Z'), 13).toISOString()).toBe('2025-12-15T00:00:00.000Z');
    expect(monthsBefore(new Date('2027-12-31T23:59:59.999Z'), 120).toISOString()).toBe('2017-12-31T23:59:59.999Z');
  });

  it('reports a run as a change only when something was erased', () => {
    expect(changedAnything(emptyResult())).toBe(false);
    expect(changedAnything({ ...emptyResult(), noticesErased: 1 })).toBe(true);
  });

  it('takes its periods from the configuration, validated at boot', () => {
    expect(loadConfig({})).toMatchObject({ RETENTION_REPORTER_CONTACT_MONTHS: 12, RETENTION_REJECTED_REPORT_MONTHS: 12 });
    expect(loadConfig({ RETENTION_REPORTER_CONTACT_MONTHS: '24', RETENTION_REJECTED_REPORT_MONTHS: '3' })).toMatchObject({ RETENTION_REPORTER_CONTACT_MONTHS: 24, RETENTION_REJECTED_REPORT_MONTHS: 3 });
    for (const bad of ['0', '121', '1.5', 'setahun']) {
      expect(() => loadConfig({ RETENTION_REPORTER_CONTACT_MONTHS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ RETENTION_REJECTED_REPORT_MONTHS: bad }), bad).toThrow(ConfigError);
    }
  });
});
