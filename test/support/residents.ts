import { randomInt, randomUUID } from 'node:crypto';
import type { Platform } from '../../src/core/messages.ts';
import { identityHash } from '../../src/core/people.ts';
import type { Db } from '../../src/db/client.ts';
import { Pii } from '../../src/security/pii.ts';
import { ENCRYPTION_KEY } from './harness.ts';

export interface Resident {
  platform: Platform;
  /** Platform user id, which is also the private chat's id. */
  id: string;
  locale: 'vi' | 'en';
  areaCode: string;
  /** The last message or follow the service saw from them (unset: none recorded). */
  lastInteractionAt?: Date;
}

/**
 * Registers residents straight into the database, stored exactly as onboarding
 * stores them (encrypted ids, keyed hashes), so a test can have thousands.
 */
export async function seedResidents(db: Db, residents: Resident[], key = ENCRYPTION_KEY): Promise<void> {
  const pii = new Pii(key);
  for (let at = 0; at < residents.length; at += 1000) {
    const batch = residents.slice(at, at + 1000);
    const users = batch.map((r) => ({
      id: randomUUID(),
      locale: r.locale,
      areaCode: r.areaCode,
      consentVersion: 'seeded',
      consentAt: new Date(),
    }));
    await db.user.createMany({ data: users });
    await db.identity.createMany({
      data: batch.map((r, n) => ({
        userId: users[n]!.id,
        platform: r.platform,
        platformIdHash: identityHash(pii, r.platform, r.id),
        platformIdEnc: pii.encrypt(r.id),
        chatIdEnc: pii.encrypt(r.id),
        lastInteractionAt: r.lastInteractionAt ?? null,
      })),
    });
  }
}

/** Digits only and past 2^53, like an OA user id (19 digits). */
const oaId = (base: number, n: number) => String(BigInt(base) * 1_000_000_000n + BigInt(n));

/** `count` residents of one platform with consecutive ids (Telegram's are numbers, the OA's 19 digits). */
export function residents(
  platform: Platform,
  count: number,
  areaCode: string,
  locale: (n: number) => 'vi' | 'en' = () => 'vi',
): Resident[] {
  const base = randomInt(3_000_000_000, 4_000_000_000);
  const tag = randomUUID().slice(0, 8);
  return Array.from({ length: count }, (_, n) => ({
    platform,
    id: platform === 'telegram' ? String(base + n) : platform === 'zalo_oa' ? oaId(base, n) : `z${tag}${n}`,
    locale: locale(n),
    areaCode,
  }));
}
