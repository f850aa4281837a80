import type { EventEmitter } from 'node:events';
import type { Logger } from '../logger.ts';

/**
 * What PgListener needs of a connection: pg.Client's face. A server's is a `pg.Client`; the embedded
 * database's is a client of its pool (src/db/embedded/pool.ts), which delivers PGlite's notifications.
 */
export interface ListenConnection extends Pick<EventEmitter, 'on'> {
  connect(): Promise<unknown>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
}

/** What a channel's listener offers: a subscription to its payloads. */
export interface Notifications {
  /** Calls `hear` with each payload until the returned function is called. */
  subscribe(hear: (payload: string) => void): () => void;
}

/**
 * One connection LISTENing to a PostgreSQL channel, for everyone in this process who subscribes. NOTIFY is
 * delivered on commit, whichever process committed: what is heard has happened. A lost connection is opened
 * again after a pause; what was notified meanwhile is missed, so listeners treat a payload as a hint to look.
 */
export class PgListener implements Notifications {
  readonly #hearers = new Set<(payload: string) => void>();
  #client: ListenConnection | undefined;
  #stopped = false;
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly open: () => ListenConnection,
    private readonly channel: string,
    private readonly log: Logger,
    private readonly retryMs = 2000,
  ) {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  }

  subscribe(hear: (payload: string) => void): () => void {
    this.#hearers.add(hear);
    if (!this.#client && !this.#retry) void this.#connect();
    return () => void this.#hearers.delete(hear);
  }

  async #connect(): Promise<void> {
    this.#retry = undefined;
    if (this.#stopped) return;
    const client = this.open();
    this.#client = client;
    const lost = (err?: unknown) => {
      if (this.#client !== client) return;
      this.#client = undefined;
      void client.end().catch(() => undefined);
      if (this.#stopped) return;
      this.log.warn({ err, channel: this.channel }, 'notifications: connection lost, listening again shortly');
      this.#retry = setTimeout(() => void this.#connect(), this.retryMs);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n: { channel: string; payload?: string }) => {
      if (n.channel !== this.channel) return;
      for (const hear of this.#hearers) hear(n.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      lost(err);
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    this.#hearers.clear();
    await client?.end().catch(() => undefined);
  }
}
