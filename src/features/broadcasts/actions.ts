import { createBroadcast, owningArea, type NewBroadcast } from '../../broadcasting/store.ts';
import { actorId, refuse, type Actor, type Outcome, type Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { Broadcast, Prisma } from '../../generated/prisma/client.ts';
import { audit } from '../staff/audit.ts';
import { covers, TIP_ROLES, tipAreaFilter } from '../staff/grants.ts';
import { controlBroadcast } from './control.ts';
import { authorNote } from './report.ts';

/** Why a broadcast action was refused; each reason has one text in chat and one line in the CLI. */
export type BroadcastRefusal =
  /** No such broadcast, or not one of the actor's: the same answer for both. */
  | 'not-found'
  /** Its state does not allow it (already started, paused, finished...). */
  | 'state'
  /** A new broadcast to an audience outside the actor's areas. */
  | 'area';

export type BroadcastOutcome = Outcome<{ broadcast: Broadcast }, BroadcastRefusal>;

/** What a new broadcast says and to whom; its author is whoever acts. */
export type BroadcastInput = Omit<NewBroadcast, 'authorId' | 'authorIdentityId'>;

/** Officers and admins reach the residents of the areas they hold (and what lies under them); the operator everyone. */
export async function mayReach(tx: Tx, actor: Actor, areaCode: string | null): Promise<boolean> {
  if (actor.kind === 'operator') return true;
  return areaCode !== null && covers(tx, actor.person.grants, TIP_ROLES, areaCode);
}

/**
 * A broadcast the actor may see and steer, or the refusal: one of an area
 * they reach (a model's or festival's broadcast belongs to that model's or
 * festival's area), or their own (a leader's notice). Nationwide broadcasts
 * are the operator's.
 */
export async function broadcastWithin(
  tx: Tx,
  actor: Actor,
  id: number | undefined,
): Promise<Outcome<{ broadcast: Broadcast }, 'not-found'>> {
  const broadcast = id ? await tx.broadcast.findUnique({ where: { id } }) : null;
  if (!broadcast) return refuse('not-found');
  const own = actor.kind === 'person' && actor.person.grants.length > 0 && broadcast.authorId === actor.person.user.id;
  if (own || (await mayReach(tx, actor, broadcast.areaCode))) return { ok: true, broadcast };
  return refuse('not-found');
}

/** The broadcasts a list shows the actor: those of their areas and their own, as broadcastWithin allows one. */
export function broadcastsSeenBy(actor: Actor): Prisma.BroadcastWhereInput {
  if (actor.kind === 'operator') return {};
  const own = actor.person.grants.length ? [{ authorId: actor.person.user.id }] : [];
  return { OR: [tipAreaFilter(actor.person.grants), ...own] };
}

async function write(scope: Scope, actor: Actor, input: BroadcastInput): Promise<BroadcastOutcome> {
  const area = await owningArea(scope.tx, input.audience, input.festivalId);
  if (!(await mayReach(scope.tx, actor, area))) return refuse('area');
  const author =
    actor.kind === 'person' ? { authorId: actor.person.user.id, authorIdentityId: actor.person.identity.id } : {};
  return { ok: true, broadcast: await createBroadcast(scope.tx, { ...input, ...author }) };
}

const record = (scope: Scope, actor: Actor, action: string, b: Broadcast, details?: { scheduledAt: string | null }) =>
  audit(scope.tx, { actorId: actorId(actor), action, entity: 'Broadcast', entityId: String(b.id), details });

const scheduled = (b: Broadcast) => ({ scheduledAt: b.scheduledAt?.toISOString() ?? null });

/** A new broadcast kept as a draft, to be previewed and started later (the chat's preview, the CLI's `--draft`). */
export async function draft(scope: Scope, actor: Actor, input: BroadcastInput): Promise<BroadcastOutcome> {
  const written = await write(scope, actor, input);
  if (written.ok) await record(scope, actor, 'broadcast.create', written.broadcast);
  return written;
}

/**
 * Starts a draft now, or schedules it for `at`. Given a new broadcast instead
 * (the CLI's `create`), writes and starts it as one act, audited once as its creation.
 */
export async function start(
  scope: Scope,
  actor: Actor,
  target: number | BroadcastInput,
  at?: Date,
): Promise<BroadcastOutcome> {
  const found =
    typeof target === 'number' ? await broadcastWithin(scope.tx, actor, target) : await write(scope, actor, target);
  if (!found.ok) return found;
  const moved = await controlBroadcast(scope.tx, found.broadcast.id, 'start', { at });
  if (!moved.ok) return refuse('state');
  const action = typeof target === 'number' ? 'broadcast.start' : 'broadcast.create';
  await record(scope, actor, action, moved.broadcast, scheduled(moved.broadcast));
  scope.wake('broadcasts');
  return { ok: true, broadcast: moved.broadcast };
}

async function steer(
  scope: Scope,
  actor: Actor,
  id: number,
  action: 'pause' | 'resume' | 'cancel',
): Promise<BroadcastOutcome> {
  const found = await broadcastWithin(scope.tx, actor, id);
  if (!found.ok) return found;
  const moved = await controlBroadcast(scope.tx, id, action);
  if (!moved.ok) return refuse('state');
  await record(scope, actor, `broadcast.${action}`, moved.broadcast);
  scope.wake('broadcasts');
  if (action === 'cancel') await reportToAuthor(scope, actor, moved.broadcast);
  return { ok: true, broadcast: moved.broadcast };
}

/** Holds a running or scheduled broadcast: queued recipients wait for the resume. */
export const pause = (scope: Scope, actor: Actor, id: number) => steer(scope, actor, id, 'pause');
/** Goes on with a paused broadcast (or waits for its time again, if it was paused before it). */
export const resume = (scope: Scope, actor: Actor, id: number) => steer(scope, actor, id, 'resume');
/** Stops a broadcast for good: whoever is still queued is skipped; its author gets the report. */
export const cancel = (scope: Scope, actor: Actor, id: number) => steer(scope, actor, id, 'cancel');

/** Drops a draft that was never started (a composition abandoned); a broadcast past its draft is left alone. */
export async function discard(
  scope: Scope,
  actor: Actor,
  id: number,
): Promise<Outcome<{ discarded: boolean }, 'not-found'>> {
  const found = await broadcastWithin(scope.tx, actor, id);
  if (!found.ok) return found;
  const discarded = found.broadcast.status === 'draft' && (await controlBroadcast(scope.tx, id, 'cancel')).ok;
  return { ok: true, discarded };
}

/** The author's report of a cancelled broadcast; an author who cancelled it sees its state in their own answer. */
async function reportToAuthor(scope: Scope, actor: Actor, b: Broadcast): Promise<void> {
  if (actor.kind === 'person' && actor.person.identity.id === b.authorIdentityId) return;
  const note = await authorNote(scope.tx, scope.pii, scope.i18n, b, 'report');
  if (note) scope.send(note.to, note.message);
}
