import type { Feature } from '../../core/feature.ts';
import { registered, staff, type PersonContext, type StaffContext } from '../../core/guards.ts';
import { chatKeyOf } from '../../core/keys.ts';
import { areaLabel } from '../areas/search.ts';
import { issueApiToken, revokeApiTokens } from './api-tokens.ts';
import { audit } from './audit.ts';
import { TIP_ROLES } from './grants.ts';
import { presentRedeem, redeemFlow } from './redeem.ts';

async function describeRoles(ctx: PersonContext): Promise<string> {
  const lines: string[] = [];
  // One by one: the handler's transaction runs one query at a time.
  for (const g of ctx.person.grants)
    lines.push(ctx.t('staff-role-line', { role: ctx.t(`role-${g.role}`), area: await areaLabel(ctx.tx, g.areaCode) }));
  return lines.join('\n');
}

/** `/staff <code>`: redeem an invite; `/staff` alone shows one's roles, or asks a non-staff person for the code. */
async function staffCommand(ctx: PersonContext, code: string): Promise<void> {
  if (code) return presentRedeem(ctx, code);
  if (!ctx.person.grants.length) return redeemFlow.start(ctx);
  ctx.showMainMenu(`${ctx.t('staff-roles')}\n${await describeRoles(ctx)}`);
}

/**
 * `/station` in a Telegram group: an officer links the group to their area, so
 * new tips are posted there too; `/station off` unlinks it.
 */
async function station(ctx: PersonContext, arg: string): Promise<void> {
  const { msg } = ctx;
  const userId = ctx.person.user.id;
  const grant = ctx.person.grants.find((g) => TIP_ROLES.includes(g.role));
  if (msg.chatType !== 'group') return ctx.showMainMenu(ctx.t('station-group-only'));
  if (!grant) return ctx.reply(ctx.t('staff-only'));
  const chatKey = chatKeyOf(ctx.pii, msg.platform, msg.chatId);
  const existing = await ctx.tx.stationChat.findUnique({ where: { chatKey } });
  if (arg.trim().toLowerCase() === 'off') {
    if (existing) {
      await ctx.tx.stationChat.delete({ where: { chatKey } });
      await audit(ctx.tx, { actorId: userId, action: 'station.unlink', entity: 'StationChat', entityId: existing.id });
    }
    return ctx.reply(ctx.t('station-unlinked'));
  }
  const linked = await ctx.tx.stationChat.upsert({
    where: { chatKey },
    create: {
      platform: msg.platform,
      chatKey,
      chatIdEnc: ctx.pii.encrypt(msg.chatId),
      areaCode: grant.areaCode,
      linkedById: userId,
    },
    update: { areaCode: grant.areaCode, linkedById: userId },
  });
  await audit(ctx.tx, {
    actorId: userId,
    action: 'station.link',
    entity: 'StationChat',
    entityId: linked.id,
    details: { areaCode: grant.areaCode },
  });
  ctx.reply(ctx.t('station-linked', { area: await areaLabel(ctx.tx, grant.areaCode) }));
}

/** `/apitoken`: a personal token for the HTTP API (shown once, replaces the previous one); `/apitoken revoke`. */
async function apiToken(ctx: StaffContext, arg: string): Promise<void> {
  const userId = ctx.person.user.id;
  if (arg.trim().toLowerCase() === 'revoke') {
    await revokeApiTokens(ctx.tx, userId);
    return ctx.showMainMenu(ctx.t('apitoken-revoked'));
  }
  ctx.reply(ctx.t('apitoken-issued', { token: await issueApiToken(ctx.tx, ctx.pii, userId) }));
}

/** Staff access: invite codes redeemed in chat, station groups, API tokens. */
export const staffFeature: Feature = {
  name: 'staff',
  commands: {
    staff: { run: registered(staffCommand) },
    station: { run: registered(station), group: true },
    apitoken: { run: staff(['officer', 'admin', 'leader'], apiToken) },
  },
  flows: [redeemFlow],
};
