import type { Tx } from '../../core/tx.ts';
import type { Tip } from '../../generated/prisma/client.ts';
import type { Pii } from '../../security/pii.ts';
import { eventActor } from './history.ts';
import { readThread, readTip } from './store.ts';

/**
 * What the HTTP API shows of a tip: like the officer's card, nothing that
 * identifies the reporter; a phone number only if they chose to leave one.
 */
export function tipSummary(tip: Tip & { area: { name: string } }) {
  return {
    code: tip.code,
    category: tip.category,
    status: tip.status,
    urgent: tip.urgent,
    anonymous: tip.anonymous,
    area: { code: tip.areaCode, name: tip.area.name },
    photoCount: tip.photoCount,
    createdAt: tip.createdAt.toISOString(),
    updatedAt: tip.updatedAt.toISOString(),
  };
}

export async function tipDetail(tx: Tx, pii: Pii, tip: Tip & { area: { name: string } }) {
  const content = readTip(pii, tip);
  const [events, thread] = await Promise.all([
    tx.tipEvent.findMany({ where: { tipId: tip.id }, orderBy: { id: 'asc' } }),
    readThread(tx, pii, tip.id, 100),
  ]);
  return {
    ...tipSummary(tip),
    description: content.description,
    place: content.place ?? null,
    location: content.location ?? null,
    contact: content.contact ?? null,
    history: events.map((e) => ({ status: e.status, at: e.at.toISOString(), by: eventActor(tip, e) })),
    thread: thread.map((m) => ({ id: String(m.id), from: m.author, text: m.text ?? null, photos: m.photos.length })),
  };
}
