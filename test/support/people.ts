import { randomBytes } from 'node:crypto';
import { createPerson, findPerson, type Person } from '../../src/core/people.ts';
import type { Platform } from '../../src/core/messages.ts';
import type { Db } from '../../src/db/client.ts';
import type { StaffRole } from '../../src/generated/prisma/enums.ts';
import { Pii } from '../../src/security/pii.ts';
import { ENCRYPTION_KEY } from './harness.ts';

export const testPii = () => new Pii(ENCRYPTION_KEY);

/**
 * A registered person written straight to the database (for use-case tests
 * that run without any chat): consented, living in `areaCode`, holding `roles`.
 */
export async function seedPerson(
  db: Db,
  opts: {
    areaCode?: string;
    roles?: Array<{ role: StaffRole; areaCode: string }>;
    platform?: Platform;
    name?: string;
    locale?: 'vi' | 'en';
    /** The messenger account's id (default: a new one), e.g. to register again after erasing. */
    platformUserId?: string;
  } = {},
): Promise<Person & { chatId: string }> {
  const pii = testPii();
  const platform = opts.platform ?? 'telegram';
  const userId =
    opts.platformUserId ??
    (platform === 'telegram' ? String(1e9 + randomBytes(3).readUIntBE(0, 3)) : randomBytes(8).toString('hex'));
  await db.$transaction(async (tx) => {
    const person = await createPerson(
      tx,
      pii,
      {
        platform,
        updateKey: 'seed',
        seq: 0,
        kind: 'message',
        chatId: userId,
        chatType: 'private',
        userId,
        displayName: opts.name,
        date: Date.now(),
      },
      { locale: opts.locale ?? 'vi', consentVersion: 'test' },
    );
    if (opts.areaCode) await tx.user.update({ where: { id: person.user.id }, data: { areaCode: opts.areaCode } });
    for (const g of opts.roles ?? [])
      await tx.staffGrant.create({ data: { userId: person.user.id, role: g.role, areaCode: g.areaCode } });
  });
  const person = await db.$transaction((tx) => findPerson(tx, pii, platform, userId));
  return { ...person!, chatId: userId };
}
