import type { Tx } from '../../core/tx.ts';
import type { Db } from '../../db/client.ts';
import type { Pii } from '../../security/pii.ts';
import { OaAuthError, type OaOAuth, type OaTokenPair } from './oauth.ts';

/** How soon after a failed refresh another is tried. */
const RETRY_FAILED_MS = 60_000;

export interface OaTokensOptions {
  db: Db;
  pii: Pii;
  oauth: OaOAuth;
  appId: string;
  /** ZALO_OA_REFRESH_TOKEN: used once, when nothing is stored yet; ignored once a pair is. */
  initialRefreshToken?: string;
  /** How long before expiry the pair is refreshed (Zalo's access tokens live 25 h). */
  refreshAheadMs?: number;
  now?: () => number;
  /** Every refresh Zalo refused or that got no answer (for /metrics). */
  onRefreshFailed?: () => void;
  /**
   * The OA's token stopped working ('failing': the first failed refresh since a good pair) or works again
   * ('working': a good pair after that). Runs inside the transaction that records the change, under the lock,
   * so exactly one process sees each change, and what it writes commits with it.
   */
  onChange?: (tx: Tx, change: OaTokenChange) => Promise<void>;
  /** onChange failed (its writes undone); the change itself is stored all the same. */
  onChangeFailed?: (err: unknown) => void;
}

export type OaTokenChange = { kind: 'failing'; reason: string } | { kind: 'working' };

/** How the error of a send that waits for a token begins (the outbox row's last error). */
export const NO_USABLE_TOKEN = 'Zalo OA has no usable access token';

/** No usable token: nothing stored and no initial refresh token, or the last refresh failed. */
export class OaTokenUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`${NO_USABLE_TOKEN}: ${reason}`);
    this.name = 'OaTokenUnavailable';
  }
}

/**
 * How the stored pair stands, for /readyz, /metrics and `zalo-oa status`: nothing stored, a working pair, or a
 * failed refresh (its access token may still work until `expiresAt`). Never the tokens themselves.
 */
export type OaTokenHealth =
  | { state: 'none' }
  | { state: 'ok'; expiresAt: Date; updatedAt: Date; source: string }
  | { state: 'failing'; expiresAt: Date; lastTried: Date; reason: string };

/**
 * The OA's access token, shared by every process through PostgreSQL. Zalo's
 * refresh token is single-use and rotating: two processes refreshing with the
 * same one lose the account. So a refresh happens only under a transaction-wide
 * advisory lock on the app id, re-reads the row inside it (another process may
 * have just refreshed), and commits the new pair before anything uses it.
 */
export class OaTokens {
  readonly #ahead: number;
  readonly #now: () => number;

  constructor(readonly opts: OaTokensOptions) {
    this.#ahead = opts.refreshAheadMs ?? 30 * 60_000;
    this.#now = opts.now ?? Date.now;
  }

  /**
   * A token that works for at least the refresh margin, refreshed first when it would not. While refreshing
   * fails, a token not yet expired is still used; after a failure the refresh is tried again at most once a
   * minute (a refused refresh token does not come back to life by asking again).
   */
  async accessToken(): Promise<string> {
    const row = await this.opts.db.oaToken.findUnique({ where: { appId: this.opts.appId } });
    const left = row ? row.expiresAt.getTime() - this.#now() : 0;
    if (row && left > this.#ahead) return this.opts.pii.decrypt(row.accessEnc);
    return this.#refresh(row?.updatedAt, false);
  }

  /**
   * Zalo refused `token` as invalid (-216/-220) though it looked fresh: refresh once, unless another
   * process already replaced it, and answer the token to retry with.
   */
  async replace(token: string): Promise<string> {
    const row = await this.opts.db.oaToken.findUnique({ where: { appId: this.opts.appId } });
    if (row && this.opts.pii.decrypt(row.accessEnc) !== token) return this.opts.pii.decrypt(row.accessEnc);
    return this.#refresh(row?.updatedAt, true);
  }

  /** Stores a pair obtained by the operator's consent (`zalo-oa connect`): it replaces whatever was there. */
  async connect(pair: OaTokenPair): Promise<void> {
    await this.opts.db.$transaction(async (tx) => {
      await this.#lock(tx);
      const row = await tx.oaToken.findUnique({ where: { appId: this.opts.appId } });
      await this.#store(tx, pair, 'connect', row?.failedAt);
    });
  }

  async health(): Promise<OaTokenHealth> {
    const row = await this.opts.db.oaToken.findUnique({ where: { appId: this.opts.appId } });
    if (!row) return { state: 'none' };
    if (row.failedAt)
      return { state: 'failing', expiresAt: row.expiresAt, lastTried: row.failedAt, reason: row.failure ?? '' };
    return { state: 'ok', expiresAt: row.expiresAt, updatedAt: row.updatedAt, source: row.source };
  }

  /**
   * Refreshes under the lock. `seen` is the version of the row the caller judged: if the row changed since
   * (another process refreshed), its pair is used as it is. `refused`: Zalo refused the current access token.
   */
  async #refresh(seen: Date | undefined, refused: boolean): Promise<string> {
    const { db, pii, oauth, appId, initialRefreshToken } = this.opts;
    const outcome = await db.$transaction(
      async (tx): Promise<{ token: string } | { failure: string }> => {
        await this.#lock(tx);
        const row = await tx.oaToken.findUnique({ where: { appId } });
        const replaced = row && row.updatedAt.getTime() !== seen?.getTime() && !row.failedAt;
        const left = row ? row.expiresAt.getTime() - this.#now() : 0;
        if (row && (replaced || (left > this.#ahead && !refused))) return { token: pii.decrypt(row.accessEnc) };
        // While refreshing fails, a token not yet expired still works (unless Zalo has just refused it).
        const meanwhile = (failure: string) =>
          row && left > 0 && !refused ? { token: pii.decrypt(row.accessEnc) } : { failure };
        if (row?.failedAt && this.#now() - row.failedAt.getTime() < RETRY_FAILED_MS)
          return meanwhile(row.failure ?? 'refresh failed');
        const refreshToken = row ? pii.decrypt(row.refreshEnc) : initialRefreshToken;
        if (!refreshToken) return { failure: 'not connected: run `npm run cli -- zalo-oa connect`' };
        try {
          const pair = await oauth.refresh(refreshToken);
          await this.#store(tx, pair, row ? 'refresh' : 'env', row?.failedAt);
          return { token: pair.accessToken };
        } catch (err) {
          if (!(err instanceof OaAuthError)) throw err;
          this.opts.onRefreshFailed?.();
          // Committed with the transaction, so that /readyz, /metrics and the admins can tell; the pair stays.
          if (row) {
            const failure = err.message.slice(0, 300);
            await tx.oaToken.update({ where: { appId }, data: { failedAt: new Date(this.#now()), failure } });
            // The first failure of an episode; later ones (retried once a minute) are the same news.
            if (!row.failedAt) await this.#announce(tx, { kind: 'failing', reason: failure });
          }
          return meanwhile(err.message);
        }
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
    if ('token' in outcome) return outcome.token;
    throw new OaTokenUnavailable(outcome.failure);
  }

  /** One refresher at a time across processes: the lock ends with the transaction. */
  #lock(tx: Tx) {
    return tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`zalo-oa-token:${this.opts.appId}`}))`;
  }

  /** Stores a good pair; `failedBefore`: the row it replaces recorded a failed refresh, which this ends. */
  async #store(tx: Tx, pair: OaTokenPair, source: string, failedBefore: Date | null | undefined) {
    const { pii, appId } = this.opts;
    const data = {
      accessEnc: pii.encrypt(pair.accessToken),
      refreshEnc: pii.encrypt(pair.refreshToken),
      expiresAt: pair.expiresAt,
      source,
      failedAt: null,
      failure: null,
    };
    await tx.oaToken.upsert({ where: { appId }, create: { appId, ...data }, update: data });
    if (failedBefore) await this.#announce(tx, { kind: 'working' });
  }

  /**
   * Runs onChange inside a savepoint: whatever goes wrong in it is undone alone and never takes the new pair
   * with it (the old refresh token is spent by then: losing the pair would lose the account).
   */
  async #announce(tx: Tx, change: OaTokenChange): Promise<void> {
    if (!this.opts.onChange) return;
    await tx.$executeRaw`SAVEPOINT oa_token_change`;
    try {
      await this.opts.onChange(tx, change);
      await tx.$executeRaw`RELEASE SAVEPOINT oa_token_change`;
    } catch (err) {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT oa_token_change`;
      this.opts.onChangeFailed?.(err);
    }
  }
}
