import { TipCategory } from '../../generated/prisma/enums.ts';

/** In the order citizens are offered them; "other" last. */
export const CATEGORIES = Object.values(TipCategory);

export const isCategory = (value: string): value is TipCategory => (CATEGORIES as string[]).includes(value);

/** Open tips: still in an officer's inbox. */
export const OPEN_STATUSES = ['new', 'acknowledged', 'in_progress'] as const;
