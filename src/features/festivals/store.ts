import { z } from 'zod';
import { parseRowId } from '../../core/menu.ts';
import type { Tx } from '../../core/tx.ts';
import type { Festival } from '../../generated/prisma/client.ts';
import { lineage } from '../staff/grants.ts';

export const FESTIVAL_LIMITS = { title: 150, venue: 200, programme: 1500, names: 50, name: 120 };
/** A festival lasts at most this long. */
const MAX_DAYS = 7;

/** The end comes after the start, within MAX_DAYS. */
export const validSpan = (startsAt: Date, endsAt: Date) =>
  endsAt > startsAt && endsAt.getTime() - startsAt.getTime() <= MAX_DAYS * 86_400_000;

/** What staff enter for a festival, checked the same in chat and in the CLI. */
export const festivalInputSchema = z
  .object({
    areaCode: z.string().min(1),
    title: z.string().trim().min(3).max(FESTIVAL_LIMITS.title),
    venue: z.string().trim().min(3).max(FESTIVAL_LIMITS.venue),
    programme: z.string().trim().max(FESTIVAL_LIMITS.programme).default(''),
    startsAt: z.date(),
    endsAt: z.date(),
    remindTo: z.enum(['rsvp', 'area']).default('rsvp'),
  })
  .refine((f) => validSpan(f.startsAt, f.endsAt), {
    message: `the end must come after the start, within ${MAX_DAYS} days`,
    path: ['endsAt'],
  });
export type FestivalInput = z.input<typeof festivalInputSchema>;

/** Commended people or collectives: 1–50 names of 2–120 characters. */
export const namesSchema = z
  .array(z.string().trim().min(2).max(FESTIVAL_LIMITS.name))
  .min(1)
  .max(FESTIVAL_LIMITS.names);

/** "Nguyễn Văn A; Tổ tự quản số 3\nB": one name a line or separated by ";", each 2–120 characters. */
export function parseNames(text: string): string[] | undefined {
  const names = text
    .split(/[;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);
  const parsed = namesSchema.safeParse(names);
  return parsed.success ? parsed.data : undefined;
}

/** RSVP: going or not; stored once per person (a new answer replaces the old). */
export async function answerRsvp(tx: Tx, festivalId: number, userId: string, going: boolean): Promise<void> {
  await tx.rsvp.upsert({
    where: { festivalId_userId: { festivalId, userId } },
    create: { festivalId, userId, going },
    update: { going },
  });
}

export async function rsvpCounts(tx: Tx, festivalId: number): Promise<RsvpCounts> {
  return (await rsvpCountsOf(tx, [festivalId])).get(festivalId)!;
}

export type RsvpCounts = { going: number; notGoing: number };

/** The same for several festivals in one query (a list): each id → its counts, 0 and 0 when nobody answered. */
export async function rsvpCountsOf(tx: Tx, festivalIds: number[]): Promise<Map<number, RsvpCounts>> {
  const rows = await tx.rsvp.groupBy({
    by: ['festivalId', 'going'],
    where: { festivalId: { in: festivalIds } },
    _count: { _all: true },
  });
  const n = (id: number, going: boolean) =>
    rows.find((r) => r.festivalId === id && r.going === going)?._count._all ?? 0;
  return new Map(festivalIds.map((id) => [id, { going: n(id, true), notGoing: n(id, false) }]));
}

/** Upcoming festivals a resident of `areaCode` is invited to: of their commune or their province. */
export async function upcomingFor(tx: Tx, areaCode: string, now = new Date()): Promise<Festival[]> {
  return tx.festival.findMany({
    where: { status: 'scheduled', endsAt: { gt: now }, areaCode: { in: await lineage(tx, areaCode) } },
    orderBy: { startsAt: 'asc' },
    take: 10,
  });
}

/** The festival a choice or command names, if any. */
export async function findFestival(tx: Tx, raw: string | number | undefined): Promise<Festival | null> {
  const id = parseRowId(raw);
  return id ? tx.festival.findUnique({ where: { id } }) : null;
}
