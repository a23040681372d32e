/**
 * Background jobs: a name, a payload and an idempotent handler. Production runs them through pg-boss
 * (on PostgreSQL, and on PGlite through pg-boss's `db` adapter); tests run them inline so a request
 * returns after its job has finished.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface JobQueue {
  register(name: string, handler: JobHandler): void;
  enqueue(name: string, payload: Record<string, unknown>): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs each job at once, inside enqueue (tests, CLI). A failing handler is logged, as a queue would. */
export class InlineJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  constructor(private readonly log: Logger) {}
  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }
  async enqueue(name: string, payload: Record<string, unknown>): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`unknown job ${name}`);
    try {
      await handler(payload);
    } catch (error) {
      this.log.error({ err: error, job: name }, 'job failed');
    }
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

/** pg-boss sends param-less multi-statement strings (BEGIN…COMMIT): PGlite runs those with exec(). */
function pgliteAdapter(database: Extract<Database, { kind: 'pglite' }>) {
  return {
    async executeSql(text: string, values: unknown[]) {
      if (values?.length) return { rows: (await database.lite.query(text, values)).rows };
      const results = await database.lite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

export class PgBossJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly boss: PgBoss;
  constructor(database: Database, connectionString: string | undefined, private readonly log: Logger) {
    const common = { schema: 'pgboss', supervise: true, schedule: false, migrate: true } as const;
    this.boss =
      database.kind === 'pglite'
        ? new PgBoss({ ...common, db: pgliteAdapter(database) })
        : new PgBoss({ ...common, connectionString: connectionString!, max: 3 });
    this.boss.on('error', (error) => this.log.error({ err: error }, 'pg-boss error'));
  }
  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }
  async enqueue(name: string, payload: Record<string, unknown>): Promise<void> {
    await this.boss.send(name, payload, { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 30 * 60 });
  }
  async start(): Promise<void> {
    await this.boss.start();
    for (const [name, handler] of this.handlers) {
      await this.boss.createQueue(name);
      await this.boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    }
  }
  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}
