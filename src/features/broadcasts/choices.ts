import { z } from 'zod';
import type { Audience } from '../../broadcasting/audience.ts';
import { defineChoices, field } from '../../core/choice.ts';

export const filterSchema = z.enum(['all', 'telegram', 'zalo', 'zalo_oa', 'vi', 'en']);
export type Filter = z.infer<typeof filterSchema>;

/** Recipient filters offered in chat, in the order shown. */
export const FILTERS: Record<Filter, Pick<Audience, 'platforms' | 'locales'>> = {
  all: {},
  telegram: { platforms: ['telegram'] },
  zalo: { platforms: ['zalo'] },
  zalo_oa: { platforms: ['zalo_oa'] },
  vi: { locales: ['vi'] },
  en: { locales: ['en'] },
};

const broadcast = { id: field.id };

/** Buttons and numbered answers of broadcasts: composing one, and steering one by its id. */
export const broadcastChoice = defineChoices('bc', {
  compose: {},
  list: {},
  area: { code: z.string().regex(/^\d{1,8}$/) },
  who: { filter: filterSchema },
  'skip-en': {},
  now: broadcast,
  later: broadcast,
  go: broadcast,
  drop: broadcast,
  status: broadcast,
  pause: broadcast,
  resume: broadcast,
  cancel: broadcast,
  /** The confirmed cancel ('cancel' asks first: it cannot be undone). */
  cancelgo: broadcast,
});
