import { z } from 'zod';
import { countAudience, type Audience } from '../broadcasting/audience.ts';
import { MAX_BODY, MIN_BODY } from '../broadcasting/content.ts';
import { deliveryFigures } from '../broadcasting/store.ts';
import { parseLocalTime } from '../core/format.ts';
import { parseRowId } from '../core/menu.ts';
import { platformSchema } from '../core/messages.ts';
import { OPERATOR, type Scope } from '../core/scope.ts';
import type { Db } from '../db/client.ts';
import {
  broadcastWithin,
  cancel,
  draft,
  pause,
  resume,
  start,
  type BroadcastOutcome,
  type BroadcastRefusal,
} from '../features/broadcasts/actions.ts';
import { statusText } from '../features/broadcasts/report.ts';
import type { I18n } from '../i18n/index.ts';
import { inScope, type ScopeDeps } from '../pipeline/run-scope.ts';
import { flags } from './flags.ts';
import { vietnamTime } from './time.ts';

export const BROADCAST_USAGE = `usage:
  broadcast create (--area <code> | --all) --text <text> [--text-en <text>] [--photo-url <https url>]
                   [--platform telegram|zalo|zalo_oa] [--lang vi|en] [--at "19/08 07:30"] [--draft]
  broadcast send <id> [--at "19/08 07:30"]
  broadcast list
  broadcast status|pause|resume|cancel <id>`;

const body = z.string().trim().min(MIN_BODY).max(MAX_BODY);
const createSchema = z
  .object({
    area: z
      .string()
      .regex(/^\d{1,8}$/, 'must be an area code, e.g. 01 or 26734')
      .optional(),
    all: z.literal('true').optional(),
    text: body,
    'text-en': body.optional(),
    'photo-url': z.url({ protocol: /^https?$/ }).optional(),
    platform: platformSchema.optional(),
    lang: z.enum(['vi', 'en']).optional(),
    at: z.string().optional(),
    draft: z.literal('true').optional(),
  })
  .refine((o) => Boolean(o.area) !== Boolean(o.all), {
    message: 'give exactly one of --area <code> or --all',
    path: ['area'],
  });

/** Wakes the workers' reconciler; without Redis they find the change at their next pass anyway. */
export type Kick = () => Promise<void>;

interface Io {
  db: Db;
  i18n: I18n;
  /** What the use cases run with, read from the environment when first needed (the encryption key). */
  scope: ScopeDeps;
  kick: Kick;
  out: (line: string) => void;
}

type Steer = 'start' | 'pause' | 'resume' | 'cancel';

/** The operator's refusals, as lines; `action` is the verb refused. */
const refusalLine = (reason: BroadcastRefusal, id: number, action: Steer): string =>
  ({
    'not-found': `No broadcast #${id}.`,
    state: `Broadcast #${id} cannot ${action} in its state.`,
    area: `Broadcast #${id} is outside your areas.`,
  })[reason];

function readTime(raw: string | undefined, out: Io['out']): Date | undefined | null {
  if (!raw) return undefined;
  const at = parseLocalTime(raw);
  if (!at || at.getTime() <= Date.now()) {
    out(`--at: "${raw}" is not a future date and time (Vietnam time), e.g. "19/08 07:30"`);
    return null;
  }
  return at;
}

async function kickOrExplain(io: Io): Promise<void> {
  await io.kick().catch(() => io.out('(Redis unreachable: the workers pick this up at their next reconcile pass.)'));
}

async function create(args: string[], io: Io): Promise<number> {
  const parsed = createSchema.safeParse(flags(args));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) io.out(`--${String(issue.path[0] ?? 'area')}: ${issue.message}`);
    io.out(BROADCAST_USAGE);
    return 2;
  }
  const o = parsed.data;
  const at = readTime(o.at, io.out);
  if (at === null) return 2;
  if (o.area && !(await io.db.area.findUnique({ where: { code: o.area } }))) {
    io.out(`No area with code ${o.area}. Find codes with: npm run cli -- areas search <name>`);
    return 2;
  }
  const filters = { ...(o.platform && { platforms: [o.platform] }), ...(o.lang && { locales: [o.lang] }) };
  const audience: Audience = o.area ? { kind: 'area', areaCode: o.area, ...filters } : { kind: 'all', ...filters };
  const input = {
    audience,
    texts: { vi: o.text, en: o['text-en'] },
    photo: o['photo-url'] ? { url: o['photo-url'] } : null,
  };
  const { result, wakes } = await inScope(io.scope, (s) =>
    o.draft ? draft(s, OPERATOR, input) : start(s, OPERATOR, input, at),
  );
  if (!result.ok) {
    io.out(`Not created (${result.reason}).`);
    return 2;
  }
  const b = result.broadcast;
  const count = await countAudience(io.db, audience, b.topic);
  io.out(
    `Broadcast #${b.id}: ${b.status}${b.scheduledAt ? ` for ${vietnamTime(b.scheduledAt)}` : ''}; ` +
      `${count.total} recipients now (Telegram ${count.telegram}, Zalo ${count.zalo}, Zalo OA ${count.zalo_oa}).`,
  );
  if (wakes.size) await kickOrExplain(io);
  return 0;
}

const steps: Record<Steer, (s: Scope, id: number, at: Date | undefined) => Promise<BroadcastOutcome>> = {
  start: (s, id, at) => start(s, OPERATOR, id, at),
  pause: (s, id) => pause(s, OPERATOR, id),
  resume: (s, id) => resume(s, OPERATOR, id),
  cancel: (s, id) => cancel(s, OPERATOR, id),
};

async function steer(action: Steer, rawId: string | undefined, rest: string[], io: Io): Promise<number> {
  const id = Number(rawId);
  if (!Number.isSafeInteger(id)) {
    io.out(BROADCAST_USAGE);
    return 2;
  }
  const at = readTime(flags(rest).at, io.out);
  if (at === null) return 2;
  const { result, wakes } = await inScope(io.scope, (s) => steps[action](s, id, at));
  if (!result.ok) {
    io.out(refusalLine(result.reason, id, action));
    return 2;
  }
  io.out(`Broadcast #${id}: ${result.broadcast.status}.`);
  if (wakes.size) await kickOrExplain(io);
  return 0;
}

async function status(rawId: string | undefined, io: Io): Promise<number> {
  const found = await broadcastWithin(io.db, OPERATOR, parseRowId(rawId));
  if (!found.ok) {
    io.out(`No broadcast #${rawId ?? ''}.`);
    return 2;
  }
  const b = found.broadcast;
  io.out(statusText(io.i18n, 'en', b, await deliveryFigures(io.db, b.id)));
  io.out(
    `Audience: ${JSON.stringify(b.audience)}; recipients written: ${b.recipientCount}${b.fanoutDoneAt ? '' : ' (fan-out not finished)'}`,
  );
  return 0;
}

async function list(io: Io): Promise<number> {
  const rows = await io.db.broadcast.findMany({ orderBy: { id: 'desc' }, take: 20 });
  if (!rows.length) io.out('No broadcasts.');
  for (const b of rows) {
    io.out(
      `#${b.id}  ${b.status.padEnd(9)}  ${b.areaCode ?? 'all'}  ${b.recipientCount} recipients  created ${vietnamTime(b.createdAt)}`,
    );
  }
  return 0;
}

/** `broadcast ...`: the operator's side of broadcasts, through the same use cases as chat (audited with no actor). */
export async function broadcastCommand(args: string[], io: Io): Promise<number> {
  const [sub, id, ...rest] = args;
  switch (sub) {
    case 'create':
      return create(args.slice(1), io);
    case 'send':
      return steer('start', id, rest, io);
    case 'pause':
    case 'resume':
    case 'cancel':
      return steer(sub, id, rest, io);
    case 'status':
      return status(id, io);
    case 'list':
      return list(io);
    default:
      io.out(BROADCAST_USAGE);
      return 2;
  }
}
