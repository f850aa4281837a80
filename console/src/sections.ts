import type { Me } from './api.ts';
import { manages } from './staff-api.ts';

/** The console's sections, in navigation order; later slices fill their pages. */
export const SECTIONS = ['tips', 'broadcasts', 'models', 'festivals', 'staff', 'audit', 'stats', 'system'] as const;
export type Section = (typeof SECTIONS)[number];

/** What a session's navigation offers: the audit log to admins and the operator, the system to the operator. */
export const sectionsFor = (me: Me) =>
  SECTIONS.filter((s) => (s === 'audit' ? manages(me) : s === 'system' ? me.kind === 'operator' : true));

const BASE = '/console';

export const sectionPath = (s: Section) => `${BASE}/${s}`;

/** The section a path shows; undefined for the console's home. */
export function sectionOf(path: string): Section | undefined {
  const name = path.startsWith(`${BASE}/`) ? path.slice(BASE.length + 1).split('/')[0] : undefined;
  return SECTIONS.find((s) => s === name);
}

/** The tip a path shows (`/console/tips/AN-7K3Q9P`); undefined for the inbox and other pages. */
export function tipCodeOf(path: string): string | undefined {
  const [, section, code] = path.slice(BASE.length).split('/');
  return section === 'tips' && code ? decodeURIComponent(code) : undefined;
}

export const tipPath = (code: string) => `${BASE}/tips/${encodeURIComponent(code)}`;

export const broadcastPath = (id: number) => `${BASE}/broadcasts/${id}`;

/** The broadcast a path shows (`/console/broadcasts/12`); undefined for the list and other pages. */
export function broadcastIdOf(path: string): number | undefined {
  const [, section, id] = path.slice(BASE.length).split('/');
  return section === 'broadcasts' && id && /^\d{1,9}$/.test(id) ? Number(id) : undefined;
}
