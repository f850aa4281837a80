import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formatTime, VIETNAM_OFFSET_MS } from '../../core/format.ts';
import { audit } from '../../features/staff/audit.ts';
import { actorId, type Actor } from '../../core/scope.ts';
import { changeStatus, flagSpam, reopenTip, replyToTipster, tipNoteSchema } from '../../features/tips/actions.ts';
import { photoAt, threadPhotos, tipPhotos } from '../../features/tips/photo-links.ts';
import { tipDetail, tipSummary } from '../../features/tips/api-view.ts';
import { OPEN_STATUSES } from '../../features/tips/categories.ts';
import { canMove, CLOSED_STATUSES, isClosed, MOVES, type TipMove } from '../../features/tips/moves.ts';
import { findTips, inboxAreas, reachOf, readTip, tipInMyAreas, type TipFilter } from '../../features/tips/store.ts';
import { photoFile, sendPhotoFile, type FetchFile } from '../photos.ts';
import type { Prisma, Tip } from '../../generated/prisma/client.ts';
import { TipCategory, TipStatus } from '../../generated/prisma/enums.ts';
import { isLocale, type Locale } from '../../i18n/index.ts';
import { sessionOfRequest } from './session.ts';
import { areaCodeParam, dayParam, vietnamDayStart } from './params.ts';
import { badRequest, useCaseRunner, type UseCaseDeps } from './use-case.ts';

/** Minutes a tip may wait unacknowledged before the inbox shows it in red, per urgency. */
export interface AgeThresholds {
  urgent: number;
  normal: number;
}

export interface ConsoleTipsDeps extends UseCaseDeps {
  ageRedMinutes: AgeThresholds;
  /** Fetches photos kept by Telegram, by file id (through the bot: its file address never reaches the page). */
  fetchFile?: FetchFile;
}

/** The inbox's filters and order, as the page sends them (a filter left out narrows nothing). */
const filterQuery = z.object({
  status: z.union([z.enum(['open', 'closed', 'all']), z.enum(TipStatus)]).default('open'),
  category: z.enum(TipCategory).optional(),
  urgency: z.enum(['urgent', 'normal']).optional(),
  /** Filed on or after this day, Vietnam time. */
  from: dayParam.optional(),
  /** Filed on or before this day, Vietnam time. */
  to: dayParam.optional(),
  // Letters, digits, spaces and dashes only: nothing that could act as a pattern in the lookup.
  code: z
    .string()
    .trim()
    .max(12)
    .regex(/^[A-Za-z0-9 -]*$/)
    .optional(),
  /** One area within the officer's: it and the communes under it. */
  area: areaCodeParam.optional(),
  sort: z.enum(['urgent', 'newest', 'oldest']).default('urgent'),
});

const listQuery = filterQuery.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});

const exportQuery = filterQuery.extend({ locale: z.string().optional() });

const photoParams = z.object({
  code: z.string().max(20),
  source: z.union([z.literal('tip'), z.string().regex(/^\d{1,18}$/)]),
  index: z.coerce.number().int().min(0).max(99),
});

const replyBody = z.object({ text: z.string().max(10_000) });

/** A status move, reopening, or rejecting as spam (the reporter is then throttled harder, as in chat). */
type PageMove = TipMove | 'reopened' | 'spam';

const statusBody = z.object({
  status: z.union([z.enum(Object.keys(MOVES) as [TipMove, ...TipMove[]]), z.enum(['reopened', 'spam'])]),
  note: z.string().max(10_000).optional(),
});

/** At most this many points on the map: the newest, narrowed by the filters. */
const MAP_MAX = 500;

/** At most this many rows in one CSV: a larger export is narrowed by its filters first. */
const EXPORT_MAX = 5000;

const STATUS_GROUPS: Record<'open' | 'closed' | 'all', readonly TipStatus[] | undefined> = {
  open: OPEN_STATUSES,
  closed: CLOSED_STATUSES,
  all: undefined,
};

function tipFilter(q: z.infer<typeof filterQuery>): TipFilter {
  return {
    statuses:
      q.status in STATUS_GROUPS ? STATUS_GROUPS[q.status as keyof typeof STATUS_GROUPS] : [q.status as TipStatus],
    category: q.category,
    urgent: q.urgency ? q.urgency === 'urgent' : undefined,
    from: q.from ? vietnamDayStart(q.from) : undefined,
    to: q.to ? new Date(vietnamDayStart(q.to).getTime() + 86_400_000) : undefined,
    code: q.code || undefined,
    area: q.area,
  };
}

/** A new tip that waited longer than its urgency allows: the inbox shows it in red. */
const overdue = (tip: Tip, limits: AgeThresholds, now: number) =>
  tip.status === 'new' && now - tip.createdAt.getTime() > limits[tip.urgent ? 'urgent' : 'normal'] * 60_000;

/** A spreadsheet reads a cell starting with = + - @ (or a tab, a return) as a formula: it is kept as text. */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The console's tips, behind the session guard (a change also needs the CSRF token): the same use cases
 * as chat, with the session's actor, so an officer sees and does exactly what chat lets them, in their
 * areas only. A tip outside them answers 404, as an unknown code does.
 */
export function registerConsoleTips(api: FastifyInstance, deps: ConsoleTipsDeps): void {
  const { db, pii, i18n } = deps;
  const auditView = (actor: Actor, action: string, entityId?: string, details?: Prisma.InputJsonObject) =>
    audit(db, { actorId: actorId(actor), action, entity: 'Tip', entityId, details });

  const run = useCaseRunner(deps);

  api.get('/console/api/tips', async (req, reply) => {
    const query = listQuery.safeParse(req.query);
    if (!query.success) return badRequest(reply, query.error);
    const { actor } = sessionOfRequest(req);
    const { page, size, sort, ...filters } = query.data;
    const found = await findTips(db, reachOf(actor), tipFilter(query.data), sort, page, size);
    await auditView(actor, 'console.tips.list', undefined, { ...filters, sort, page: found.page });
    const now = Date.now();
    reply.header('cache-control', 'no-store');
    return {
      total: found.total,
      page: found.page,
      pages: found.pages,
      ageRedMinutes: deps.ageRedMinutes,
      tips: found.tips.map((t) => ({ ...tipSummary(t), overdue: overdue(t, deps.ageRedMinutes, now) })),
    };
  });

  // What the filters show, for a spreadsheet: the tips' own fields, nothing about who sent them.
  api.get('/console/api/tips.csv', async (req, reply) => {
    const query = exportQuery.safeParse(req.query);
    if (!query.success) return badRequest(reply, query.error);
    const { actor } = sessionOfRequest(req);
    const locale: Locale = isLocale(query.data.locale) ? query.data.locale : i18n.defaultLocale;
    const t = (id: string) => i18n.t(locale, id);
    const found = await findTips(db, reachOf(actor), tipFilter(query.data), query.data.sort, 1, EXPORT_MAX);
    const { locale: _, ...filters } = query.data;
    await auditView(actor, 'console.tips.export', undefined, { ...filters, rows: found.tips.length });
    const columns = ['code', 'area', 'category', 'status', 'urgent', 'filed', 'updated', 'description', 'place'];
    const rows = found.tips.map((tip) => {
      const content = readTip(pii, tip);
      return [
        tip.code,
        tip.area.name,
        t(`cat-${tip.category}`),
        t(`status-${tip.status}`),
        t(tip.urgent ? 'console-ui-urgent' : 'console-ui-normal'),
        formatTime(locale, tip.createdAt),
        formatTime(locale, tip.updatedAt),
        content.description,
        content.place ?? '',
      ];
    });
    const lines = [columns.map((c) => t(`console-ui-col-${c}`)), ...rows].map((r) => r.map(csvCell).join(','));
    const date = new Date(Date.now() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
    return reply
      .headers({
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="tips-${date}.csv"`,
      })
      .type('text/csv; charset=utf-8')
      .send(`\uFEFF${lines.join('\r\n')}\r\n`);
  });

  api.get<{ Params: { code: string } }>('/console/api/tips/:code', async (req, reply) => {
    const { actor } = sessionOfRequest(req);
    const tip = await tipInMyAreas(db, reachOf(actor), req.params.code);
    if (!tip) return reply.code(404).send({ error: 'no such tip in your areas' });
    await auditView(actor, 'console.tip.view', tip.id);
    const area = await db.area.findUniqueOrThrow({ where: { code: tip.areaCode }, select: { name: true } });
    reply.header('cache-control', 'no-store');
    return { ...(await tipDetail(db, pii, { ...tip, area })), moves: movesOf(tip) };
  });

  // The located tips the filters show, newest first, for the map (a point each; nothing about who sent them).
  api.get('/console/api/tips/map', async (req, reply) => {
    const query = filterQuery.safeParse(req.query);
    if (!query.success) return badRequest(reply, query.error);
    const { actor } = sessionOfRequest(req);
    const filter = { ...tipFilter(query.data), located: true };
    const found = await findTips(db, reachOf(actor), filter, 'newest', 1, MAP_MAX);
    reply.header('cache-control', 'no-store');
    return found.tips.map((tip) => ({
      code: tip.code,
      category: tip.category,
      status: tip.status,
      urgent: tip.urgent,
      location: readTip(pii, tip).location!,
    }));
  });

  // The filter's choice of areas: the officer's own and the communes under them.
  api.get('/console/api/tips/areas', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return inboxAreas(db, reachOf(sessionOfRequest(req).actor));
  });

  // One photo of a tip (`tip`) or of a message of its thread (the message's id), with the session's rights.
  api.get<{ Params: { code: string; source: string; index: string } }>(
    '/console/api/tips/:code/photos/:source/:index',
    async (req, reply) => {
      const params = photoParams.safeParse(req.params);
      if (!params.success) return badRequest(reply, params.error);
      const { actor } = sessionOfRequest(req);
      const tip = await tipInMyAreas(db, reachOf(actor), params.data.code);
      const { source, index } = params.data;
      const message =
        tip && source !== 'tip'
          ? await db.tipMessage.findFirst({ where: { id: BigInt(source), tipId: tip.id }, select: { id: true } })
          : null;
      const place = !tip
        ? undefined
        : source === 'tip'
          ? tipPhotos(tip.id, index)
          : message && threadPhotos(message.id, index);
      const photo = place ? await photoAt(db, pii, place) : undefined;
      if (!photo) return reply.code(404).send({ error: 'no such photo in your areas' });
      return sendPhotoFile(reply, await photoFile(photo, deps.fetchFile, deps));
    },
  );

  api.post<{ Params: { code: string } }>('/console/api/tips/:code/reply', async (req, reply) => {
    const body = replyBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const { actor } = sessionOfRequest(req);
    const outcome = await run((scope) => replyToTipster(scope, actor, req.params.code, { text: body.data.text }));
    if (!outcome.ok) return reply.code(outcome.reason === 'not-found' ? 404 : 400).send({ error: outcome.reason });
    return {
      status: outcome.tip.status,
      reporterTold: outcome.reporterTold,
      awaitingReporter: outcome.awaitingReporter,
    };
  });

  api.post<{ Params: { code: string } }>('/console/api/tips/:code/status', async (req, reply) => {
    const body = statusBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const note = body.data.note?.trim() ? tipNoteSchema.safeParse(body.data.note) : undefined;
    if (note && !note.success) return badRequest(reply, note.error);
    // Reopening tells the reporter without a note (as in chat): one sent would be dropped unsaid.
    if (note && body.data.status === 'reopened') return reply.code(400).send({ error: 'note: not with reopened' });
    const { actor } = sessionOfRequest(req);
    const { code } = req.params;
    const to = body.data.status;
    const outcome = await run((scope) =>
      to === 'reopened'
        ? reopenTip(scope, actor, code)
        : to === 'spam'
          ? flagSpam(scope, actor, code, note?.data)
          : changeStatus(scope, actor, code, to, note?.data),
    );
    if (!outcome.ok) {
      if (outcome.reason === 'not-found') return reply.code(404).send({ error: 'no such tip in your areas' });
      // Someone else moved it first: the page shows it as it is now.
      return reply.code(409).send({ error: 'not-now', status: outcome.tip.status });
    }
    return { status: outcome.tip.status, awaitingReporter: outcome.awaitingReporter };
  });
}

/** The status buttons a tip's page offers: the moves its status allows (spam with rejecting), or reopening. */
function movesOf(tip: Tip): PageMove[] {
  if (isClosed(tip.status)) return ['reopened'];
  const moves: PageMove[] = (Object.keys(MOVES) as TipMove[]).filter((m) => canMove(tip.status, m));
  return canMove(tip.status, 'rejected') ? [...moves, 'spam'] : moves;
}
