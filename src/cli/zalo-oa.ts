import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { oaChatsWaiting, releaseOaSends } from '../features/staff/oa-token.ts';
import { OaAuthError, pkcePair } from '../platforms/zalo-oa/oauth.ts';
import type { OaTokens } from '../platforms/zalo-oa/tokens.ts';
import type { Pii } from '../security/pii.ts';
import { flags } from './flags.ts';
import { vietnamTime } from './time.ts';

export const ZALO_OA_USAGE =
  'usage: zalo-oa connect [--redirect-uri <url>] | zalo-oa connect --code <code or the address Zalo sent you to> | zalo-oa status';

export interface ZaloOaCommandDeps {
  db: Db;
  pii: Pii;
  /** Undefined when ZALO_OA_APP_ID, ZALO_OA_SECRET_KEY or ZALO_APP_SECRET is missing. */
  tokens: OaTokens | undefined;
  /** ZALO_OA_CONNECT_FILE: the verifier between the two steps. */
  file: string;
  /** Where Zalo sends the operator back with the code: the app's callback URL (PUBLIC_URL by default). */
  redirectUri: string | undefined;
}

// The verifier is sealed with the data key: the file alone, or with a code, connects nothing.
const pendingSchema = z.object({ state: z.string(), verifier: z.string() });

/**
 * `zalo-oa connect`: step 1 prints the consent URL (PKCE, S256) and keeps the verifier; step 2, with the code
 * Zalo's redirect carries, exchanges it and stores the pair (encrypted) for every process. `zalo-oa status`:
 * how the token stands (expiry, last refresh failure) and how many OA messages wait; never a token.
 */
export async function zaloOaCommand(args: string[], deps: ZaloOaCommandDeps, out: (line: string) => void) {
  const [sub, ...rest] = args;
  const { tokens } = deps;
  if (!tokens || (sub !== 'connect' && sub !== 'status')) {
    out(
      tokens
        ? ZALO_OA_USAGE
        : 'The Zalo OA is not configured: set ZALO_OA_APP_ID, ZALO_OA_SECRET_KEY and ZALO_APP_SECRET.',
    );
    return 2;
  }
  if (sub === 'status') return status(deps, tokens, out);
  const options = flags(rest);
  return options.code ? exchange(deps, tokens, options.code, out) : consent(deps, tokens, options['redirect-uri'], out);
}

async function consent(
  deps: ZaloOaCommandDeps,
  tokens: OaTokens,
  redirect: string | undefined,
  out: (line: string) => void,
) {
  const redirectUri = redirect ?? deps.redirectUri;
  if (!redirectUri) {
    out('Give the callback URL set in the Zalo app (--redirect-uri <url>), or set PUBLIC_URL.');
    return 2;
  }
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(12).toString('base64url');
  const pending = { state, verifier: Buffer.from(deps.pii.encrypt(verifier)).toString('base64') };
  await writeFile(deps.file, JSON.stringify(pending), { mode: 0o600 });
  out('1. Open this address as an admin of the Official Account and allow the app:');
  out(tokens.opts.oauth.consentUrl(redirectUri, challenge, state));
  out(`2. Zalo sends you to ${redirectUri}?code=…; run, with that code (or the whole address):`);
  out('   npm run cli -- zalo-oa connect --code <code>');
  return 0;
}

async function exchange(deps: ZaloOaCommandDeps, tokens: OaTokens, given: string, out: (line: string) => void) {
  const raw = await readFile(deps.file, 'utf8').catch(() => undefined);
  const pending = raw === undefined ? undefined : pendingSchema.safeParse(JSON.parse(raw));
  if (!pending?.success) {
    out('No connection under way here: run `npm run cli -- zalo-oa connect` first.');
    return 2;
  }
  const { code, state } = codeOf(given);
  if (state !== undefined && state !== pending.data.state) {
    out('That address belongs to another connection attempt (its state differs): use the newest consent URL.');
    return 2;
  }
  const verifier = deps.pii.decrypt(Buffer.from(pending.data.verifier, 'base64'));
  try {
    const pair = await tokens.opts.oauth.exchangeCode(code, verifier);
    const waiting = await oaChatsWaiting(deps.db);
    await tokens.connect(pair);
    await rm(deps.file, { force: true });
    // Connecting after a failed refresh releases them already; after none (never connected) this does.
    await releaseOaSends(deps.db);
    out(
      `Connected: the token pair is stored (encrypted); the access token works until ${vietnamTime(pair.expiresAt)}.`,
    );
    if (waiting) out(`The messages of ${waiting} OA chat(s) that waited for a token are sent within seconds.`);
    return 0;
  } catch (err) {
    if (!(err instanceof OaAuthError)) throw err;
    out(
      `Zalo refused the code (${err.error} ${err.description}). Codes are short-lived and single-use: run \`npm run cli -- zalo-oa connect\` again.`,
    );
    return 1;
  }
}

/** The code from a bare code or from the address Zalo redirected to (with its state, to check). */
function codeOf(given: string): { code: string; state?: string } {
  if (!/^https?:\/\//.test(given)) return { code: given };
  const params = new URL(given).searchParams;
  return { code: params.get('code') ?? '', ...(params.has('state') && { state: params.get('state')! }) };
}

async function status(deps: ZaloOaCommandDeps, tokens: OaTokens, out: (line: string) => void) {
  const health = await tokens.health();
  const waiting = await oaChatsWaiting(deps.db);
  if (health.state === 'none') out('Zalo OA token: not connected. Run: npm run cli -- zalo-oa connect');
  else if (health.state === 'ok')
    out(
      `Zalo OA token: ok, works until ${vietnamTime(health.expiresAt)} (stored ${vietnamTime(health.updatedAt)} by ${health.source}); renewed ahead of expiry.`,
    );
  else {
    const left = health.expiresAt.getTime() > Date.now() ? `still works until` : 'expired at';
    out(`Zalo OA token: refresh failing (last tried ${vietnamTime(health.lastTried)}): ${health.reason}`);
    out(`The access token ${left} ${vietnamTime(health.expiresAt)}. Fix: npm run cli -- zalo-oa connect`);
  }
  out(`OA chats whose messages wait for a token: ${waiting}`);
  return health.state === 'ok' ? 0 : 1;
}
