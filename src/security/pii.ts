import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts personal data at rest (AES-256-GCM) and derives stable lookup keys
 * (HMAC-SHA256) so rows can be found without storing plaintext ids.
 * Separate sub-keys are derived from DATA_ENCRYPTION_KEY for each purpose.
 */
export class Pii {
  readonly #encKey: Buffer;
  readonly #hashKey: Buffer;

  constructor(masterKey: string) {
    const raw = /^[0-9a-fA-F]{64}$/.test(masterKey) ? Buffer.from(masterKey, 'hex') : Buffer.from(masterKey, 'base64');
    if (raw.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes');
    this.#encKey = Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'antq/pii-encryption/v1', 32));
    this.#hashKey = Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'antq/pii-lookup/v1', 32));
  }

  /** Layout: version(1) | iv(12) | tag(16) | ciphertext. */
  encrypt(plain: string): Uint8Array<ArrayBuffer> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const out = Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    return new Uint8Array(out);
  }

  decrypt(sealed: Uint8Array): string {
    const buf = Buffer.from(sealed);
    if (buf[0] !== VERSION) throw new Error('unknown PII envelope version');
    const iv = buf.subarray(1, 1 + IV_BYTES);
    const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.#encKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  encryptJson(value: unknown): Uint8Array<ArrayBuffer> {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(sealed: Uint8Array): T {
    return JSON.parse(this.decrypt(sealed)) as T;
  }

  /** Deterministic keyed hash: same input, same key; useless without the key. */
  hash(...parts: string[]): string {
    return createHmac('sha256', this.#hashKey).update(parts.join('\u001f')).digest('base64url');
  }
}
