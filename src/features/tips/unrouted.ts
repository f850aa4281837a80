import { formatTime } from '../../core/format.ts';
import type { Scope } from '../../core/scope.ts';
import type { Tip } from '../../generated/prisma/client.ts';
import { allAdmins } from './audience.ts';
import { sendToEach } from './cards.ts';

/**
 * A tip was filed where no officer and no station group can see it: every admin
 * is told through the outbox, in their language, with what they need to appoint
 * someone (code, category, area, time; never the content, which is for the area's officers).
 */
export async function tellAdminsUnrouted(scope: Scope, tip: Tip, area: string): Promise<void> {
  const admins = await allAdmins(scope.tx, scope.pii, scope.i18n.defaultLocale);
  await sendToEach(scope, admins, (t, reader) => [
    {
      text: t('tip-unrouted-admin', {
        code: tip.code,
        category: t(`cat-${tip.category}`),
        area,
        time: formatTime(reader.locale, tip.createdAt),
      }),
    },
  ]);
}
