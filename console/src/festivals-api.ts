import type { Me } from './api.ts';
import { getJson, post } from './http.ts';

export type FestivalStatus = 'scheduled' | 'cancelled';
/** As the reminder ledger records it: planned, sent, skipped because its time had passed, dropped with a cancel. */
export type ReminderStatus = 'pending' | 'sent' | 'missed' | 'dropped';

export interface FestivalSummary {
  id: number;
  title: string;
  area: { code: string; name: string };
  venue: string;
  startsAt: string;
  endsAt: string;
  status: FestivalStatus;
  going: number;
  notGoing: number;
}

export interface FestivalList {
  festivals: FestivalSummary[];
  /** Where this session may hold a festival. */
  areas: { code: string; name: string }[];
  /** Seconds before the start each reminder goes out. */
  leadTimes: number[];
}

export interface FestivalDetail extends FestivalSummary {
  areaLabel: string;
  programme: string;
  remindTo: 'rsvp' | 'area';
  reminders: Array<{ offsetSeconds: number; dueAt: string; status: ReminderStatus }>;
  commendations: Array<{ names: string[]; at: string }>;
}

/** What residents would read, and how many accounts it would reach now. */
export interface Preview {
  text: string;
  recipients: number;
  area: string;
}

/** A time as the page's fields give it, Vietnam time: "2026-12-09T07:30". */
export interface Span {
  startsAt: string;
  endsAt: string;
}

export interface FestivalForm extends Span {
  areaCode: string;
  title: string;
  venue: string;
  programme: string;
  remindTo: 'rsvp' | 'area';
}

const BASE = '/console/api/festivals';

export const festivalPath = (id: number) => `/console/festivals/${id}`;

/** The festival a path shows (`/console/festivals/12`); undefined for the list. */
export function festivalIdOf(path: string): number | undefined {
  const id = /^\/console\/festivals\/(\d+)$/.exec(path)?.[1];
  return id ? Number(id) : undefined;
}

export const fetchFestivals = () => getJson<FestivalList>(BASE);
export const fetchFestival = (id: number) => getJson<FestivalDetail>(`${BASE}/${id}`);
export const previewFestival = (me: Me, form: FestivalForm) => post<Preview>(me, `${BASE}/preview`, form);
export const createFestival = (me: Me, form: FestivalForm) => post<{ id: number; recipients: number }>(me, BASE, form);

export type Change = { kind: 'move'; span: Span } | { kind: 'cancel' };
const changeBody = (c: Change) => (c.kind === 'move' ? c.span : {});
export const previewChange = (me: Me, id: number, c: Change) =>
  post<Preview>(me, `${BASE}/${id}/${c.kind}/preview`, changeBody(c));
export const applyChange = (me: Me, id: number, c: Change) =>
  post<{ status: FestivalStatus; recipients: number }>(me, `${BASE}/${id}/${c.kind}`, changeBody(c));

export const commendAt = (me: Me, id: number, names: string) =>
  post<{ count: number }>(me, `${BASE}/${id}/commend`, { names });

/** A moment in Vietnam as the fields hold it: the day ("2026-12-09") and the minute ("07:30"). */
export function vietnamFields(iso: string): { day: string; time: string } {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}
