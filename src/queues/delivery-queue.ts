import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Platform } from '../core/messages.ts';
import { MAX_DELIVERY_ATTEMPTS, type Deliverer } from '../features/broadcasts/deliver.ts';
import type { QueuedDelivery } from '../features/broadcasts/fanout.ts';
import type { Logger } from '../logger.ts';
import { SendError } from '../platforms/types.ts';

/** One broadcast recipient; the delivery row in PostgreSQL holds everything else. */
interface DeliveryJob {
  d: string;
}

/** Job states that will still run: what the reconciler compares with the ledger's queued rows. */
const PENDING_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/** Delivery jobs, one queue per platform so each is paced and paused on its own. */
export class DeliveryQueues {
  readonly #queues = new Map<Platform, Queue<DeliveryJob>>();

  constructor(connection: Redis, prefix: string, platforms: readonly Platform[]) {
    for (const platform of platforms) {
      this.#queues.set(
        platform,
        new Queue<DeliveryJob>(`deliver-${platform}`, {
          connection,
          prefix,
          defaultJobOptions: {
            attempts: MAX_DELIVERY_ATTEMPTS,
            backoff: { type: 'exponential', delay: 2000 },
            removeOnComplete: true,
            removeOnFail: true,
          },
        }),
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

/** A worker per platform; a 429 pauses that platform's whole queue and puts the job back without using an attempt. */
export function startDeliveryWorkers(
  connection: Redis,
  prefix: string,
  queues: DeliveryQueues,
  concurrency: number,
  deliverer: Deliverer,
  log: Logger,
): Worker<DeliveryJob>[] {
  return queues.platforms.map((platform) => {
    const queue = queues.queue(platform)!;
    const worker = new Worker<DeliveryJob>(
      queue.name,
      async (job) => {
        try {
          await deliverer.deliver(BigInt(job.data.d), job.attemptsMade + 1 >= MAX_DELIVERY_ATTEMPTS);
        } catch (err) {
          if (err instanceof SendError && err.reason === 'rate_limited') {
            await queue.rateLimit(err.retryAfterMs ?? 1000);
            throw Worker.RateLimitError();
          }
          throw err;
        }
      },
      {
        connection,
        prefix,
        concurrency,
        // Only so that queue.rateLimit() can pause the queue: pacing itself is the sliding-window pacer's.
        limiter: { max: 1_000_000, duration: 1000 },
        // A killed worker's jobs come back soon; the delivery row keeps a re-run from sending twice.
        lockDuration: 10_000,
        stalledInterval: 5_000,
        maxStalledCount: 2,
      },
    );
    worker.on('failed', (job, err) => {
      if (job && job.attemptsMade < MAX_DELIVERY_ATTEMPTS)
        log.debug({ err, jobId: job.id }, 'delivery will be retried');
    });
    worker.on('error', (err) => log.error({ err, platform }, 'delivery worker error'));
    return worker;
  });
}
