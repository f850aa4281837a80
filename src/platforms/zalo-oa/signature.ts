import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { parseExactJson } from './exact-json.ts';
import { oaDigits } from './parse.ts';

export interface OaSignatureSecrets {
  appId: string;
  /** The OA Secret Key: what most sources say signs the webhook. */
  oaSecretKey: string;
  /** The app's OAuth secret: what one source says signs it instead. */
  appSecret?: string;
}

/**
 * How a valid signature was made: which id comes first, which secret last. The sources disagree
 * (ZALO-OA.md: UNVERIFIED), so every combination is accepted and the one that matched is reported.
 */
export type OaSignatureVariant = `${'app_id' | 'oa_id'}+${'oa_secret_key' | 'app_secret'}`;

const HEADER = /^(?:mac=)?([0-9a-f]{64})$/i;

const signed = z.object({
  event_name: z.string(),
  timestamp: oaDigits,
  oa_id: oaDigits.optional(),
  sender: z.object({ id: oaDigits }).optional(),
  recipient: z.object({ id: oaDigits }).optional(),
});

/** The OA's id as the body gives it: its own field on follow events, else the OA's side of the message. */
function oaIdOf(body: z.infer<typeof signed>): string | undefined {
  return body.oa_id ?? (body.event_name.startsWith('oa_send_') ? body.sender : body.recipient)?.id;
}

/**
 * Checks `X-ZEvent-Signature: mac=<hex>`, hex = sha256(app_id + raw body + timestamp + secret), over the
 * bytes as received: a body re-serialised from the same JSON does not pass. Returns the variant that
 * matched, or false (header missing or malformed, body without a timestamp, no match).
 */
export function verifyOaSignature(
  raw: Buffer,
  header: string | undefined,
  secrets: OaSignatureSecrets,
): OaSignatureVariant | false {
  const mac = HEADER.exec(header?.trim() ?? '')?.[1];
  if (!mac) return false;
  let body: z.infer<typeof signed>;
  try {
    const parsed = signed.safeParse(parseExactJson(raw));
    if (!parsed.success) return false;
    body = parsed.data;
  } catch {
    return false;
  }
  const given = Buffer.from(mac, 'hex');
  const ids = { app_id: secrets.appId, oa_id: oaIdOf(body) };
  const keys = { oa_secret_key: secrets.oaSecretKey, app_secret: secrets.appSecret };
  let matched: OaSignatureVariant | false = false;
  // Every variant is computed and compared, so the time taken says nothing about which came close.
  for (const [idName, id] of Object.entries(ids)) {
    for (const [keyName, key] of Object.entries(keys)) {
      if (!id || !key) continue;
      const digest = createHash('sha256').update(id).update(raw).update(body.timestamp).update(key).digest();
      if (timingSafeEqual(digest, given) && !matched) matched = `${idName}+${keyName}` as OaSignatureVariant;
    }
  }
  return matched;
}
