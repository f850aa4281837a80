import { z } from 'zod';
import { VIETNAM_OFFSET_MS } from '../../core/format.ts';

/** What the console's pages send in their addresses and forms, read the same way by every route. */

/** An area's code, as the area lists give it. */
export const areaCodeParam = z.string().regex(/^\d{1,8}$/);

/** A calendar day, as date fields send it (YYYY-MM-DD), meant in Vietnam time. */
export const dayParam = z.iso.date();

/** The instant a day typed in Vietnam starts. */
export const vietnamDayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - VIETNAM_OFFSET_MS);
