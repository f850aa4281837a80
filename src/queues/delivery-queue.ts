import { DelayedError, Queue, Worker } from 'bullmq';
import type { BullConnection } from './backend.ts';
import type { Platform } from '../core/messages.ts';
import type { Logger } from '../logger.ts';

/** One broadcast recipient; the delivery row in PostgreSQL holds everything else. */
interface DeliveryJob {
  d: string;
}

/** A delivery row waiting for its job. */
export interface QueuedDelivery {
  id: bigint;
  broadcastId: number;
  platform: Platform;
}

/** What one run of a delivery job asks of its queue. */
export type DeliveryNext =
  /** The row is settled (or held by a paused broadcast): the job is over. */
  | { then: 'done' }
  /** The platform said "too many": its whole queue waits until then, and this job runs again (no try used). */
  | { then: 'hold-platform'; until: Date }
  /** This job runs again at that time. */
  | { then: 'retry'; at: Date };

/** What the delivery workers run: the queue knows rows by id only; the processor decides everything else. */
export interface DeliveryProcessor {
  deliver(deliveryId: bigint): Promise<DeliveryNext>;
}

/**
 * A processor that throws (its database away, a bug) is run again by BullMQ
 * this often; failed sends never throw, their retries are the processor's.
 */
const CRASH_RETRIES = { attempts: 5, backoff: { type: 'exponential', delay: 2000 } } as const;

/** Job states that will still run: what the reconciler compares with the ledger's queued rows. */
const PENDING_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/** Delivery jobs, one queue per platform so each is paced and paused on its own. */
export class DeliveryQueues {
  readonly #queues = new Map<Platform, Queue<DeliveryJob>>();

  constructor(bull: BullConnection, platforms: readonly Platform[]) {
    for (const platform of platforms) {
      this.#queues.set(
        platform,
        new Queue<DeliveryJob>(
          `deliver-${platform}`,
          {
            ...bull.opts,
            defaultJobOptions: {
              ...CRASH_RETRIES,
              removeOnComplete: true,
              removeOnFail: true,
            },
          },
          bull.factory,
        ),
      );
    }
  }

  get platforms(): Platform[] {
    return [...this.#queues.keys()];
  }

  queue(platform: Platform): Queue<DeliveryJob> | undefined {
    return this.#queues.get(platform);
  }

  /**
   * Enqueues in bulk; the job id is the delivery's, so adding a row whose job
   * is still waiting or running does nothing (rows of a platform that is off stay queued).
   */
  async add(rows: QueuedDelivery[]): Promise<void> {
    for (const [platform, queue] of this.#queues) {
      const jobs = rows
        .filter((r) => r.platform === platform)
        .map((r) => ({ name: 'deliver', data: { d: String(r.id) }, opts: { jobId: `b${r.broadcastId}-d${r.id}` } }));
      if (jobs.length) await queue.addBulk(jobs);
    }
  }

  /** Jobs that will still run, per platform. */
  async pending(platform: Platform): Promise<number> {
    const queue = this.#queues.get(platform);
    if (!queue) return 0;
    const counts = await queue.getJobCounts(...PENDING_STATES);
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  async counts(platform: Platform): Promise<Record<string, number>> {
    return (await this.#queues.get(platform)?.getJobCounts('waiting', 'active', 'delayed', 'prioritized')) ?? {};
  }

  async close(): Promise<void> {
    await Promise.all([...this.#queues.values()].map((q) => q.close()));
  }
}

/**
 * A worker per platform. A 429 pauses that platform's whole queue and puts the
 * job back without using an attempt; a retry is the same job, delayed.
 */
export function startDeliveryWorkers(
  bull: BullConnection,
  queues: DeliveryQueues,
  concurrency: number,
  processor: DeliveryProcessor,
  log: Logger,
): Worker<DeliveryJob>[] {
  return queues.platforms.map((platform) => {
    const queue = queues.queue(platform)!;
    const worker = new Worker<DeliveryJob>(
      queue.name,
      async (job, token) => {
        const next = await processor.deliver(BigInt(job.data.d));
        if (next.then === 'hold-platform') {
          await queue.rateLimit(Math.max(1, next.until.getTime() - Date.now()));
          throw Worker.RateLimitError();
        }
        if (next.then === 'retry') {
          await job.moveToDelayed(next.at.getTime(), token);
          throw new DelayedError();
        }
      },
      {
        ...bull.opts,
        concurrency,
        // Only so that queue.rateLimit() can pause the queue: pacing itself is the sliding-window pacer's.
        limiter: { max: 1_000_000, duration: 1000 },
        // A killed worker's jobs come back soon; the delivery row keeps a re-run from sending twice.
        lockDuration: 10_000,
        stalledInterval: 5_000,
        maxStalledCount: 2,
      },
      bull.factory,
    );
    worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id }, 'delivery job failed'));
    worker.on('error', (err) => log.error({ err, platform }, 'delivery worker error'));
    return worker;
  });
}
