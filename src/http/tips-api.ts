import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { audit } from '../features/staff/audit.ts';
import { tokenHolder } from '../features/staff/api-tokens.ts';
import { tipDetail, tipSummary } from '../features/tips/api-view.ts';
import { OPEN_STATUSES } from '../features/tips/categories.ts';
import { listTips, tipInMyAreas } from '../features/tips/store.ts';
import { TipStatus } from '../generated/prisma/enums.ts';
import type { Pii } from '../security/pii.ts';
import { bearer } from './same-secret.ts';

const listQuery = z.object({
  status: z.union([z.literal('open'), z.enum(TipStatus)]).default('open'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * Staff HTTP API, with the same area scope as the chat: `GET /api/tips` (open
 * tips by default) and `GET /api/tips/:code`. A personal token from `/apitoken`.
 */
export function registerTipsApi(app: FastifyInstance, db: Db, pii: Pii): void {
  app.register(async (api) => {
    api.decorateRequest('staff', null);
    api.addHook('onRequest', async (req, reply) => {
      const token = bearer(req.headers.authorization);
      const holder = token ? await tokenHolder(db, pii, token) : null;
      if (!holder) return reply.code(401).send({ error: 'a valid staff API token is required' });
      (req as FastifyRequest & { staff: typeof holder }).staff = holder;
    });
    const staffOf = (req: FastifyRequest) =>
      (req as FastifyRequest & { staff: NonNullable<Awaited<ReturnType<typeof tokenHolder>>> }).staff;

    api.get('/api/tips', async (req, reply) => {
      const query = listQuery.safeParse(req.query);
      if (!query.success)
        return reply
          .code(400)
          .send({ error: query.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ') });
      const { status, page, size } = query.data;
      const staff = staffOf(req);
      const statuses = status === 'open' ? OPEN_STATUSES : [status];
      const result = await listTips(db, staff.grants, statuses, page, size);
      await audit(db, {
        actorId: staff.userId,
        action: 'api.tips.list',
        entity: 'Tip',
        details: { status, page: result.page },
      });
      return { total: result.total, page: result.page, pages: result.pages, tips: result.tips.map(tipSummary) };
    });

    api.get<{ Params: { code: string } }>('/api/tips/:code', async (req, reply) => {
      const staff = staffOf(req);
      const tip = await tipInMyAreas(db, staff.grants, req.params.code);
      // Not found and not yours answer the same.
      if (!tip) return reply.code(404).send({ error: 'no such tip in your areas' });
      await audit(db, { actorId: staff.userId, action: 'api.tip.view', entity: 'Tip', entityId: tip.id });
      const area = await db.area.findUniqueOrThrow({ where: { code: tip.areaCode }, select: { name: true } });
      return tipDetail(db, pii, { ...tip, area });
    });
  });
}
