import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import {
  createModel,
  findModel,
  MODEL_DESCRIPTION_MAX,
  MODEL_KINDS,
  MODEL_NAME,
  REVIEW_DAYS,
  reviewModels,
} from '../features/models/store.ts';
import { joinLink, qrPng } from '../features/models/share.ts';
import { audit } from '../features/staff/audit.ts';
import { createInvite } from '../features/staff/invites.ts';
import type { Pii } from '../security/pii.ts';
import { flags } from './flags.ts';

export const MODELS_USAGE = `usage:
  models create --area <code> --name <text> --kind ${MODEL_KINDS.join('|')} [--policy approval|open] [--description <text>]
  models list [--area <code>]
  models qr <id> [--out <file.png>]
  models leader <id> [--days 7]
  models retire <id> | reactivate <id>`;

const createSchema = z.object({
  area: z.string().regex(/^\d{1,8}$/, 'must be an area code, e.g. 32248'),
  name: z.string().trim().min(MODEL_NAME.min).max(MODEL_NAME.max),
  kind: z.enum(MODEL_KINDS as [string, ...string[]]),
  policy: z.enum(['approval', 'open']).default('approval'),
  description: z.string().trim().max(MODEL_DESCRIPTION_MAX).default(''),
});

export interface ModelsIo {
  db: Db;
  /** For leader invites (only the keyed hash of a code is stored). */
  pii: () => Pii;
  /** The bot's username for the deep link: configured or asked of Telegram; undefined when neither works. */
  botUsername: () => Promise<string | undefined>;
  out: (line: string) => void;
}

const fail = (io: ModelsIo, ...lines: string[]) => {
  for (const line of lines) io.out(line);
  return 2;
};

async function create(args: string[], io: ModelsIo): Promise<number> {
  const parsed = createSchema.safeParse(flags(args));
  if (!parsed.success)
    return fail(io, ...parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`), MODELS_USAGE);
  const o = parsed.data;
  const area = await io.db.area.findUnique({ where: { code: o.area } });
  if (!area || area.level === 'province')
    return fail(io, `No commune or ward with code ${o.area}. Find codes with: npm run cli -- areas search <name>`);
  const model = await io.db.$transaction(async (tx) => {
    const m = await createModel(tx, {
      areaCode: o.area,
      name: o.name,
      kind: o.kind as (typeof MODEL_KINDS)[number],
      description: o.description,
      joinPolicy: o.policy,
      createdById: null,
    });
    await audit(tx, { actorId: null, action: 'model.create', entity: 'LocalModel', entityId: String(m.id) });
    return m;
  });
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

async function modelArg(raw: string | undefined, io: ModelsIo) {
  const model = await findModel(io.db, raw);
  if (!model) io.out(`No model #${raw ?? ''}.`);
  return model;
}

async function qr(raw: string | undefined, rest: string[], io: ModelsIo): Promise<number> {
  const model = await modelArg(raw, io);
  if (!model) return 2;
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
  const model = await modelArg(raw, io);
  if (!model) return 2;
  const days = Number(flags(rest).days ?? 7);
  if (!Number.isInteger(days) || days < 1 || days > 30) return fail(io, '--days: a whole number from 1 to 30');
  const { code, expiresAt } = await io.db.$transaction((tx) =>
    createInvite(tx, io.pii(), { role: 'leader', areaCode: model.areaCode, days, createdBy: 'cli', modelId: model.id }),
  );
  io.out(`Leader invite for #${model.id} "${model.name}": ${code} (until ${expiresAt.toISOString()}).`);
  io.out(`The leader sends the bot: /staff ${code}`);
  return 0;
}

async function setRetired(raw: string | undefined, retire: boolean, io: ModelsIo): Promise<number> {
  const model = await modelArg(raw, io);
  if (!model) return 2;
  await io.db.$transaction(async (tx) => {
    await tx.localModel.update({
      where: { id: model.id },
      data: { retiredAt: retire ? (model.retiredAt ?? new Date()) : null },
    });
    await audit(tx, {
      actorId: null,
      action: retire ? 'model.retire' : 'model.reactivate',
      entity: 'LocalModel',
      entityId: String(model.id),
    });
  });
  io.out(`Model #${model.id}: ${retire ? 'retired' : 'active'}.`);
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
