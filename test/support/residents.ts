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
      })),
    });
  }
}

/** Telegram ids are numbers, OA ids strings of 19+ digits, Zalo Bot ids any string. */
function idOf(platform: Platform, base: number, tag: string, n: number): string {
  if (platform === 'telegram') return String(base + n);
  if (platform === 'zalo_oa') return `${base}${String(n).padStart(10, '0')}`;
  return `z${tag}${n}`;
}

/** `count` residents of one platform with consecutive ids. */
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
    id: idOf(platform, base, tag, n),
    locale: locale(n),
    areaCode,
  }));
}
