import { getJson, post } from './http.ts';

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
  /** The map's tile server; null: points on a plain background. */
  tiles: Tiles | null;
}

export interface Tiles {
  url: string;
  attribution: string;
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

export type TipStatus = 'new' | 'acknowledged' | 'in_progress' | 'resolved' | 'rejected' | 'duplicate';
export type TipMove = Exclude<TipStatus, 'new'> | 'reopened' | 'spam';
export const TIP_STATUSES: TipStatus[] = ['new', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'duplicate'];
export const CATEGORIES = [
  'theft',
  'drugs',
  'gambling',
  'fraud',
  'violence',
  'suspicious',
  'traffic',
  'fire',
  'other',
] as const;

export interface TipSummary {
  code: string;
  category: string;
  status: TipStatus;
  urgent: boolean;
  area: { code: string; name: string };
  photoCount: number;
  createdAt: string;
  updatedAt: string;
  /** Still new after longer than its urgency allows: shown in red. */
  overdue: boolean;
}

export interface TipPage {
  total: number;
  page: number;
  pages: number;
  tips: TipSummary[];
}

/** Who took a step of a tip's history: never an account, an officer by their label at most. */
export type EventActor = { kind: 'officer'; label: string | null } | { kind: 'reporter' } | { kind: 'operator' };

export interface TipDetail extends Omit<TipSummary, 'overdue'> {
  description: string;
  place: string | null;
  location: { latitude: number; longitude: number } | null;
  contact: string | null;
  history: Array<{ status: TipStatus; at: string; by: EventActor }>;
  thread: Array<{ id: string; from: 'citizen' | 'officer'; text: string | null; photos: number }>;
  moves: TipMove[];
}

/** The inbox's filters as the address bar and the API carry them (empty ones left out). */
export const tipsUrl = (base: string, params: URLSearchParams) => `${base}${params.size ? `?${params}` : ''}`;

export const fetchTips = (params: URLSearchParams) => getJson<TipPage>(tipsUrl('/console/api/tips', params));

export const fetchTip = (code: string) => getJson<TipDetail>(`/console/api/tips/${encodeURIComponent(code)}`);

/** The located tips the filters show, for the map. */
export const fetchTipPoints = (params: URLSearchParams) =>
  getJson<
    Array<
      Pick<TipSummary, 'code' | 'category' | 'status' | 'urgent'> & {
        location: { latitude: number; longitude: number };
      }
    >
  >(tipsUrl('/console/api/tips/map', params));

/** The areas the inbox may be narrowed to: the officer's own and the communes under them. */
export const fetchInboxAreas = () => getJson<Array<{ code: string; name: string }>>('/console/api/tips/areas');

/** One photo, through the console with the session's rights (`tip`, or the thread message's id). */
export const photoPath = (code: string, source: string, index: number) =>
  `/console/api/tips/${encodeURIComponent(code)}/photos/${source}/${index}`;

export const replyToTip = (me: Me, code: string, text: string) =>
  post<{ status: TipStatus; reporterTold: boolean; awaitingReporter: boolean }>(
    me,
    `/console/api/tips/${encodeURIComponent(code)}/reply`,
    { text },
  );

export const moveTip = (me: Me, code: string, status: TipMove, note: string) =>
  post<{ status: TipStatus; awaitingReporter: boolean }>(me, `/console/api/tips/${encodeURIComponent(code)}/status`, {
    status,
    ...(note.trim() && { note }),
  });
