import { Queue, Worker } from 'bullmq';
import type { BullConnection } from './backend.ts';
import type { Logger } from '../logger.ts';

const QUEUE = 'reminders';

/** A reminder's delayed job (its id says which reminder and when), or a request to match the queue to the ledger. */
type ReminderJob = Record<string, never>;

/**
 * Festival reminders as delayed jobs. The FestivalReminder rows are the
 * ledger; `sync` makes the delayed jobs match them: adds what is missing
 * (after a restart or a lost Redis), removes what the ledger no longer expects
 * (a moved or cancelled festival).
 */
export class ReminderQueue {
  readonly queue: Queue<ReminderJob>;

  constructor(bull: BullConnection) {
    this.queue = new Queue<ReminderJob>(
      QUEUE,
      {
        ...bull.opts,
        defaultJobOptions: {
          removeOnComplete: true,
          removeOnFail: true,
          attempts: 3,
          backoff: { type: 'fixed', delay: 2000 },
        },
      },
      bull.factory,
    );
  }

  /** Asks a worker to sync now (festival created, moved or cancelled). */
  async requestSync(): Promise<void> {
    await this.queue.add('sync', {}, { deduplication: { id: 'sync', keepLastIfActive: true }, attempts: 1 });
  }

  async sync(pending: Array<{ jobId: string; dueAt: Date }>): Promise<{ added: number; removed: number }> {
    const wanted = new Set(pending.map((p) => p.jobId));
    let removed = 0;
    for (const job of await this.queue.getJobs(['delayed', 'waiting', 'prioritized'])) {
      if (job?.name !== 'remind' || wanted.has(job.id!)) continue;
      removed += await job.remove().then(
        () => 1,
        () => 0,
      );
    }
    const now = Date.now();
    const existing = await Promise.all(pending.map((p) => this.queue.getJob(p.jobId)));
    const missing = pending.filter((_, n) => !existing[n]);
    if (missing.length) {
      await this.queue.addBulk(
        missing.map((p) => ({
          name: 'remind',
          data: {},
          opts: { jobId: p.jobId, delay: Math.max(0, p.dueAt.getTime() - now) },
        })),
      );
    }
    return { added: missing.length, removed };
  }

  close() {
    return this.queue.close();
  }
}

export function startReminderWorker(
  bull: BullConnection,
  handlers: { fire(jobId: string): Promise<unknown>; sync(): Promise<unknown> },
  log: Logger,
): Worker<ReminderJob> {
  const worker = new Worker<ReminderJob>(
    QUEUE,
    (job) => (job.name === 'remind' ? handlers.fire(job.id!) : handlers.sync()),
    { ...bull.opts, concurrency: 2 },
    bull.factory,
  );
  worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id }, 'reminder job failed'));
  worker.on('error', (err) => log.error({ err }, 'reminder worker error'));
  return worker;
}
