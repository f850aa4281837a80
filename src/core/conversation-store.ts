import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.ts';
import { menuOptionSchema, type MenuOption } from './messages.ts';
import type { Tx } from './tx.ts';

const dataSchema = z.record(z.string(), z.unknown());

export interface ConversationState {
  flow?: string;
  step?: string;
  data: Record<string, unknown>;
  /** The last menu shown: typed numbers and labels are read against it. */
  menu?: MenuOption[];
}

export async function loadConversation(tx: Tx, key: string): Promise<ConversationState> {
  const row = await tx.conversation.findUnique({ where: { key } });
  if (!row) return { data: {} };
  const menu = z.array(menuOptionSchema).safeParse(row.menu);
  return {
    flow: row.flow ?? undefined,
    step: row.step ?? undefined,
    data: dataSchema.safeParse(row.data).data ?? {},
    menu: menu.success ? menu.data : undefined,
  };
}

/** An idle dialogue (no flow, no menu, no data) keeps no row. */
export async function saveConversation(tx: Tx, key: string, state: ConversationState): Promise<void> {
  if (!state.flow && !state.menu?.length && !Object.keys(state.data).length) return deleteConversation(tx, key);
  const values = {
    flow: state.flow ?? null,
    step: state.step ?? null,
    data: state.data as Prisma.InputJsonValue,
    menu: state.menu ?? Prisma.DbNull,
  };
  await tx.conversation.upsert({ where: { key }, create: { key, ...values }, update: values });
}

export async function deleteConversation(tx: Tx, key: string): Promise<void> {
  await tx.conversation.deleteMany({ where: { key } });
}
