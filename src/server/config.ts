/**
 * The only module that reads process.env. Parsed with Zod at boot: the process refuses to start and
 * lists every problem at once, so an operator fixes them in one go.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The OWASP Password Storage Cheat Sheet's argon2id minimums (memory KiB, iterations; p = 1), which it
 * lists as equal in the defence they give: a setting passes when it reaches one of them.
 */
export const OWASP_ARGON2ID_MINIMA = [[47_104, 1], [19_456, 2], [12_288, 3], [9_216, 4], [7_168, 5]] as const;
export const meetsOwaspArgon2id = (memoryKib: number, timeCost: number) => OWASP_ARGON2ID_MINIMA.some(([m, t]) => memoryKib >= m && timeCost >= t);

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Public base URL used in e-mails and printed at start. */
    PUBLIC_URL: z.string().url().optional(),
    /** postgres://… selects a PostgreSQL server; unset means embedded PGlite in DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'harus diawali postgres:// atau postgresql://')
      .optional(),
    DATA_DIR: z.string().default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Load the demo Pemda on first start when the database has no tenant. */
    SEED_DEMO: bool.default(true),
    DEMO_EMPLOYEES: z.coerce.number().int().min(0).max(200_000).default(3000),
    /** smtp://user:pass@host:port or smtps://…; unset means the dev outbox page. */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'harus diawali smtp:// atau smtps://').optional(),
    MAIL_FROM: z.string().default('Netra <no-reply@netra.local>'),
    COOKIE_SECURE: bool.default(false),
    /**
     * Behind a reverse proxy: how many proxy hops to trust for the client address (0 = none). Per-IP
     * rate limits need the real client address, or a whole Pemda shares the proxy's budget.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    /** Sign-in attempts (password or OTP) per client address per minute, on top of per-account lock-out. */
    RATE_LIMIT_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
    /** argon2id memory cost in KiB; above the library default (19 MiB) on purpose. */
    ARGON2_MEMORY_KIB: z.coerce.number().int().min(19_456).max(1_048_576).default(65_536),
    ARGON2_TIME_COST: z.coerce.number().int().min(2).max(10).default(3),
    /**
     * argon2id cost for report receipt keys: one of OWASP's equal-strength minimum settings (12 MiB,
     * t=3, p=1 by default: the one that runs fastest here, see docs/SECURITY.md). The key is 100
     * random bits, so no cost makes guessing feasible or infeasible; the hash is slow only so a leaked
     * table is not a list of keys. Passwords keep the higher cost above. The pair is checked below.
     */
    RECEIPT_ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).max(1_048_576).default(12_288),
    RECEIPT_ARGON2_TIME_COST: z.coerce.number().int().min(1).max(10).default(3),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    OTP_TTL_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
    IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(100 * 1024 * 1024),
    /**
     * Ed25519 key that signs pledge records: base64 of a 32-byte seed. Unset: a key is generated once
     * into DATA_DIR/keys (fine for one server; set it explicitly when several servers share a database).
     */
    PLEDGE_SIGNING_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'harus base64 dari 32 byte (seed Ed25519)')
      .optional(),
    /**
     * Key-encryption key for rahasia reporter identities and report contacts (envelope encryption):
     * base64 of 32 bytes. Unset: generated once into DATA_DIR/keys (back that directory up with the
     * database; without the key the sealed identities cannot be read).
     */
    REPORT_SEALING_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'harus base64 dari 32 byte')
      .optional(),
    /** HMAC secret for proof-of-work challenges and the receipt-session cookie; unset: generated into DATA_DIR/keys. */
    REPORT_HMAC_KEY: z.string().min(32, 'minimal 32 karakter').optional(),
    /** Proof of work (altcha, PBKDF2/SHA-256): iterations per attempt and the largest secret counter. */
    POW_COST: z.coerce.number().int().min(1).max(1_000_000).default(5000),
    POW_MAX_NUMBER: z.coerce.number().int().min(2).max(10_000_000).default(10_000),
    /** Evidence limits per report: bytes per file, bytes in total, number of files. */
    REPORT_FILE_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
    REPORT_TOTAL_MAX_BYTES: z.coerce.number().int().min(1024).default(60 * 1024 * 1024),
    REPORT_MAX_FILES: z.coerce.number().int().min(1).max(50).default(10),
    /** Public report submissions per client address per hour (kept in memory only). */
    REPORT_SUBMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Run background jobs inside the request (tests) instead of through pg-boss. */
    JOBS_INLINE: bool.default(false),
    /** Worker threads that render PDFs off the event loop; 0 renders in the request's thread. Unset: one per spare core (at least 1). */
    PDF_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
    /** Hours between compliance reminder runs; each person still gets at most one reminder a day per kind. */
    REMINDER_INTERVAL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
    /**
     * Retention (modules/retention, runs with the scheduler): months after a report's case closes (or
     * the report itself, when it never became a case) before the reporter's sealed identity and contact
     * e-mail are erased, leaving a dated tombstone.
     */
    RETENTION_REPORTER_CONTACT_MONTHS: z.coerce.number().int().min(1, 'minimal 1 bulan').max(120, 'maksimal 120 bulan').default(12),
    /** Months after a report is rejected (ditolak, never a case) before its evidence files are deleted. */
    RETENTION_REJECTED_REPORT_MONTHS: z.coerce.number().int().min(1, 'minimal 1 bulan').max(120, 'maksimal 120 bulan').default(12),
  })
  .superRefine((c, ctx) => {
    if (meetsOwaspArgon2id(c.RECEIPT_ARGON2_MEMORY_KIB, c.RECEIPT_ARGON2_TIME_COST)) return;
    const message = `di bawah minimum OWASP untuk argon2id: pilih salah satu ${OWASP_ARGON2ID_MINIMA.map(([m, t]) => `≥ ${m} KiB dengan t ≥ ${t}`).join(', ')}`;
    for (const path of ['RECEIPT_ARGON2_MEMORY_KIB', 'RECEIPT_ARGON2_TIME_COST']) ctx.addIssue({ code: 'custom', path: [path], message });
  })
  // Production without SMTP would silently strand every employee at the one-time-code step.
  .refine((c) => c.NODE_ENV !== 'production' || !!c.SMTP_URL, { path: ['SMTP_URL'], message: 'wajib diisi bila NODE_ENV=production (kode masuk pegawai dikirim lewat e-mail)' })
  .transform((c) => ({
    ...c,
    DATA_DIR: resolve(c.DATA_DIR),
    PUBLIC_URL: c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? '127.0.0.1' : c.HOST}:${c.PORT}`,
    isDevOutbox: !c.SMTP_URL,
  }));

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Konfigurasi tidak valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses configuration from an env-like record; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.in.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
