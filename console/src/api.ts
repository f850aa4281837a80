/** The console's API, same origin: the session cookie goes along by itself (Path=/console). */

export type Locale = 'vi' | 'en';
export const LOCALES: Locale[] = ['vi', 'en'];

export interface Role {
  role: 'officer' | 'leader' | 'admin';
  /** The area's name with its province. */
  area: string;
}

export interface Me {
  kind: 'person' | 'operator';
  /** How colleagues know the person (their staff label); none for the operator or without one. */
  label: string | null;
  roles: Role[];
  locale: Locale;
  /** Sent back with every change (X-CSRF-Token). */
  csrfToken: string;
}

export type Strings = Record<string, string>;

/** Who is signed in; null when nobody is (no session, it ended or expired). */
export async function fetchMe(): Promise<Me | null> {
  const res = await fetch('/console/api/me', { headers: { accept: 'application/json' } });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`me: ${res.status}`);
  return (await res.json()) as Me;
}

export async function fetchStrings(locale: Locale): Promise<Strings> {
  const res = await fetch(`/console/api/strings?locale=${locale}`);
  if (!res.ok) throw new Error(`strings: ${res.status}`);
  return (await res.json()) as Strings;
}

export async function logout(me: Me): Promise<void> {
  const res = await fetch('/console/api/logout', { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
  if (!res.ok && res.status !== 401) throw new Error(`logout: ${res.status}`);
}
