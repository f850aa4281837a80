import { parseLocalTime, parseTimeOnDay } from '../core/format.ts';
import { OPERATOR, type Scope, type Wake } from '../core/scope.ts';
import type { Db } from '../db/client.ts';
import type { Festival } from '../generated/prisma/client.ts';
import * as festivals from '../features/festivals/actions.ts';
import {
  findFestival,
  festivalInputSchema,
  parseNames,
  rsvpCounts,
  type FestivalInput,
} from '../features/festivals/store.ts';
import type { I18n } from '../i18n/index.ts';
import { inScope, type ScopeDeps } from '../pipeline/run-scope.ts';
import { flags } from './flags.ts';
import { vietnamTime } from './time.ts';

export const FESTIVAL_USAGE = `usage:
  festival create --area <code> --title <text> --start "19/08 07:30" --end "11:30" --venue <text>
                  [--programme <text>] [--remind rsvp|area] [--draft]
                  (--draft: print the announcement as residents will read it and its recipient count; create nothing)
  festival list
  festival show <id>
  festival move <id> --start "20/08 07:30" --end "11:30"
  festival cancel <id>
  festival commend <id> --names "Nguyễn Văn A; Tổ tự quản ấp 3"`;

export interface FestivalIo {
  db: Db;
  i18n: I18n;
  /** What the use cases run with (FESTIVAL_REMINDERS: the reminders' lead times). */
  scope: ScopeDeps;
  /** Wakes the workers (broadcasts and reminders); they also find the change at their next pass. */
  kick: () => Promise<void>;
  out: (line: string) => void;
}

/** Runs a use case as the operator, in one transaction. */
const asOperator = <T>(io: FestivalIo, run: (scope: Scope) => Promise<T>) => inScope(io.scope, run);

function times(o: Record<string, string>, io: FestivalIo): { startsAt: Date; endsAt: Date } | null {
  const startsAt = o.start ? parseLocalTime(o.start) : undefined;
  if (!startsAt) {
    io.out(`--start: "${o.start ?? ''}" is not a date and time (Vietnam time), e.g. "19/08 07:30"`);
    return null;
  }
  if (startsAt <= new Date()) {
    io.out(
      `--start: "${o.start}" reads as ${vietnamTime(startsAt)} (Vietnam time), which has passed; give a time still to come`,
    );
    return null;
  }
  const endsAt = o.end ? parseTimeOnDay(o.end, startsAt) : undefined;
  if (!endsAt) {
    io.out(`--end: "${o.end ?? ''}" is not a time ("11:30") or a date and time`);
    return null;
  }
  return { startsAt, endsAt };
}

/** Wakes the workers the change asked for (broadcasts to send, reminders to schedule). */
async function kick(io: FestivalIo, wakes: ReadonlySet<Wake>) {
  if (!wakes.size) return;
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
  if (o.draft === 'true') return draft(parsed.data, io);
  const { result, wakes } = await asOperator(io, (scope) => festivals.create(scope, OPERATOR, parsed.data));
  if (!result.ok) {
    io.out(createRefused(result.reason, parsed.data.areaCode));
    return 2;
  }
  const { festival, announcementId, recipients } = result;
  io.out(
    `Festival #${festival.id} "${festival.title}" created; announcement: broadcast #${announcementId}, for ${recipients} accounts.`,
  );
  await show(String(festival.id), io);
  await kick(io, wakes);
  return 0;
}

/** `create --draft`: the announcement as residents of the area will read it (in Vietnamese), and how many it would reach. */
async function draft(input: FestivalInput, io: FestivalIo): Promise<number> {
  const { result } = await asOperator(io, (scope) => festivals.previewAnnouncement(scope, 'vi', input));
  if (!result.ok) {
    io.out(FESTIVAL_USAGE);
    return 2;
  }
  io.out(`Draft (nothing created): the announcement would reach ${result.recipients} accounts in ${result.area}.`);
  io.out(result.text);
  return 0;
}

/** What the operator reads when a creation is refused (times and fields are checked first, with their own lines). */
function createRefused(reason: festivals.CreateRefusal, areaCode: string): string {
  switch (reason) {
    case 'fest-area-unknown':
      return `No area with code ${areaCode}. Find codes with: npm run cli -- areas search <name>`;
    case 'fest-bad-time':
      return '--start: not a future date and time (Vietnam time), e.g. "19/08 07:30"';
    case 'fest-invalid':
    case 'staff-only':
      return FESTIVAL_USAGE;
  }
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
    `#${f.id} ${f.status} "${f.title}" area ${f.areaCode}, ${vietnamTime(f.startsAt)} – ${vietnamTime(f.endsAt)}, at ${f.venue}`,
  );
  io.out(`RSVP: ${counts.going} going, ${counts.notGoing} not going; reminders to: ${f.remindTo}`);
  for (const r of reminders)
    io.out(
      `  reminder ${r.offsetSeconds}s before: ${vietnamTime(r.dueAt)} ${r.status}${r.broadcastId ? ` (broadcast #${r.broadcastId})` : ''}`,
    );
  return 0;
}

async function list(io: FestivalIo): Promise<number> {
  const rows = await io.db.festival.findMany({ orderBy: { startsAt: 'desc' }, take: 30 });
  if (!rows.length) io.out('No festivals.');
  for (const f of rows)
    io.out(`#${f.id}  ${f.status.padEnd(9)}  ${f.areaCode}  ${vietnamTime(f.startsAt)}  ${f.title}`);
  return 0;
}

const refusal = (f: Festival, reason: 'fest-not-found' | 'fest-not-now' | 'fest-bad-time' | 'fest-bad-names') =>
  ({
    'fest-not-found': `No festival #${f.id}.`,
    'fest-not-now': `Festival #${f.id} is ${f.status}.`,
    'fest-bad-time': 'The new time is not valid (future start, end within 7 days).',
    'fest-bad-names': NAMES_HELP,
  })[reason];

const NAMES_HELP = '--names: one or more names separated by ";" (2–120 characters each)';

/** A move or a cancellation of the festival `raw` names, reported as today. */
async function change(
  raw: string | undefined,
  io: FestivalIo,
  run: (f: Festival) => ((scope: Scope) => Promise<festivals.Change>) | null,
): Promise<number> {
  const f = await festivalArg(raw, io);
  if (!f) return 2;
  const useCase = run(f);
  if (!useCase) return 2;
  const { result, wakes } = await asOperator(io, useCase);
  if (!result.ok) {
    io.out(refusal(f, result.reason));
    return 2;
  }
  io.out(
    `Festival #${f.id}: ${result.festival.status}, ${vietnamTime(result.festival.startsAt)}; notice: broadcast #${result.noticeId}, for ${result.recipients} accounts.`,
  );
  await kick(io, wakes);
  return 0;
}

async function commend(raw: string | undefined, args: string[], io: FestivalIo): Promise<number> {
  const f = await festivalArg(raw, io);
  if (!f) return 2;
  const names = parseNames(flags(args).names ?? '');
  if (!names) {
    io.out(NAMES_HELP);
    return 2;
  }
  const { result, wakes } = await asOperator(io, (scope) => festivals.commend(scope, OPERATOR, f.id, names));
  if (!result.ok) {
    io.out(refusal(f, result.reason));
    return 2;
  }
  io.out(`Commendations of ${names.length} announced: broadcast #${result.broadcastId}.`);
  await kick(io, wakes);
  return 0;
}

/** `festival ...`: the operator's side of festival days; changes are audited with the operator as actor. */
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
      return change(id, io, (f) => {
        const when = times(flags(rest), io);
        return when && ((scope) => festivals.move(scope, OPERATOR, f.id, when.startsAt, when.endsAt));
      });
    case 'cancel':
      return change(id, io, (f) => (scope) => festivals.cancel(scope, OPERATOR, f.id));
    case 'commend':
      return commend(id, rest, io);
    default:
      io.out(FESTIVAL_USAGE);
      return 2;
  }
}
