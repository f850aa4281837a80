import { Queue, Worker } from 'bullmq';
import type { BullConnection } from './backend.ts';
import type { Logger } from '../logger.ts';

type ControlJob = { kind: 'fanout'; broadcastId: number } | { kind: 'reconcile' };

const QUEUE = 'broadcasts';

/** Work about whole broadcasts: writing their recipients, and asking the reconciler to look now. */
export class BroadcastQueue {
  readonly queue: Queue<ControlJob>;

  constructor(bull: BullConnection) {
    this.queue = new Queue<ControlJob>(
      QUEUE,
      {
        ...bull.opts,
        defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 1 },
      },
      bull.factory,
    );
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
  bull: BullConnection,
  handlers: { fanOut(broadcastId: number): Promise<unknown>; reconcile(): Promise<unknown> },
  log: Logger,
): Worker<ControlJob> {
  const worker = new Worker<ControlJob>(
    QUEUE,
    (job) => (job.data.kind === 'fanout' ? handlers.fanOut(job.data.broadcastId) : handlers.reconcile()),
    { ...bull.opts, concurrency: 4 },
    bull.factory,
  );
  worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id }, 'broadcast job failed; the reconciler retries'));
  worker.on('error', (err) => log.error({ err }, 'broadcast worker error'));
  return worker;
}
