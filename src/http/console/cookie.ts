import { CONSOLE_PATH } from '../../features/console/links.ts';

/** The console session's cookie. */
export const SESSION_COOKIE = 'antq_console';

export interface CookieOptions {
  /** Sent over HTTPS only: set when the service's public address is https. */
  secure: boolean;
}

/**
 * The session cookie: out of reach of scripts (HttpOnly), sent only to the console (Path),
 * and not along with other sites' requests (SameSite=Lax: still along with the top-level
 * navigation from the chat's sign-in link, which Strict would drop on the redirect).
 * No Max-Age: the browser forgets it when closed; the server ends it after 12 h idle anyway.
 */
export function sessionCookie(value: string, opts: CookieOptions): string {
  return [`${SESSION_COOKIE}=${value}`, `Path=${CONSOLE_PATH}`, 'HttpOnly', 'SameSite=Lax']
    .concat(opts.secure ? ['Secure'] : [])
    .join('; ');
}

/** Tells the browser to drop the session cookie (logout). */
export function clearedSessionCookie(opts: CookieOptions): string {
  return `${sessionCookie('', opts)}; Max-Age=0`;
}

/** The session cookie's value in a Cookie header, if any. */
export function sessionCookieValue(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

export const cookieOptions = (publicUrl: string | undefined): CookieOptions => ({
  secure: publicUrl?.startsWith('https://') ?? false,
});
