import type { ChatContext } from '../../core/context.ts';
import { chatKeyOf } from '../../core/keys.ts';
import type { Feature } from '../../core/feature.ts';
import { areaLabel } from '../areas/search.ts';
import { issueApiToken, revokeApiTokens } from './api-tokens.ts';
import { audit } from './audit.ts';
import { TIP_ROLES } from './grants.ts';
import { redeemInvite } from './invites.ts';
import { shareMessage } from '../models/share.ts';
import { showModel } from '../models/resident.ts';

/** Failed codes one person may try per hour: invite codes cannot be guessed by trying. */
const MAX_FAILED_CODES = 5;

async function describeRoles(ctx: ChatContext): Promise<string> {
  const lines = await Promise.all(
    ctx.person!.grants.map(async (g) =>
      ctx.t('staff-role-line', { role: ctx.t(`role-${g.role}`), area: await areaLabel(ctx.tx, g.areaCode) }),
    ),
  );
  return lines.join('\n');
}

/** `/staff <code>`: redeem an invite; `/staff` alone shows one's roles. */
async function staff(ctx: ChatContext, code: string): Promise<void> {
  const person = ctx.person!;
  if (!code) {
    return ctx.showMainMenu(
      person.grants.length ? `${ctx.t('staff-roles')}\n${await describeRoles(ctx)}` : ctx.t('staff-usage'),
    );
  }
  const failed = await ctx.tx.auditLog.count({
    where: { actorId: person.user.id, action: 'invite.failed', at: { gt: new Date(Date.now() - 3_600_000) } },
  });
  if (failed >= MAX_FAILED_CODES) return ctx.showMainMenu(ctx.t('staff-too-many'));
  const result = await redeemInvite(ctx.tx, ctx.pii, code, person.user.id);
  if ('error' in result) {
    await audit(ctx.tx, {
      actorId: person.user.id,
      action: 'invite.failed',
      entity: 'StaffInvite',
      details: { reason: result.error },
    });
    return ctx.showMainMenu(ctx.t(`staff-code-${result.error}`));
  }
  person.grants = [...person.grants.filter((g) => g.id !== result.grant.id), result.grant];
  const welcome = ctx.t('staff-welcome', {
    role: ctx.t(`role-${result.grant.role}`),
    area: await areaLabel(ctx.tx, result.grant.areaCode),
  });
  if (!result.modelId) return ctx.showMainMenu(welcome);
  // A new leader gets the model's code, link and QR for posters, then its page.
  const model = await ctx.tx.localModel.findUniqueOrThrow({ where: { id: result.modelId } });
  ctx.reply(welcome);
  ctx.send(
    { platform: ctx.msg.platform, chatId: ctx.msg.chatId },
    await shareMessage(ctx.t.bind(ctx), model, ctx.policy.TELEGRAM_BOT_USERNAME),
  );
  await showModel(ctx, model, ctx.t('mdl-you-lead', { name: model.name }));
}

/**
 * `/station` in a Telegram group: an officer links the group to their area, so
 * new tips are posted there too; `/station off` unlinks it.
 */
async function station(ctx: ChatContext, arg: string): Promise<void> {
  const { msg } = ctx;
  const grant = ctx.person?.grants.find((g) => TIP_ROLES.includes(g.role));
  if (msg.chatType !== 'group') return ctx.showMainMenu(ctx.t('station-group-only'));
  if (!grant) return ctx.reply(ctx.t('staff-only'));
  const chatKey = chatKeyOf(ctx.pii, msg.platform, msg.chatId);
  const existing = await ctx.tx.stationChat.findUnique({ where: { chatKey } });
  if (arg.trim().toLowerCase() === 'off') {
    if (existing) {
      await ctx.tx.stationChat.delete({ where: { chatKey } });
      await audit(ctx.tx, {
        actorId: ctx.person!.user.id,
        action: 'station.unlink',
        entity: 'StationChat',
        entityId: existing.id,
      });
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
      linkedById: ctx.person!.user.id,
    },
    update: { areaCode: grant.areaCode, linkedById: ctx.person!.user.id },
  });
  await audit(ctx.tx, {
    actorId: ctx.person!.user.id,
    action: 'station.link',
    entity: 'StationChat',
    entityId: linked.id,
    details: { areaCode: grant.areaCode },
  });
  ctx.reply(ctx.t('station-linked', { area: await areaLabel(ctx.tx, grant.areaCode) }));
}

/** `/apitoken`: a personal token for the HTTP API (shown once, replaces the previous one); `/apitoken revoke`. */
async function apiToken(ctx: ChatContext, arg: string): Promise<void> {
  const person = ctx.person!;
  if (!person.grants.length) return ctx.showMainMenu(ctx.t('staff-only'));
  if (arg.trim().toLowerCase() === 'revoke') {
    await revokeApiTokens(ctx.tx, person.user.id);
    return ctx.showMainMenu(ctx.t('apitoken-revoked'));
  }
  ctx.reply(ctx.t('apitoken-issued', { token: await issueApiToken(ctx.tx, ctx.pii, person.user.id) }));
}

/** Staff access: invite codes redeemed in chat, station groups, API tokens. */
export const staffFeature: Feature = {
  name: 'staff',
  commands: {
    staff: { run: staff },
    station: { run: station, group: true },
    apitoken: { run: apiToken },
  },
};
