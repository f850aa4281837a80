import { identityHash } from '../core/people.ts';
import { OPERATOR, type Scope } from '../core/scope.ts';
import type { Tx } from '../core/tx.ts';
import type { Db } from '../db/client.ts';
import { consoleLoginUrl } from '../features/console/links.ts';
import { createSignInLink, LINK_TTL_MS, staffActor } from '../features/console/sessions.ts';
import * as festivals from '../features/festivals/actions.ts';
import { createModel } from '../features/models/actions.ts';
import { audit } from '../features/staff/audit.ts';
import { inScope, type ScopeDeps } from '../pipeline/run-scope.ts';
import { flags } from './flags.ts';
import { vietnamTime } from './time.ts';

export const DEMO_USAGE = 'usage: demo [--area <commune code>] | demo --remove';

/** Everything the demo makes says so where people see it. */
export const DEMO_MARK = '[Demo]';
/** The commune a demo fills unless told otherwise (the one the README's examples use). */
const DEFAULT_COMMUNE = { name: 'Xã Hưng Mỹ', province: 'Cà Mau' };
/** The audit entity whose entries are the demo's ledger: what it created, so that --remove deletes exactly that. */
const LEDGER = 'Demo';

const demoRecord = (details: unknown) => details as DemoRecord;
interface DemoRecord {
  areaCode: string;
  userId: string;
  grantId: string;
  modelId: number;
  festivalId: number;
}

export interface DemoIo {
  db: Db;
  scope: ScopeDeps;
  /** Wakes the workers for the festival's announcement and reminders. */
  kick: () => Promise<void>;
  /** The service's public address (PUBLIC_URL), or where it listens on this machine. */
  baseUrl: string;
  out: (line: string) => void;
}

/**
 * `demo`: a demo officer (with a console sign-in link), a model and a festival two weeks ahead in one commune,
 * each marked [Demo]; run again, it shows the same demo with a new link. `demo --remove` deletes what the
 * demo created, found through the audit entry that recorded it, and nothing else.
 */
export async function demoCommand(args: string[], io: DemoIo): Promise<number> {
  const o = flags(args);
  const unknown = Object.keys(o).filter((k) => k !== 'area' && k !== 'remove');
  if (unknown.length || (o.remove && (o.area || o.remove !== 'true')) || o.area === 'true') {
    io.out(DEMO_USAGE);
    return 2;
  }
  return o.remove ? remove(io) : create(io, o.area);
}

/** The demo in place: the latest `demo.create` entry, unless a `demo.remove` came after it. */
async function current(tx: Tx | Db): Promise<{ entryId: bigint; record: DemoRecord } | null> {
  const last = await tx.auditLog.findFirst({
    where: { entity: LEDGER, action: { in: ['demo.create', 'demo.remove'] } },
    orderBy: { id: 'desc' },
  });
  return last?.action === 'demo.create' ? { entryId: last.id, record: demoRecord(last.details) } : null;
}

async function create(io: DemoIo, areaCode: string | undefined): Promise<number> {
  const area = areaCode
    ? await io.db.area.findUnique({ where: { code: areaCode } })
    : await io.db.area.findFirst({
        where: { name: DEFAULT_COMMUNE.name, parent: { name: { contains: DEFAULT_COMMUNE.province } } },
      });
  if (!area || area.level !== 'commune') {
    io.out(
      areaCode
        ? `--area: no commune or ward with code ${areaCode}. See: npm run cli -- areas search <name>`
        : `No ${DEFAULT_COMMUNE.name}, ${DEFAULT_COMMUNE.province}: import the areas first (npm run cli -- areas import)`,
    );
    return 2;
  }
  const { result } = await inScope(io.scope, async (scope) => {
    const existing = await current(scope.tx);
    if (existing) return { created: false, record: existing.record, link: await signInLink(scope, existing.record) };
    // The festival is announced to the commune's residents: a demo never writes to real people.
    const residents = await scope.tx.user.count({ where: { areaCode: area.code } });
    if (residents) return { residents };
    const record = await fill(scope, area.code);
    await audit(scope.tx, {
      actorId: null,
      action: 'demo.create',
      entity: LEDGER,
      entityId: record.grantId,
      details: { ...record },
    });
    return { created: true, record, link: await signInLink(scope, record) };
  });
  if ('residents' in result) {
    io.out(
      `${area.name} has ${result.residents} resident(s), who would be told of the demo festival: ` +
        'choose a commune nobody uses yet with --area <code>.',
    );
    return 2;
  }
  if (result.created)
    await io.kick().catch(() => io.out('(Redis unreachable: the workers pick this up at their next pass.)'));
  await describe(io, result.record, result.created);
  io.out(`Sign in to the console as the demo officer: ${consoleLoginUrl(io.baseUrl, result.link)}`);
  io.out(`Works once, within ${LINK_TTL_MS / 60_000} minutes; run \`npm run cli -- demo\` again for a new one.`);
  io.out('Remove everything the demo created: npm run cli -- demo --remove');
  return 0;
}

/**
 * The demo officer. Real staff come through an invite they redeem in chat; there is nobody to redeem this one,
 * so the person and the grant are written here. The console sees staff through a messenger account: theirs is
 * a made-up Telegram one, marked as having blocked the bot, so nothing is ever sent to it.
 */
async function fill(scope: Scope, areaCode: string): Promise<DemoRecord> {
  const { tx, pii } = scope;
  const user = await tx.user.create({ data: { consentVersion: 'demo', consentAt: new Date() } });
  const account = `demo-${user.id}`;
  await tx.identity.create({
    data: {
      userId: user.id,
      platform: 'telegram',
      platformIdHash: identityHash(pii, 'telegram', account),
      platformIdEnc: pii.encrypt(account),
      chatIdEnc: pii.encrypt(account),
      displayNameEnc: pii.encrypt(`${DEMO_MARK} Cán bộ`),
      blockedAt: new Date(),
    },
  });
  const grant = await tx.staffGrant.create({
    data: { userId: user.id, role: 'officer', areaCode, label: `${DEMO_MARK} Cán bộ Công an xã` },
  });
  const model = await createModel(scope, OPERATOR, {
    areaCode,
    name: `${DEMO_MARK} Tổ an ninh tự quản ấp Mới`,
    kind: 'team',
    joinPolicy: 'open',
    description: 'Mô hình mẫu để dùng thử; xoá bằng npm run cli -- demo --remove.',
  });
  if (!model.ok) throw new Error(`the demo model was refused: ${model.reason}`);
  // Two weeks ahead, 07:30-11:30 Vietnam time.
  const day = new Date(Date.now() + 14 * 86_400_000);
  const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 0, 30));
  const festival = await festivals.create(scope, OPERATOR, {
    areaCode,
    title: `${DEMO_MARK} Ngày hội Toàn dân bảo vệ an ninh Tổ quốc`,
    venue: 'Nhà văn hoá xã',
    programme: 'Chương trình mẫu để dùng thử.',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
  });
  if (!festival.ok) throw new Error(`the demo festival was refused: ${festival.reason}`);
  return { areaCode, userId: user.id, grantId: grant.id, modelId: model.model.id, festivalId: festival.festival.id };
}

async function signInLink(scope: Scope, record: DemoRecord): Promise<string> {
  const officer = await staffActor(scope.tx, { userId: record.userId });
  if (!officer) throw new Error('the demo officer is gone; run `npm run cli -- demo --remove`, then `demo` again');
  return createSignInLink(scope.tx, scope.pii, OPERATOR, officer);
}

async function describe(io: DemoIo, record: DemoRecord, created: boolean): Promise<void> {
  const [area, model, festival] = await Promise.all([
    io.db.area.findUnique({ where: { code: record.areaCode } }),
    io.db.localModel.findUnique({ where: { id: record.modelId } }),
    io.db.festival.findUnique({ where: { id: record.festivalId } }),
  ]);
  io.out(
    `${created ? 'Demo created' : 'Demo already in place'} in ${area?.name ?? record.areaCode} (${record.areaCode}):`,
  );
  io.out(`  officer: user ${record.userId} (grant ${record.grantId})`);
  if (model) io.out(`  model #${model.id} "${model.name}", join code ${model.joinCode}`);
  if (festival) io.out(`  festival #${festival.id} "${festival.title}", ${vietnamTime(festival.startsAt)}`);
}

/** Deletes the demo's festival (with its notices), model and officer; the audit trail keeps what happened. */
async function remove(io: DemoIo): Promise<number> {
  const removed = await io.db.$transaction(async (tx) => {
    const demo = await current(tx);
    if (!demo) return null;
    const { festivalId, modelId, userId } = demo.record;
    const notices = await tx.broadcast.deleteMany({ where: { festivalId } });
    const festival = await tx.festival.deleteMany({ where: { id: festivalId } });
    const model = await tx.localModel.deleteMany({ where: { id: modelId } });
    // Its account, grant, sign-in links and sessions go with it.
    const officer = await tx.user.deleteMany({ where: { id: userId } });
    await audit(tx, {
      actorId: null,
      action: 'demo.remove',
      entity: LEDGER,
      entityId: demo.record.grantId,
      details: { createdBy: String(demo.entryId) },
    });
    return { festival: festival.count, notices: notices.count, model: model.count, officer: officer.count };
  });
  if (!removed) {
    io.out('No demo to remove.');
    return 0;
  }
  io.out(
    `Demo removed: ${removed.officer} officer, ${removed.model} model, ${removed.festival} festival ` +
      `(with ${removed.notices} notice(s)).`,
  );
  return 0;
}
