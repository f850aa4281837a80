import { createHash, randomBytes } from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';

/** A token call Zalo refused (its error, on HTTP 200 as often as not) or that never got an answer (`error` 0). */
export class OaAuthError extends Error {
  constructor(
    readonly error: number,
    readonly description: string,
  ) {
    super(`Zalo OA token call failed: ${error} ${description}`);
    this.name = 'OaAuthError';
  }
}

export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working, by the caller's clock. */
  expiresAt: Date;
}

// `expires_in` is documented as a string ("90000"); a number is taken too.
const answerSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number),
});

export interface OaOAuthOptions {
  appId: string;
  /** The app's secret (ZALO_APP_SECRET), sent in the `secret_key` header of token calls. */
  appSecret: string;
  /** ZALO_OAUTH_ROOT: https://oauth.zaloapp.com */
  root: string;
  timeoutMs?: number;
  now?: () => number;
}

/** A PKCE verifier and its S256 challenge, for the consent URL and the code exchange. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Zalo's OAuth v4 for an OA: the consent URL, the code exchange and the refresh. */
export class OaOAuth {
  readonly #http: AxiosInstance;

  constructor(readonly opts: OaOAuthOptions) {
    this.#http = axios.create({
      baseURL: opts.root,
      timeout: opts.timeoutMs ?? 15_000,
      validateStatus: () => true,
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: opts.appSecret },
    });
  }

  /** Where the operator grants the app access to the OA; Zalo then redirects to `redirectUri` with a code. */
  consentUrl(redirectUri: string, challenge: string, state: string): string {
    const url = new URL(`${this.opts.root}/v4/oa/permission`);
    url.search = new URLSearchParams({
      app_id: this.opts.appId,
      redirect_uri: redirectUri,
      code_challenge: challenge,
      state,
    }).toString();
    return url.toString();
  }

  exchangeCode(code: string, verifier: string): Promise<OaTokenPair> {
    return this.#token({ code, grant_type: 'authorization_code', code_verifier: verifier });
  }

  /** Uses up `refreshToken`: whatever happens, only the pair this answers can be used afterwards. */
  refresh(refreshToken: string): Promise<OaTokenPair> {
    return this.#token({ refresh_token: refreshToken, grant_type: 'refresh_token' });
  }

  async #token(fields: Record<string, string>): Promise<OaTokenPair> {
    const now = this.opts.now ?? Date.now;
    let data: unknown;
    try {
      const body = new URLSearchParams({ ...fields, app_id: this.opts.appId }).toString();
      data = (await this.#http.post('/v4/oa/access_token', body)).data;
    } catch (err) {
      // The axios error holds the request, secret header included: keep only its code.
      throw new OaAuthError(0, `network error ${(err as { code?: string }).code ?? 'NETWORK'}`);
    }
    const pair = answerSchema.safeParse(data);
    if (pair.success) {
      const { access_token, refresh_token, expires_in } = pair.data;
      return { accessToken: access_token, refreshToken: refresh_token, expiresAt: new Date(now() + expires_in * 1000) };
    }
    const refused = data as { error?: unknown; message?: unknown; error_description?: unknown } | undefined;
    const code = Number(refused?.error);
    throw new OaAuthError(
      Number.isFinite(code) && code !== 0 ? code : -1,
      String(refused?.message ?? refused?.error_description ?? 'unexpected answer'),
    );
  }
}
