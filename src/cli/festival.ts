import { parseLocalTime, parseTimeOnDay } from '../core/format.ts';
import type { Db } from '../db/client.ts';
import {
  cancelFestival,
  commend,
  createFestival,
  findFestival,
  festivalInputSchema,
  moveFestival,
  parseNames,
  rsvpCounts,
  type ChangeResult,
} from '../features/festivals/store.ts';
import type { I18n } from '../i18n/index.ts';
import { flags } from './flags.ts';

export const FESTIVAL_USAGE = `usage:
  festival create --area <code> --title <text> --start "19/08 07:30" --end "11:30" --venue <text>
                  [--programme <text>] [--remind rsvp|area]
  festival list
  festival show <id>
  festival move <id> --start "20/08 07:30" --end "11:30"
  festival cancel <id>
  festival commend <id> --names "Nguyễn Văn A; Tổ tự quản ấp 3"`;

export interface FestivalIo {
  db: Db;
  i18n: I18n;
  /** Reminder lead times in seconds (FESTIVAL_REMINDERS). */
  offsets: number[];
  /** Wakes the workers (broadcasts and reminders); they also find the change at their next pass. */
  kick: () => Promise<void>;
  out: (line: string) => void;
}

const CLI = { userId: null };

function times(o: Record<string, string>, io: FestivalIo): { startsAt: Date; endsAt: Date } | null {
  const startsAt = o.start ? parseLocalTime(o.start) : undefined;
  if (!startsAt || startsAt <= new Date()) {
    io.out(`--start: "${o.start ?? ''}" is not a future date and time (Vietnam time), e.g. "19/08 07:30"`);
    return null;
  }
  const endsAt = o.end ? parseTimeOnDay(o.end, startsAt) : undefined;
  if (!endsAt) {
    io.out(`--end: "${o.end ?? ''}" is not a time ("11:30") or a date and time`);
    return null;
  }
  return { startsAt, endsAt };
}

async function kick(io: FestivalIo) {
  await io.kick().catch(() => io.out('(Redis unreachable: the workers pick this up at their next pass.)'));
}

async function create(args: string[], io: FestivalIo): Promise<number> {
  const o = flags(args);
  const when = times(o, io);
  if (!when) return 2;
  const parsed = festivalInputSchema.safeParse({
    areaCode: o.area ?? '',
    title: o.title ?? '',
    venue: o.venue ?? '',
    programme: o.programme,
    remindTo: o.remind,
    ...when,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) io.out(`--${String(i.path[0]).replace('areaCode', 'area')}: ${i.message}`);
    io.out(FESTIVAL_USAGE);
    return 2;
  }
  if (!(await io.db.area.findUnique({ where: { code: parsed.data.areaCode } }))) {
    io.out(`No area with code ${parsed.data.areaCode}. Find codes with: npm run cli -- areas search <name>`);
    return 2;
  }
  const { festival, announcementId } = await io.db.$transaction((tx) =>
    createFestival(tx, io.i18n, parsed.data, io.offsets, CLI),
  );
  io.out(`Festival #${festival.id} "${festival.title}" created; announcement: broadcast #${announcementId}.`);
  await show(String(festival.id), io);
  await kick(io);
  return 0;
}

async function festivalArg(raw: string | undefined, io: FestivalIo) {
  const f = await findFestival(io.db, raw);
  if (!f) io.out(`No festival #${raw ?? ''}.`);
  return f;
}

async function show(raw: string | undefined, io: FestivalIo): Promise<number> {
  const f = await festivalArg(raw, io);
  if (!f) return 2;
  const counts = await rsvpCounts(io.db, f.id);
  const reminders = await io.db.festivalReminder.findMany({ where: { festivalId: f.id }, orderBy: { dueAt: 'asc' } });
  io.out(
    `#${f.id} ${f.status} "${f.title}" area ${f.areaCode}, ${f.startsAt.toISOString()} – ${f.endsAt.toISOString()}, at ${f.venue}`,
  );
  io.out(`RSVP: ${counts.going} going, ${counts.notGoing} not going; reminders to: ${f.remindTo}`);
  for (const r of reminders)
    io.out(
      `  reminder ${r.offsetSeconds}s before: ${r.dueAt.toISOString()} ${r.status}${r.broadcastId ? ` (broadcast #${r.broadcastId})` : ''}`,
    );
  return 0;
}

async function list(io: FestivalIo): Promise<number> {
  const rows = await io.db.festival.findMany({ orderBy: { startsAt: 'desc' }, take: 30 });
  if (!rows.length) io.out('No festivals.');
  for (const f of rows)
    io.out(`#${f.id}  ${f.status.padEnd(9)}  ${f.areaCode}  ${f.startsAt.toISOString()}  ${f.title}`);
  return 0;
}

async function change(
  raw: string | undefined,
  io: FestivalIo,
  run: (f: NonNullable<Awaited<ReturnType<typeof festivalArg>>>) => Promise<ChangeResult | null>,
) {
  const f = await festivalArg(raw, io);
  if (!f) return 2;
  const result = await run(f);
  if (!result) return 2;
  if (!result.ok) {
    io.out(
      result.error === 'state'
        ? `Festival #${f.id} is ${f.status}.`
        : 'The new time is not valid (future start, end within 7 days).',
    );
    return 2;
  }
  io.out(
    `Festival #${f.id}: ${result.festival.status}, ${result.festival.startsAt.toISOString()}; notice: broadcast #${result.noticeId}.`,
  );
  await kick(io);
  return 0;
}

/** `festival ...`: the operator's side of festival days; changes are audited with the CLI as actor. */
export async function festivalCommand(args: string[], io: FestivalIo): Promise<number> {
  const [sub, id, ...rest] = args;
  switch (sub) {
    case 'create':
      return create(args.slice(1), io);
    case 'list':
      return list(io);
    case 'show':
      return show(id, io);
    case 'move':
      return change(id, io, async (f) => {
        const when = times(flags(rest), io);
        return (
          when && io.db.$transaction((tx) => moveFestival(tx, io.i18n, f, when.startsAt, when.endsAt, io.offsets, CLI))
        );
      });
    case 'cancel':
      return change(id, io, (f) => io.db.$transaction((tx) => cancelFestival(tx, io.i18n, f, CLI)));
    case 'commend': {
      const f = await festivalArg(id, io);
      if (!f) return 2;
      const names = parseNames(flags(rest).names ?? '');
      if (!names || f.status !== 'scheduled') {
        io.out(
          names
            ? `Festival #${f.id} is ${f.status}.`
            : '--names: one or more names separated by ";" (2–120 characters each)',
        );
        return 2;
      }
      const { broadcastId } = await io.db.$transaction((tx) => commend(tx, io.i18n, f, names, CLI));
      io.out(`Commendations of ${names.length} announced: broadcast #${broadcastId}.`);
      await kick(io);
      return 0;
    }
    default:
      io.out(FESTIVAL_USAGE);
      return 2;
  }
}
