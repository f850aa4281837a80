import { OPERATOR } from '../core/scope.ts';
import type { Db } from '../db/client.ts';
import { consoleLoginUrl } from '../features/console/links.ts';
import { createSignInLink, LINK_TTL_MS, staffActor } from '../features/console/sessions.ts';
import type { Pii } from '../security/pii.ts';
import { flags } from './flags.ts';

export const CONSOLE_LINK_USAGE = 'usage: console-link --admin | console-link --person <user id>';

export interface ConsoleLinkDeps {
  db: Db;
  pii: () => Pii;
  /** The service's public address (PUBLIC_URL), or where it listens on this machine. */
  baseUrl: string;
}

/**
 * `console-link --admin`: a one-time sign-in link to the web console for the operator (all areas);
 * `--person <user id>`: one for a staff member (their roles, as in chat), e.g. for someone whose
 * messenger is out of reach. Audited as the operator's.
 */
export async function consoleLinkCommand(
  args: string[],
  deps: ConsoleLinkDeps,
  out: (line: string) => void,
): Promise<number> {
  const { admin, person } = flags(args);
  if (!admin === !person || person === 'true') {
    out(CONSOLE_LINK_USAGE);
    return 2;
  }
  const token = await deps.db.$transaction(async (tx) => {
    const forWhom = admin ? OPERATOR : await staffActor(tx, { userId: person! });
    return forWhom && createSignInLink(tx, deps.pii(), OPERATOR, forWhom);
  });
  if (!token) {
    out(`No staff member with user id ${person}. See: npm run cli -- staff list`);
    return 2;
  }
  out(consoleLoginUrl(deps.baseUrl, token));
  out(`Works once, within ${LINK_TTL_MS / 60_000} minutes. Whoever opens it is signed in: do not pass it on.`);
  return 0;
}
