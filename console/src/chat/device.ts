/** The device token: made once, kept in this browser; the service stores only its keyed hash. */
const KEY = 'antq-chat-device';
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/**
 * Where the token is kept: the browser's storage for this site; a browser that refuses storage to a frame on
 * another site (blocked third-party data) keeps it for the visit only.
 */
function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

let visitToken: string | undefined;

export function deviceToken(): string {
  const store = storage();
  const kept = store?.getItem(KEY) ?? visitToken;
  if (kept && TOKEN.test(kept)) return kept;
  const made = base64url(crypto.getRandomValues(new Uint8Array(32)));
  visitToken = made;
  store?.setItem(KEY, made);
  return made;
}

/** A message's own id: sent again after a failure, it is still one message. */
export const newClientId = (): string => crypto.randomUUID();
