import type { PgQueryable } from 'bullmq';
import type { Leases } from '../pipeline/chat-lock.ts';
import type { PaceStore, SlotRequest } from './pacer.ts';

/*
 * The PostgreSQL-only mode's equivalents of the Redis scripts: the same rules, stamped by the database's clock
 * (clock_timestamp(), read after any lock is taken). Tables and functions: migration 20261201183217_pg_queue_backend.
 */

/** Slots in "PaceSlot" and pauses in "PaceBlock", granted by antq_pace_acquire under a lock per platform. */
export class PostgresPaceStore implements PaceStore {
  constructor(readonly pool: PgQueryable) {}

  async acquire(r: SlotRequest): Promise<number> {
    const { rows } = await this.pool.query<{ wait: number }>(
      'SELECT antq_pace_acquire($1, $2, $3, $4, $5, $6, $7) AS wait',
      [r.platform, r.limit, r.windowUs, r.token, r.chat, r.gapMs, r.maxHoldUs],
    );
    return rows[0]!.wait;
  }

  async renew(r: SlotRequest): Promise<void> {
    await this.pool.query(
      `UPDATE "PaceSlot" SET "renewedAt" = clock_timestamp()
        WHERE "platform" = $1 AND "token" = $2 AND "finishedAt" IS NULL`,
      [r.platform, r.token],
    );
  }

  async release(r: SlotRequest): Promise<void> {
    await this.pool.query('SELECT antq_pace_release($1, $2, $3, $4)', [r.platform, r.token, r.chat, r.gapMs]);
  }

  async hold(platform: string, ms: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO "PaceBlock" ("platform", "key", "until")
         VALUES ($1, '', clock_timestamp() + make_interval(secs => $2::double precision / 1000))
         ON CONFLICT ("platform", "key") DO UPDATE SET "until" = EXCLUDED."until"`,
      [platform, Math.max(1, Math.ceil(ms))],
    );
  }
}

/** Leases in "Lease": one statement each, so taking one is atomic; an expired lease is taken over in place. */
export class PostgresLeases implements Leases {
  constructor(readonly pool: PgQueryable) {}

  async take(key: string, token: string, ms: number): Promise<boolean> {
    const { rows } = await this.pool.query(
      `INSERT INTO "Lease" ("key", "token", "expiresAt")
         VALUES ($1, $2, clock_timestamp() + make_interval(secs => $3::double precision / 1000))
         ON CONFLICT ("key") DO UPDATE SET "token" = EXCLUDED."token", "expiresAt" = EXCLUDED."expiresAt"
           WHERE "Lease"."expiresAt" <= clock_timestamp()
         RETURNING 1`,
      [key, token, ms],
    );
    return rows.length === 1;
  }

  async extend(key: string, token: string, ms: number): Promise<void> {
    await this.pool.query(
      `UPDATE "Lease" SET "expiresAt" = clock_timestamp() + make_interval(secs => $3::double precision / 1000)
        WHERE "key" = $1 AND "token" = $2`,
      [key, token, ms],
    );
  }

  async drop(key: string, token: string): Promise<void> {
    await this.pool.query('DELETE FROM "Lease" WHERE "key" = $1 AND "token" = $2', [key, token]);
  }
}
