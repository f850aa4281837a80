import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseRowId } from '../core/menu.ts';
import { OPERATOR, type Scope } from '../core/scope.ts';
import type { Db } from '../db/client.ts';
import {
  createModel,
  inviteLeader,
  LEADER_INVITE_DAYS,
  LEADER_INVITE_MAX_DAYS,
  modelInput,
  reactivate,
  retire,
} from '../features/models/actions.ts';
import { joinLink, qrPng } from '../features/models/share.ts';
import { findModel, MODEL_KINDS, REVIEW_DAYS, reviewModels } from '../features/models/store.ts';
import { inScope, type ScopeDeps } from '../pipeline/run-scope.ts';
import { flags } from './flags.ts';
import { vietnamTime } from './time.ts';

export const MODELS_USAGE = `usage:
  models create --area <code> --name <text> --kind ${MODEL_KINDS.join('|')} [--policy approval|open] [--description <text>]
  models list [--area <code>]
  models qr <id> [--out <file.png>]
  models leader <id> [--days 7]
  models retire <id> | reactivate <id>`;

/** The flags of `models create`, checked as the use case checks its input. */
const createSchema = z.object({
  area: z.string().regex(/^\d{1,8}$/, 'must be an area code, e.g. 32248'),
  name: modelInput.shape.name,
  kind: modelInput.shape.kind,
  policy: modelInput.shape.joinPolicy,
  description: modelInput.shape.description,
});

export interface ModelsIo {
  db: Db;
  /** What the use cases run with; the data key is read only by what hashes or encrypts (a leader invite). */
  scope: ScopeDeps;
  /** The bot's username for the deep link: configured or asked of Telegram; undefined when neither works. */
  botUsername: () => Promise<string | undefined>;
  out: (line: string) => void;
}

const fail = (io: ModelsIo, ...lines: string[]) => {
  for (const line of lines) io.out(line);
  return 2;
};

const noModel = (raw: string | undefined, io: ModelsIo) => fail(io, `No model #${raw ?? ''}.`);

/** Runs a use case as the operator, in one transaction with its audit entry and messages. */
const asOperator = <T>(io: ModelsIo, run: (scope: Scope) => Promise<T>) => inScope(io.scope, run);

async function create(args: string[], io: ModelsIo): Promise<number> {
  const parsed = createSchema.safeParse(flags(args));
  if (!parsed.success)
    return fail(io, ...parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`), MODELS_USAGE);
  const o = parsed.data;
  const { result } = await asOperator(io, (scope) =>
    createModel(scope, OPERATOR, {
      areaCode: o.area,
      name: o.name,
      kind: o.kind,
      description: o.description,
      joinPolicy: o.policy,
    }),
  );
  if (!result.ok)
    return result.reason === 'no-area'
      ? fail(io, `No commune or ward with code ${o.area}. Find codes with: npm run cli -- areas search <name>`)
      : fail(io, MODELS_USAGE);
  const { model, area } = result;
  io.out(`Model #${model.id} "${model.name}" in ${area.name}: join code ${model.joinCode} (${model.joinPolicy}).`);
  io.out(`Next: npm run cli -- models leader ${model.id}   (an invite for its leader)`);
  return 0;
}

async function list(args: string[], io: ModelsIo): Promise<number> {
  const area = flags(args).area;
  const models = await io.db.localModel.findMany({
    where: area ? { OR: [{ areaCode: area }, { area: { parentCode: area } }] } : {},
    orderBy: { id: 'asc' },
    take: 500,
  });
  if (!models.length) return (io.out('No models.'), 0);
  io.out(`Review of the last ${REVIEW_DAYS} days:`);
  io.out('id\tstate\tarea\tmembers\tpending\tjoins\tleaves\tnotices\ttips\tcode\tname');
  for (const r of await reviewModels(io.db, models)) {
    const m = r.model;
    io.out(
      [
        m.id,
        m.retiredAt ? 'retired' : 'active',
        m.areaCode,
        r.members,
        r.pending,
        r.joins,
        r.leaves,
        r.notices,
        r.tips,
        m.joinCode,
        m.name,
      ].join('\t'),
    );
  }
  return 0;
}

async function qr(raw: string | undefined, rest: string[], io: ModelsIo): Promise<number> {
  const model = await findModel(io.db, raw);
  if (!model) return noModel(raw, io);
  const bot = await io.botUsername();
  if (!bot)
    return fail(io, 'The bot username is unknown: set TELEGRAM_BOT_USERNAME, or TELEGRAM_BOT_TOKEN to ask Telegram.');
  const link = joinLink(bot, model.joinCode);
  const out = flags(rest).out ?? `model-${model.id}-qr.png`;
  await writeFile(out, await qrPng(link));
  io.out(`QR code of ${link} written to ${out}`);
  io.out(`Zalo users type the code ${model.joinCode}.`);
  return 0;
}

async function leader(raw: string | undefined, rest: string[], io: ModelsIo): Promise<number> {
  const id = parseRowId(raw);
  if (!id) return noModel(raw, io);
  const days = Number(flags(rest).days ?? LEADER_INVITE_DAYS);
  const { result } = await asOperator(io, (scope) => inviteLeader(scope, OPERATOR, id, days));
  if (!result.ok)
    return result.reason === 'not-found'
      ? noModel(raw, io)
      : fail(io, `--days: a whole number from 1 to ${LEADER_INVITE_MAX_DAYS}`);
  const { model, code, expiresAt } = result;
  io.out(`Leader invite for #${model.id} "${model.name}": ${code} (until ${vietnamTime(expiresAt)}).`);
  io.out(`The leader sends the bot: /staff ${code}`);
  return 0;
}

async function setRetired(raw: string | undefined, retired: boolean, io: ModelsIo): Promise<number> {
  const id = parseRowId(raw);
  if (!id) return noModel(raw, io);
  const { result } = await asOperator(io, (scope) => (retired ? retire : reactivate)(scope, OPERATOR, id));
  if (!result.ok) return noModel(raw, io);
  io.out(`Model #${result.model.id}: ${retired ? 'retired' : 'active'}.`);
  return 0;
}

/** `models ...`: the operator's side of self-managed models; changes are audited with the CLI as actor. */
export async function modelsCommand(args: string[], io: ModelsIo): Promise<number> {
  const [sub, id, ...rest] = args;
  switch (sub) {
    case 'create':
      return create(args.slice(1), io);
    case 'list':
      return list(args.slice(1), io);
    case 'qr':
      return qr(id, rest, io);
    case 'leader':
      return leader(id, rest, io);
    case 'retire':
    case 'reactivate':
      return setRetired(id, sub === 'retire', io);
    default:
      return fail(io, MODELS_USAGE);
  }
}
