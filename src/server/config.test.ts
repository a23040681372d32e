import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults: embedded PGlite in ./data, port 3000, dev outbox', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.DATA_DIR).toMatch(/data$/);
    expect(c.PUBLIC_URL).toBe('http://127.0.0.1:3000');
    expect(c.isDevOutbox).toBe(true);
    expect(c.ARGON2_MEMORY_KIB).toBeGreaterThan(19_456); // above the library default
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://a', SMTP_URL: 'http://b', ARGON2_MEMORY_KIB: '1' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'ARGON2_MEMORY_KIB']) expect(problems).toContain(key);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', SMTP_URL: '' }).isDevOutbox).toBe(true);
  });

  it('requires SMTP in production, where there is no dev outbox', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL/);
    expect(loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.contoh.go.id:587' }).isDevOutbox).toBe(false);
  });
});
