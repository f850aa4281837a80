import { randomBytes } from 'node:crypto';
import type { StaffGrant } from '../../generated/prisma/client.ts';
import type { Tx } from '../../core/tx.ts';
import type { Pii } from '../../security/pii.ts';
import { audit } from './audit.ts';

const tokenHash = (pii: Pii, token: string) => pii.hash('api-token', token);

/** A new personal API token (shown once); earlier ones of the person stop working. */
export async function issueApiToken(tx: Tx, pii: Pii, userId: string): Promise<string> {
  const token = `antq_${randomBytes(32).toString('base64url')}`;
  await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await tx.apiToken.create({ data: { userId, tokenHash: tokenHash(pii, token) } });
  await audit(tx, { actorId: userId, action: 'api_token.issue', entity: 'ApiToken', entityId: row.id });
  return token;
}

export async function revokeApiTokens(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx.apiToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count) await audit(tx, { actorId: userId, action: 'api_token.revoke', entity: 'ApiToken' });
  return count;
}

/** The staff member a bearer token belongs to, with their current roles; null for unknown or revoked tokens. */
export async function tokenHolder(
  tx: Tx,
  pii: Pii,
  token: string,
): Promise<{ userId: string; grants: StaffGrant[] } | null> {
  const row = await tx.apiToken.findUnique({
    where: { tokenHash: tokenHash(pii, token) },
    include: { user: { include: { grants: true } } },
  });
  if (!row || row.revokedAt || !row.user.grants.length) return null;
  await tx.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { userId: row.userId, grants: row.user.grants };
}
