/** The console's sections, in navigation order; later slices fill their pages. */
export const SECTIONS = ['tips', 'broadcasts', 'models', 'festivals', 'staff', 'stats'] as const;
export type Section = (typeof SECTIONS)[number];

const BASE = '/console';

export const sectionPath = (s: Section) => `${BASE}/${s}`;

/** The section a path shows; undefined for the console's home. */
export function sectionOf(path: string): Section | undefined {
  const name = path.startsWith(`${BASE}/`) ? path.slice(BASE.length + 1).split('/')[0] : undefined;
  return SECTIONS.find((s) => s === name);
}
