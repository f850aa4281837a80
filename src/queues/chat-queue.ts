import { Queue, Worker } from 'bullmq';
import type { BullConnection } from './backend.ts';
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

  constructor(bull: BullConnection) {
    this.queue = new Queue<ChatJob>(
      QUEUE,
      {
        ...bull.opts,
        defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 1 },
      },
      bull.factory,
    );
  }

  /**
   * One job per chat: while one waits, more asks are dropped; while one runs,
   * one follow-up is kept, so a chat is never drained twice at once and
   * nothing that arrives mid-drain is missed.
   */
  static jobOptions(chatKey: string, delayMs?: number) {
    return { deduplication: { id: chatKey, keepLastIfActive: true }, ...(delayMs && { delay: delayMs }) };
  }

  async add(chatKey: string, delayMs?: number): Promise<void> {
    await this.queue.add('drain', { chatKey }, ChatQueue.jobOptions(chatKey, delayMs));
  }

  /**
   * For the sweeper: plain jobs, past the deduplication, because a worker
   * killed mid-job leaves its chat's deduplication entry behind until BullMQ
   * finds the job stalled. At most one per chat per 10 s; the chat lock still
   * keeps drains of one chat apart.
   */
  async addSweep(chatKeys: string[]): Promise<void> {
    const window = Math.floor(Date.now() / 10_000);
    await this.queue.addBulk(
      chatKeys.map((chatKey) => ({ name: 'drain', data: { chatKey }, opts: { jobId: `s-${chatKey}-${window}` } })),
    );
  }

  close() {
    return this.queue.close();
  }
}

export function startChatWorker(
  bull: BullConnection,
  concurrency: number,
  drain: (chatKey: string) => Promise<void>,
  log: Logger,
): Worker<ChatJob> {
  const worker = new Worker<ChatJob>(
    QUEUE,
    (job) => drain(job.data.chatKey),
    { ...bull.opts, concurrency },
    bull.factory,
  );
  worker.on('failed', (job, err) => log.warn({ err, jobId: job?.id }, 'chat drain job failed; the sweeper will retry'));
  worker.on('error', (err) => log.error({ err }, 'chat worker error'));
  return worker;
}
