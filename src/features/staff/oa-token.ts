import type { Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import { NO_USABLE_TOKEN, type OaTokenChange } from '../../platforms/zalo-oa/tokens.ts';
import { allAdmins } from '../tips/audience.ts';
import { sendToEach } from '../tips/cards.ts';

/**
 * The Zalo OA lost its access token, or has one again (a refresh worked, or the operator ran `zalo-oa
 * connect`): every admin is told, once per change, in their language. OA messages wait in the outbox
 * meanwhile (none is given up); once a token works, those that waited for one are due at once instead of
 * at their next try, a minute away.
 */
export async function oaTokenChanged(scope: Scope, change: OaTokenChange): Promise<void> {
  const admins = await allAdmins(scope.tx, scope.pii, scope.i18n.defaultLocale);
  await sendToEach(scope, admins, (t) => [
    {
      text:
        change.kind === 'failing'
          ? t('oa-token-failing-admin', { reason: change.reason })
          : t('oa-token-working-admin'),
    },
  ]);
  if (change.kind === 'working') await releaseOaSends(scope.tx);
}

const waitingForToken = (now: Date) => ({
  platform: 'zalo_oa' as const,
  status: 'pending' as const,
  nextAttemptAt: { gt: now },
  lastError: { startsWith: NO_USABLE_TOKEN },
});

/** OA chats waiting for a token are due now (the sweeper sends their messages within seconds); answers how many. */
export async function releaseOaSends(tx: Tx): Promise<number> {
  const now = new Date();
  return (await tx.outboundMessage.updateMany({ where: waitingForToken(now), data: { nextAttemptAt: now } })).count;
}

/**
 * How many OA chats wait for a token, for `zalo-oa status`: in each, the first message waiting records why;
 * the chat's later ones wait behind it.
 */
export function oaChatsWaiting(tx: Tx): Promise<number> {
  return tx.outboundMessage.count({ where: waitingForToken(new Date()) });
}
