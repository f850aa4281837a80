import { EventEmitter } from 'node:events';
import type { PGlite, Results, Transaction } from '@electric-sql/pglite';

/*
 * A `pg.Pool`-shaped face of the in-process PGlite, for code written against node-postgres (BullMQ's
 * PostgreSQL backend, the LISTEN of PgListener). PGlite is ONE session: what a pool of connections would
 * isolate is shared here (SET, advisory locks). What must not be shared is a transaction, so a client
 * that is inside one holds the instance (PGlite's transaction lock) until it ends: no other query, from
 * the pool, another client or Prisma, runs in the middle of it.
 */

export interface QueryResult {
  rows: any[];
  rowCount: number;
  fields: Array<{ name: string; dataTypeID: number }>;
  command: string;
}

export interface Notification {
  channel: string;
  payload: string;
  processId: number;
}

// As node-postgres hands them back: int8 (counts, ids) as a string.
const PG_PARSERS = { 20: (v: string) => v };

const asPg = (r: Results): QueryResult => ({
  rows: r.rows,
  rowCount: r.affectedRows || r.rows.length,
  fields: r.fields,
  command: '',
});

/** Parameterless text may hold several statements (migration files): the simple protocol runs them all. */
async function run(on: PGlite | Transaction, text: string, values?: unknown[]): Promise<QueryResult | QueryResult[]> {
  if (values?.length) return asPg(await on.query(text, values, { parsers: PG_PARSERS }));
  const results = (await on.exec(text, { parsers: PG_PARSERS })).map(asPg);
  return results.length === 1 ? results[0]! : results;
}

const withoutComments = (text: string) => text.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');

/** `LISTEN chan` / `UNLISTEN chan`, which PGlite serves through its own listen(), delivered to the client. */
function listenCommand(text: string): { listen: boolean; channel: string } | undefined {
  const m = /^\s*(UN)?LISTEN\s+("?)([A-Za-z_][A-Za-z0-9_]*|\*)\2\s*;?\s*$/i.exec(withoutComments(text));
  return m ? { listen: !m[1], channel: m[2] ? m[3]! : m[3]!.toLowerCase() } : undefined;
}

interface Lease {
  tx: Transaction;
  end: () => void;
  ended: Promise<unknown>;
}

/** What one `connect()` gives: a session's face that holds the instance while inside a transaction. */
export class EmbeddedClient extends EventEmitter {
  #lease: Lease | undefined;
  readonly #unlisten = new Map<string, () => Promise<void>>();
  #released = false;

  #idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly pglite: PGlite,
    private readonly onRelease: (client: EmbeddedClient) => void = () => undefined,
    /** As PostgreSQL's idle_in_transaction_session_timeout: a client silent this long inside a transaction loses it. */
    private readonly idleInTransactionMs = 30_000,
  ) {
    super();
  }

  /** pg.Client's connect, for holders that make their own client (PgListener): already connected. */
  async connect(): Promise<void> {}

  async query(text: string, values?: unknown[]): Promise<any> {
    if (this.#released) throw new Error('Client was released');
    const listen = listenCommand(text);
    if (listen) {
      await (listen.listen ? this.#listen(listen.channel) : this.#stopListening(listen.channel));
      return { rows: [], rowCount: 0, fields: [], command: listen.listen ? 'LISTEN' : 'UNLISTEN' };
    }
    clearTimeout(this.#idle);
    const lease = this.#lease ?? (await this.#take());
    try {
      return await run(lease.tx, text, values);
    } finally {
      // Out of any transaction: the instance is free for the others again.
      if (!this.pglite.isInTransaction()) await this.#giveBack();
      else this.#idle = setTimeout(() => void this.#abandon(), this.idleInTransactionMs).unref();
    }
  }

  /** A client that went silent inside its transaction would hold everyone: it is rolled back, the client told. */
  async #abandon(): Promise<void> {
    const lease = this.#lease;
    if (!lease) return;
    await lease.tx.query('ROLLBACK').catch(() => undefined);
    await this.#giveBack();
    if (this.listenerCount('error'))
      this.emit('error', new Error('terminating the transaction: idle in transaction for too long'));
  }

  /** Holds PGlite's transaction lock; the BEGIN PGlite issues is ended at once, so the session is as the client leaves it. */
  async #take(): Promise<Lease> {
    let end!: () => void;
    const held = new Promise<void>((r) => (end = r));
    let granted!: (tx: Transaction) => void;
    const given = new Promise<Transaction>((r) => (granted = r));
    const ended = this.pglite.transaction(async (tx) => {
      await tx.query('COMMIT');
      granted(tx);
      await held;
    });
    const tx = await Promise.race([given, ended.then(() => Promise.reject(new Error('PGlite ended the lease')))]);
    this.#lease = { tx, end, ended };
    return this.#lease;
  }

  async #giveBack(): Promise<void> {
    const lease = this.#lease;
    if (!lease) return;
    this.#lease = undefined;
    lease.end();
    await lease.ended;
  }

  async #listen(channel: string): Promise<void> {
    if (this.#unlisten.has(channel)) return;
    const off = await this.pglite.listen(channel, (payload) =>
      this.emit('notification', { channel, payload, processId: 0 } satisfies Notification),
    );
    this.#unlisten.set(channel, off);
  }

  async #stopListening(channel: string): Promise<void> {
    const channels = channel === '*' ? [...this.#unlisten.keys()] : [channel];
    for (const c of channels) {
      await this.#unlisten.get(c)?.();
      this.#unlisten.delete(c);
    }
  }

  /** Back to the pool: a transaction left open is rolled back, its LISTENs end. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    void this.#close().finally(() => this.onRelease(this));
  }

  /** pg.Client's end. */
  async end(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    await this.#close();
    this.onRelease(this);
    this.emit('end');
  }

  async #close(): Promise<void> {
    clearTimeout(this.#idle);
    if (this.#lease) {
      await this.#lease.tx.query('ROLLBACK').catch(() => undefined);
      await this.#giveBack();
    }
    await this.#stopListening('*').catch(() => undefined);
  }
}

/** The pool: single statements straight to PGlite (serialised by it), clients for sessions and LISTEN. */
export class EmbeddedPool extends EventEmitter {
  readonly #clients = new Set<EmbeddedClient>();
  #ended = false;
  /** node-postgres exposes its config here; BullMQ reads `keepAlive` (nothing to keep alive in-process). */
  readonly options = { keepAlive: true };

  constructor(
    private readonly pglite: PGlite,
    private readonly idleInTransactionMs = 30_000,
  ) {
    super();
  }

  async query(text: string, values?: unknown[]): Promise<any> {
    if (this.#ended) throw new Error('Cannot use a pool after calling end on the pool');
    return run(this.pglite, text, values);
  }

  async connect(): Promise<EmbeddedClient> {
    return this.client();
  }

  /** A client at once (pg.Client-like: `connect()` resolves immediately), e.g. for PgListener. */
  client(): EmbeddedClient {
    if (this.#ended) throw new Error('Cannot use a pool after calling end on the pool');
    const client = new EmbeddedClient(this.pglite, (c) => this.#clients.delete(c), this.idleInTransactionMs);
    this.#clients.add(client);
    return client;
  }

  get totalCount(): number {
    return this.#clients.size;
  }

  /** Ends the clients still out; PGlite itself stays open (its owner closes it). */
  async end(): Promise<void> {
    this.#ended = true;
    await Promise.all([...this.#clients].map((c) => c.end()));
  }
}
