import type { Feature } from '../../core/feature.ts';
import { isRegistered, registered, staff, type PersonContext, type StaffContext } from '../../core/guards.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { areaLabel } from '../areas/search.ts';
import { issueApiToken, revokeApiTokens } from './api-tokens.ts';
import { TIP_ROLES } from './grants.ts';
import { presentRedeem, redeemFlow, startRelabel } from './redeem.ts';
import { stationAction, stationChoice, stationCommand } from './station.ts';

async function describeRoles(ctx: PersonContext): Promise<string> {
  const lines: string[] = [];
  // One by one: the handler's transaction runs one query at a time.
  for (const g of ctx.person.grants) {
    const line = ctx.t('staff-role-line', { role: ctx.t(`role-${g.role}`), area: await areaLabel(ctx.tx, g.areaCode) });
    lines.push(g.label ? `${line} · ${g.label}` : line);
  }
  return lines.join('\n');
}

/**
 * `/staff <code>`: redeem an invite; `/staff label`: change one's display label;
 * `/staff` alone shows one's roles, or asks a non-staff person for the code.
 */
async function staffCommand(ctx: PersonContext, arg: string): Promise<void> {
  const staffMember = ctx.person.grants.length > 0;
  // "label" is no code (codes have 12 characters): never counted as a wrong guess.
  if (arg.toLowerCase() === 'label') return staffMember ? startRelabel(ctx) : ctx.showMainMenu(ctx.t('staff-only'));
  if (arg) return presentRedeem(ctx, arg);
  if (!staffMember) return redeemFlow.start(ctx);
  ctx.showMainMenu(`${ctx.t('staff-roles')}\n${await describeRoles(ctx)}\n\n${ctx.t('staff-label-change')}`);
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

/** Who may hold an API token. */
const API_ROLES: StaffRole[] = ['officer', 'admin', 'leader'];

/** Staff access: invite codes redeemed in chat, station groups, API tokens. */
export const staffFeature: Feature = {
  name: 'staff',
  commands: {
    staff: { run: registered(staffCommand) },
    station: { run: registered(stationCommand), group: true, menuFor: TIP_ROLES },
    apitoken: { run: staff(API_ROLES, apiToken), menuFor: API_ROLES },
  },
  actions: { [stationChoice.action]: { run: registered(stationAction), group: true } },
  flows: [redeemFlow],
  // `/staff CODE` as someone's first message, carried through onboarding.
  startPayload: async (ctx, payload) => {
    if (!payload.startsWith('staff_') || !isRegistered(ctx)) return false;
    await presentRedeem(ctx, payload.slice('staff_'.length));
    return true;
  },
};
