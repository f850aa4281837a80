import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { createInvite } from '../features/staff/invites.ts';
import { StaffRole } from '../generated/prisma/enums.ts';
import type { Pii } from '../security/pii.ts';
import { flags } from './flags.ts';

export const INVITE_USAGE = 'usage: invite --role officer|leader|admin --area <code> [--days 7]';

const optionsSchema = z.object({
  role: z.enum(StaffRole),
  area: z.string().regex(/^\d{1,8}$/, 'must be an area code, e.g. 01 or 26734'),
  days: z.coerce.number().int().min(1).max(90).default(7),
});

/** `invite --role officer --area 32008`: a one-time code, shown once, to be sent to the new staff member. */
export async function inviteCommand(args: string[], db: Db, pii: Pii, out: (line: string) => void): Promise<number> {
  const parsed = optionsSchema.safeParse(flags(args));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) out(`--${String(issue.path[0])}: ${issue.message}`);
    out(INVITE_USAGE);
    return 2;
  }
  const { role, area: areaCode, days } = parsed.data;
  const area = await db.area.findUnique({ where: { code: areaCode }, include: { parent: true } });
  if (!area) {
    out(`No area with code ${areaCode}. Find codes with: npm run cli -- areas search <name>`);
    return 2;
  }
  const invite = await db.$transaction((tx) => createInvite(tx, pii, { role, areaCode, days, createdBy: 'cli' }));
  const place = area.parent ? `${area.name}, ${area.parent.name}` : area.name;
  out(`Invite code: ${invite.code}`);
  out(`Role ${role} of ${place} (${areaCode}), valid until ${invite.expiresAt.toISOString()}, usable once.`);
  out(`The new staff member sends the bot: /staff ${invite.code}`);
  return 0;
}
