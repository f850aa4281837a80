import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

const QUEUE = 'chats';

interface ChatJob {
  chatKey: string;
}

/**
 * "Drain this chat" jobs. They carry no data worth keeping: the inbox and
 * outbox rows in PostgreSQL are the work; a lost job is rebuilt by the sweeper.
 */
export class ChatQueue {
  readonly queue: Queue<ChatJob>;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue<ChatJob>(QUEUE, {
      connection,
      prefix,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 1 },
    });
  }

  /** Idempotent: a job id already waiting is not added twice. */
  async add(chatKey: string, jobId: string, delayMs?: number): Promise<void> {
    await this.queue.add('drain', { chatKey }, { jobId, ...(delayMs && { delay: delayMs }) });
  }

  async addMany(chatKeys: string[], jobIdOf: (chatKey: string) => string): Promise<void> {
    await this.queue.addBulk(
      chatKeys.map((chatKey) => ({ name: 'drain', data: { chatKey }, opts: { jobId: jobIdOf(chatKey) } })),
    );
  }

  close() {
    return this.queue.close();
  }
}

export function startChatWorker(
  connection: Redis,
  prefix: string,
  concurrency: number,
  drain: (chatKey: string) => Promise<void>,
  log: Logger,
): Worker<ChatJob> {
  const worker = new Worker<ChatJob>(QUEUE, (job) => drain(job.data.chatKey), { connection, prefix, concurrency });
  worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id }, 'chat drain job failed; the sweeper will retry'));
  worker.on('error', (err) => log.error({ err }, 'chat worker error'));
  return worker;
}
