/**
 * Holds an app's job queue in a test: jobs sent while held are kept (payloads as sent) instead of run,
 * so a test can look at what a request queued, and then run them as the worker would.
 */
import { vi } from 'vitest';
import type { AppDeps } from '../../src/server/deps.js';

type Jobs = AppDeps['jobs'];

export class HeldJobs {
  /** Jobs sent while held, in order. */
  held: { name: string; payload: Record<string, unknown> }[] = [];
  private readonly run: Jobs['enqueue'];

  constructor(private readonly jobs: Jobs) {
    this.run = jobs.enqueue.bind(jobs);
  }

  hold(): void {
    this.held = [];
    vi.spyOn(this.jobs, 'enqueue').mockImplementation(async (name, payload) => {
      this.held.push({ name, payload });
    });
  }

  /** Stops holding (every mock is restored) and runs what was held, as the worker would. */
  async release(): Promise<void> {
    vi.restoreAllMocks();
    for (const j of this.held) await this.run(j.name, j.payload);
    this.held = [];
  }

  /** Sends one job through the real queue, held or not. */
  send(name: string, payload: Record<string, unknown>) {
    return this.run(name, payload);
  }
}
