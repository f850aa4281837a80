import { z } from 'zod';
import type { Tx } from '../../core/tx.ts';
import { randomCode } from '../staff/invites.ts';

const CODE = /^AN-[2-9A-HJKMNP-Z]{6}$/;

/** A tip code as it rides in a choice id or a draft: exactly AN-XXXXXX. */
export const tipCodeSchema = z.string().regex(CODE);

/** What was typed in the stored form, whole or a start: "an 7k3" → "AN-7K3". */
export function tipCodeForm(text: string): string {
  const raw = text.trim().toUpperCase().replace(/\s+/g, '');
  return raw.startsWith('AN') ? `AN-${raw.slice(2).replace(/^-/, '')}` : `AN-${raw}`;
}

/** "an-7k3q9p", "AN 7K3Q9P" and "7K3Q9P" all mean AN-7K3Q9P; anything else is not a code. */
export function normalizeTipCode(text: string): string | undefined {
  const code = tipCodeForm(text);
  return CODE.test(code) ? code : undefined;
}

/** A new reference code, unused so far (31^6 ≈ 887 million codes: a collision is rare, and retried). */
export async function newTipCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = `AN-${randomCode(6)}`;
    if (!(await tx.tip.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
}
