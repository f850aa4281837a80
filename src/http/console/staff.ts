import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../core/scope.ts';
import { areaLabel } from '../../features/areas/search.ts';
import { CONSOLE_PATH } from '../../features/console/links.ts';
import { inviteStaff, revoke, revokeInvite } from '../../features/staff/actions.ts';
import {
  auditSeenBy,
  grantsSeenBy,
  INVITE_STATES,
  inviteAreasOf,
  invitesManagedBy,
  managesStaff,
  seesStaff,
} from '../../features/staff/directory.ts';
import { StaffRole } from '../../generated/prisma/enums.ts';
import type { ConsoleDeps } from './routes.ts';
import { sessionOfRequest } from './session.ts';
import { areaCodeParam, dayParam, vietnamDayStart } from './params.ts';
import { useCaseRunner } from './use-case.ts';

const placeOf = (area: { name: string; parent: { name: string } | null }) =>
  area.parent ? `${area.name}, ${area.parent.name}` : area.name;

const newInviteSchema = z.object({
  role: z.enum(StaffRole),
  areaCode: areaCodeParam,
  days: z.coerce.number().int().min(1).max(90),
});

/** A calendar day in Vietnam, as the date fields send it: the instant it starts. */
const day = dayParam.transform(vietnamDayStart);

const auditQuerySchema = z.object({
  actor: z.string().max(60).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]*$/)
    .max(40)
    .optional(),
  area: areaCodeParam.optional(),
  from: day.optional(),
  to: day.optional(),
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .transform(BigInt)
    .optional(),
});

/** Entries per page of the audit log. */
const AUDIT_PAGE = 50;
const DAY_MS = 86_400_000;

/**
 * The staff page's API: colleagues (grants with display labels), invites, the audit log, and the operator's
 * health panel. Every action is the use case chat and the CLI run, as the session's actor.
 */
export function registerStaffApi(api: FastifyInstance, deps: ConsoleDeps): void {
  const { db } = deps;
  const run = useCaseRunner(deps);
  const actorOf = (req: Parameters<typeof sessionOfRequest>[0]): Actor => sessionOfRequest(req).actor;

  api.get(`${CONSOLE_PATH}/api/staff`, async (req, reply) => {
    const actor = actorOf(req);
    if (!seesStaff(actor)) return reply.code(403).send({ error: 'staff only' });
    const manages = managesStaff(actor);
    const grants = await grantsSeenBy(db, actor);
    const areas = manages ? await inviteAreasOf(db, actor) : [];
    return {
      manages,
      grants: grants.map((g) => ({
        id: g.id,
        role: g.role,
        area: placeOf(g.area),
        label: g.label,
        since: g.createdAt,
      })),
      areas: areas.map((a) => ({ code: a.code, name: placeOf(a) })),
    };
  });

  api.get<{ Querystring: { state?: string } }>(`${CONSOLE_PATH}/api/staff/invites`, async (req, reply) => {
    const actor = actorOf(req);
    const state = z.enum(INVITE_STATES).default('open').safeParse(req.query.state);
    if (!state.success) return reply.code(400).send({ error: 'state: open, used, expired or revoked' });
    if (!managesStaff(actor)) return reply.code(403).send({ error: 'admins only' });
    const invites = await invitesManagedBy(db, actor, state.data);
    return invites.map((i) => ({
      id: i.id,
      role: i.role,
      area: placeOf(i.area),
      leaderOfModel: i.modelId,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      usedAt: i.usedAt,
      revokedAt: i.revokedAt,
    }));
  });

  api.post(`${CONSOLE_PATH}/api/staff/invites`, async (req, reply) => {
    const body = newInviteSchema.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: 'role, areaCode and days (1–90) are needed' });
    const result = await run((scope) => inviteStaff(scope, actorOf(req), body.data));
    if (!result.ok)
      return result.reason === 'no-area'
        ? reply.code(400).send({ error: 'no such area' })
        : reply.code(403).send({ error: 'admins of that area only' });
    // The code is shown this once: only its keyed hash is stored.
    return reply.code(201).header('cache-control', 'no-store').send(result);
  });

  api.post<{ Params: { id: string } }>(`${CONSOLE_PATH}/api/staff/invites/:id/revoke`, async (req, reply) => {
    const id = z.uuid().safeParse(req.params.id);
    if (!id.success) return reply.code(404).send({ error: 'not found' });
    const result = await run((scope) => revokeInvite(scope, actorOf(req), id.data));
    if (!result.ok)
      return result.reason === 'not-open'
        ? reply.code(409).send({ error: 'already used, revoked or expired' })
        : reply.code(404).send({ error: 'not found' });
    return reply.code(204).send();
  });

  api.post<{ Params: { id: string } }>(`${CONSOLE_PATH}/api/staff/grants/:id/revoke`, async (req, reply) => {
    const id = z.uuid().safeParse(req.params.id);
    if (!id.success) return reply.code(404).send({ error: 'not found' });
    const result = await run((scope) => revoke(scope, actorOf(req), id.data));
    if (!result.ok)
      return result.reason === 'not-admin'
        ? reply.code(403).send({ error: 'admins only' })
        : reply.code(404).send({ error: 'not found' });
    return reply.code(204).send();
  });

  api.get<{ Querystring: Record<string, string | undefined> }>(`${CONSOLE_PATH}/api/audit`, async (req, reply) => {
    const q = auditQuerySchema.safeParse(
      Object.fromEntries(Object.entries(req.query).filter(([, v]) => v !== undefined && v !== '')),
    );
    if (!q.success) return reply.code(400).send({ error: 'bad filter' });
    const { actor: actorLabel, action, area, from, to, before } = q.data;
    // One page more than shown tells whether there is a next one.
    const lines = await auditSeenBy(db, actorOf(req), {
      actorLabel,
      actionPrefix: action,
      areaCode: area,
      from,
      to: to && new Date(to.getTime() + DAY_MS),
      beforeId: before,
      limit: AUDIT_PAGE + 1,
    });
    if (!lines) return reply.code(403).send({ error: 'admins of that area only' });
    const page = lines.slice(0, AUDIT_PAGE);
    const places = new Map<string, string>();
    for (const code of new Set(page.map((l) => l.areaCode).filter((c) => c !== null)))
      places.set(code, await areaLabel(db, code));
    return {
      entries: page.map((l) => ({ ...l, id: String(l.id), area: l.areaCode && places.get(l.areaCode) })),
      next: lines.length > AUDIT_PAGE ? String(page.at(-1)!.id) : null,
    };
  });

  // The operator's health panel: what /readyz tells (PostgreSQL, Redis, the OA token).
  api.get(`${CONSOLE_PATH}/api/health`, async (req, reply) => {
    if (actorOf(req).kind !== 'operator' || !deps.health) return reply.code(404).send({ error: 'not found' });
    reply.header('cache-control', 'no-store');
    const { ready: _ready, ...health } = await deps.health();
    return health;
  });
}
