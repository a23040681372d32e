import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import type { JobQueue } from './jobs/queue.js';
import type { PasswordHasher } from './lib/passwords.js';
import type { PdfRenderer } from './lib/pdf-pool.js';
import type { SigningKey } from './lib/signing-key.js';
import type { Mailer } from './modules/mail/mail.service.js';

/** Everything with a side effect, built once at boot (or by a test) and handed to routes and jobs. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  jobs: JobQueue;
  mailer: Mailer;
  passwords: PasswordHasher;
  signingKey: SigningKey;
  /** Renders PDFs on worker threads (`lib/pdf-pool.ts`). */
  pdf: PdfRenderer;
  log: Logger;
}
