import type { Feature } from '../../core/feature.ts';
import { staff, type StaffContext } from '../../core/guards.ts';
import { personActor } from '../../core/scope.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { consoleLoginUrl } from './links.ts';
import { createSignInLink, LINK_TTL_MS } from './sessions.ts';

/** Everyone holding a role may sign in; each page shows what their roles allow. */
const CONSOLE_ROLES: StaffRole[] = ['officer', 'admin', 'leader'];

/** `/web`: a one-time link that signs this person in to the web console (private chats only). */
async function webLink(ctx: StaffContext): Promise<void> {
  const publicUrl = ctx.policy.PUBLIC_URL;
  if (!publicUrl) return ctx.showMainMenu(ctx.t('console-web-unavailable'));
  const actor = personActor(ctx.person);
  const token = await createSignInLink(ctx.tx, ctx.pii, actor, actor);
  ctx.reply(ctx.t('console-web-link', { link: consoleLoginUrl(publicUrl, token), minutes: LINK_TTL_MS / 60_000 }));
}

export const consoleFeature: Feature = {
  name: 'console',
  commands: { web: { run: staff(CONSOLE_ROLES, webLink), menuFor: CONSOLE_ROLES } },
};
