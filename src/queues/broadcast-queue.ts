import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

type ControlJob = { kind: 'fanout'; broadcastId: number } | { kind: 'reconcile' };

const QUEUE = 'broadcasts';

/** Work about whole broadcasts: writing their recipients, and asking the reconciler to look now. */
export class BroadcastQueue {
  readonly queue: Queue<ControlJob>;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue<ControlJob>(QUEUE, {
      connection,
      prefix,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 1 },
    });
  }

  /** One fan-out per broadcast at a time: the id makes a second request a no-op while one waits or runs. */
  async fanOut(broadcastId: number): Promise<void> {
    await this.queue.add('fanout', { kind: 'fanout', broadcastId }, { jobId: `fanout-${broadcastId}` });
  }

  /** A start, resume or cancel happened: reconcile now rather than at the next tick. */
  async kick(): Promise<void> {
    await this.queue.add(
      'reconcile',
      { kind: 'reconcile' },
      { deduplication: { id: 'reconcile', keepLastIfActive: true } },
    );
  }

  close() {
    return this.queue.close();
  }
}

export function startBroadcastWorker(
  connection: Redis,
  prefix: string,
  handlers: { fanOut(broadcastId: number): Promise<unknown>; reconcile(): Promise<unknown> },
  log: Logger,
): Worker<ControlJob> {
  const worker = new Worker<ControlJob>(
    QUEUE,
    (job) => (job.data.kind === 'fanout' ? handlers.fanOut(job.data.broadcastId) : handlers.reconcile()),
    { connection, prefix, concurrency: 4 },
  );
  worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id }, 'broadcast job failed; the reconciler retries'));
  worker.on('error', (err) => log.error({ err }, 'broadcast worker error'));
  return worker;
}
