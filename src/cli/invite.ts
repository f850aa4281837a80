import { z } from 'zod';
import { OPERATOR } from '../core/scope.ts';
import type { Db } from '../db/client.ts';
import { inviteStaff, revokeInvite, type InviteRevokeRefusal } from '../features/staff/actions.ts';
import { openInvites } from '../features/staff/invites.ts';
import { StaffRole } from '../generated/prisma/enums.ts';
import { inScope, type ScopeDeps } from '../pipeline/run-scope.ts';
import { flags } from './flags.ts';
import { vietnamTime } from './time.ts';

export const INVITE_USAGE =
  'usage: invite --role officer|leader|admin --area <code> [--days 7] | invite list [--area <code>] | invite revoke <id>';

export interface InviteCommandDeps {
  db: Db;
  /** The data key is read only to create a code (its keyed hash is stored). */
  scope: ScopeDeps;
}

const optionsSchema = z.object({
  role: z.enum(StaffRole),
  area: z.string().regex(/^\d{1,8}$/, 'must be an area code, e.g. 01 or 26734'),
  days: z.coerce.number().int().min(1).max(90).default(7),
});

const revokeRefusal: Record<InviteRevokeRefusal, (id: string) => string> = {
  'not-found': (id) => `No invite ${id}. See: npm run cli -- invite list`,
  'not-open': (id) => `Invite ${id} is already used, revoked or expired; nothing to revoke.`,
};

const placeOf = (area: { name: string; parent: { name: string } | null }) =>
  area.parent ? `${area.name}, ${area.parent.name}` : area.name;

/**
 * `invite --role officer --area 32008`: a one-time code, shown once, to be sent to the new staff member.
 * `invite list`: the codes still open (never the codes themselves); `invite revoke <id>`: withdraw one.
 */
export async function inviteCommand(args: string[], deps: InviteCommandDeps, out: (line: string) => void) {
  const [sub, ...rest] = args;
  if (sub === 'list') return listInvites(deps, flags(rest).area, out);
  if (sub === 'revoke') {
    const id = rest[0];
    if (!id) {
      out(INVITE_USAGE);
      return 2;
    }
    const { result } = await inScope(deps.scope, (scope) => revokeInvite(scope, OPERATOR, id));
    if (!result.ok) {
      out(revokeRefusal[result.reason](id));
      return 2;
    }
    const { role, areaCode } = result.invite;
    out(`Revoked: invite ${id} (${role} of ${areaCode}). Redeeming its code is now refused.`);
    return 0;
  }
  return create(args, deps, out);
}

async function listInvites(deps: InviteCommandDeps, area: string | undefined, out: (line: string) => void) {
  const invites = await openInvites(deps.db, area);
  if (!invites.length) out('No open invites.');
  for (const i of invites) {
    const model = i.modelId ? `  model #${i.modelId}` : '';
    out(
      `${i.id}  ${i.role.padEnd(7)}  ${i.areaCode}  ${placeOf(i.area)}${model}  ` +
        `expires ${vietnamTime(i.expiresAt)}  created ${vietnamTime(i.createdAt)}`,
    );
  }
  return 0;
}

async function create(args: string[], deps: InviteCommandDeps, out: (line: string) => void): Promise<number> {
  const parsed = optionsSchema.safeParse(flags(args));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) out(`--${String(issue.path[0])}: ${issue.message}`);
    out(INVITE_USAGE);
    return 2;
  }
  const { role, area: areaCode, days } = parsed.data;
  // The operator may invite for any area; an unknown one is the only refusal.
  const { result: invite } = await inScope(deps.scope, (scope) =>
    inviteStaff(scope, OPERATOR, { role, areaCode, days }),
  );
  if (!invite.ok) {
    out(`No area with code ${areaCode}. Find codes with: npm run cli -- areas search <name>`);
    return 2;
  }
  const area = await deps.db.area.findUniqueOrThrow({ where: { code: areaCode }, include: { parent: true } });
  out(`Invite code: ${invite.code}`);
  out(`Role ${role} of ${placeOf(area)} (${areaCode}), valid until ${vietnamTime(invite.expiresAt)}, usable once.`);
  out(`The new staff member sends the bot: /staff ${invite.code}`);
  return 0;
}
