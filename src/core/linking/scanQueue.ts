import * as path from 'path';
import { workTreeRootOf } from '../git/workTree';

const repoChains = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every task already queued for the same repository key has settled, so no
 * two scans of one repository ever run at once (across all engines in this process).
 */
export async function runExclusive<T>(repoKey: string, task: () => Promise<T>): Promise<T> {
  const previous = repoChains.get(repoKey) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  repoChains.set(repoKey, settled);
  try {
    return await run;
  } finally {
    if (repoChains.get(repoKey) === settled) repoChains.delete(repoKey);
  }
}

/**
 * Coalesces requests for one repeated job: while a run is in progress, later requests share
 * one queued follow-up run (which starts after the current one, so it sees the newest state)
 * instead of each starting their own.
 */
export class CoalescingJob<T> {
  private running: Promise<T> | undefined;
  private queued: Promise<T> | undefined;

  constructor(private readonly job: () => Promise<T>) {}

  /** Result of a run that starts now, or of the single follow-up run queued behind the current one. */
  async request(): Promise<T> {
    if (!this.running) return this.start();
    this.queued ??= this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.queued;
  }

  private async start(): Promise<T> {
    this.queued = undefined;
    const run = this.job();
    this.running = run;
    try {
      return await run;
    } finally {
      // With a follow-up queued, stay "running" until it starts, so no request slips in between.
      if (this.running === run && !this.queued) this.running = undefined;
    }
  }
}

/**
 * A key naming the work tree `folder` belongs to (see {@link workTreeRootOf}); the folder
 * itself when there is none.
 */
export function repoKeyOf(folder: string): string {
  return workTreeRootOf(folder) ?? path.resolve(folder);
}
