import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { areaLabel } from '../../features/areas/search.ts';
import { CONSOLE_PATH } from '../../features/console/links.ts';
import {
  csrfMatches,
  endSession,
  LINK_TTL_MS,
  redeemSignInLink,
  sessionOf,
  type RedeemRefusal,
} from '../../features/console/sessions.ts';
import { reachOf, tipInMyAreas } from '../../features/tips/store.ts';
import { isLocale, LOCALES, type Locale } from '../../i18n/index.ts';
import type { Queue } from 'bullmq';
import type { Readiness } from '../server.ts';
import { registerQueuesDashboard } from './queues.ts';
import { registerStaffApi } from './staff.ts';
import { loadConsoleAssets, type ConsoleAssets } from './assets.ts';
import { clearedSessionCookie, cookieOptions, sessionCookie, sessionCookieValue } from './cookie.ts';
import { sessionOfRequest, setSessionOfRequest } from './session.ts';
import { imageSources, type TileSource } from './tiles.ts';
import { registerConsoleStats } from './stats.ts';
import { registerConsoleModels, type ConsoleModelsDeps } from './models.ts';
import { registerConsoleTips, type ConsoleTipsDeps } from './tips.ts';
import { registerTipArrivals } from './tips-live.ts';
import { registerTipDesk } from './tip-desk.ts';
import type { Notifications } from '../../db/listen.ts';
import { festivalHiddenFrom, registerConsoleFestivals } from './festivals.ts';
import { registerConsoleBroadcasts } from './broadcasts.ts';

/** The database, key, texts and settings the console's tips need, and the sign-in's own. */
export interface ConsoleDeps extends ConsoleTipsDeps, ConsoleModelsDeps {
  /** Decides whether the cookie is Secure (an https address). */
  publicUrl: string | undefined;
  /** The built front end; read from console/dist when not given. */
  assets?: ConsoleAssets;
  /** The queues the operator's dashboard shows. */
  queues?: Queue[];
  /** The service's readiness (/readyz), for the operator's health panel. */
  health?: () => Promise<Readiness>;
  /** The map's tile server; null for none (the located tips on a plain background). */
  tiles?: TileSource | null;
  /** Tips filed anywhere in the deployment (their commune's code): the inbox's live arrivals. */
  arrivals?: Notifications;
}

/** The page's own texts and the role, category and status names, from the same Fluent files as chat. */
const PAGE_TEXT = /^(console-ui-|role-|cat-|status-)/;

/** Scripts and styles from the console itself only (images: and the map's tiles); no frames, no foreign forms. */
const pageHeaders = (tiles: TileSource | null) => ({
  'content-security-policy': `default-src 'self'; img-src ${imageSources(tiles)}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

const refusalStatus: Record<RedeemRefusal, number> = { unknown: 404, used: 410, expired: 410, 'not-staff': 403 };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The web console: sign-in by one-time link (`GET /console/login?token=`), its API under
 * `/console/api` (a session cookie; every change also needs the session's X-CSRF-Token) and the
 * front end's page and files. A session acts as exactly the chat actor, with the same rights.
 */
export function registerConsole(app: FastifyInstance, deps: ConsoleDeps): void {
  const { db, pii, i18n } = deps;
  const cookies = cookieOptions(deps.publicUrl);
  const tiles = deps.tiles ?? null;
  const headers = pageHeaders(tiles);
  const assets = deps.assets ?? loadConsoleAssets();
  const strings = Object.fromEntries(
    LOCALES.map((l) => [
      l,
      Object.fromEntries(
        i18n
          .messageIds(l)
          .filter((id) => PAGE_TEXT.test(id))
          .map((id) => [id, i18n.t(l, id)]),
      ),
    ]),
  );
  const localeOf = (req: FastifyRequest): Locale =>
    /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : i18n.defaultLocale;

  const page = (reply: FastifyReply, status: number, locale: Locale, title: string, text: string) =>
    reply
      .code(status)
      .headers({ ...headers, 'cache-control': 'no-store' })
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
          `<meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>` +
          `<p>${escapeHtml(text)}</p></main></body></html>`,
      );

  // The link's token must not linger: no caching, no referrer, straight on to the console.
  app.get<{ Querystring: { token?: string } }>(`${CONSOLE_PATH}/login`, async (req, reply) => {
    const locale = localeOf(req);
    const token = z.string().min(1).max(200).safeParse(req.query.token);
    const result = token.success
      ? await db.$transaction((tx) => redeemSignInLink(tx, pii, token.data))
      : ({ ok: false, reason: 'unknown' } as const);
    if (!result.ok)
      return page(
        reply,
        refusalStatus[result.reason],
        locale,
        i18n.t(locale, 'console-login-title'),
        i18n.t(locale, `console-login-${result.reason}`, { minutes: LINK_TTL_MS / 60_000 }),
      );
    return reply
      .headers({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
      .header('set-cookie', sessionCookie(result.sessionToken, cookies))
      .redirect(CONSOLE_PATH, 303);
  });

  // Public: the signed-out page needs its texts too.
  app.get<{ Querystring: { locale?: string } }>(`${CONSOLE_PATH}/api/strings`, async (req) => {
    const locale = isLocale(req.query.locale) ? req.query.locale : i18n.defaultLocale;
    return strings[locale];
  });

  /** Who is signed in (401 without a session); a change also needs the session's CSRF token (403). */
  const sessionFromCookie = async (req: FastifyRequest) => {
    const token = sessionCookieValue(req.headers.cookie);
    return token ? await sessionOf(db, pii, token) : null;
  };
  const signedIn = async (req: FastifyRequest, reply: FastifyReply) => {
    const session = await sessionFromCookie(req);
    if (!session) return reply.code(401).send({ error: 'not signed in' });
    // A change without the page's token may come from another site riding on the cookie: nothing is done.
    if (req.method !== 'GET' && req.method !== 'HEAD' && !csrfMatches(session, header(req, 'x-csrf-token')))
      return reply.code(403).send({ error: 'missing or wrong X-CSRF-Token' });
    setSessionOfRequest(req, session);
  };

  app.register(async (api) => {
    api.decorateRequest('consoleSession', null);
    api.addHook('onRequest', signedIn);
    registerStaffApi(api, deps);

    api.get(`${CONSOLE_PATH}/api/me`, async (req, reply) => {
      const { actor, csrfToken } = sessionOfRequest(req);
      reply.header('cache-control', 'no-store');
      if (actor.kind === 'operator')
        return { kind: 'operator', label: null, roles: [], locale: i18n.defaultLocale, csrfToken, tiles };
      const { person } = actor;
      const roles = [];
      for (const g of person.grants) roles.push({ role: g.role, area: await areaLabel(db, g.areaCode) });
      return {
        kind: 'person',
        label: person.grants.find((g) => g.label)?.label ?? null,
        roles,
        locale: isLocale(person.user.locale) ? person.user.locale : i18n.defaultLocale,
        csrfToken,
        tiles,
      };
    });

    api.post(`${CONSOLE_PATH}/api/logout`, async (req, reply) => {
      const session = sessionOfRequest(req);
      await db.$transaction((tx) => endSession(tx, session));
      return reply.code(204).header('set-cookie', clearedSessionCookie(cookies)).send();
    });

    registerConsoleTips(api, deps);
    registerTipDesk(api, deps);
    if (deps.arrivals) registerTipArrivals(api, { db, arrivals: deps.arrivals });
    registerConsoleStats(api, deps);
    registerConsoleModels(api, deps);
    registerConsoleFestivals(api, deps);
    registerConsoleBroadcasts(api, deps);
  });

  if (deps.queues) registerQueuesDashboard(app, deps.queues, sessionFromCookie, deps.publicUrl);

  app.get<{ Params: { name: string } }>(`${CONSOLE_PATH}/assets/:name`, async (req, reply) => {
    const asset = assets.files.get(req.params.name);
    if (!asset) return reply.code(404).send({ error: 'not found' });
    return reply
      .headers({ 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' })
      .type(asset.type)
      .send(asset.body);
  });

  // The console's page for its home and each section's address; the front end asks who is signed in.
  const shell = async (req: FastifyRequest, reply: FastifyReply, status = 200) => {
    if (!assets.index) {
      const locale = localeOf(req);
      return page(reply, 503, locale, i18n.t(locale, 'console-ui-title'), i18n.t(locale, 'console-not-built'));
    }
    return reply
      .code(status)
      .headers({ ...headers, 'cache-control': 'no-cache' })
      .type('text/html; charset=utf-8')
      .send(assets.index);
  };
  app.get(CONSOLE_PATH, (req, reply) => shell(req, reply));
  app.get(`${CONSOLE_PATH}/:section`, (req, reply) => shell(req, reply));
  app.get(`${CONSOLE_PATH}/stats/report`, (req, reply) => shell(req, reply));
  // A model's printable poster: the page asks the API, which answers 404 outside the officer's areas.
  app.get(`${CONSOLE_PATH}/models/:id/poster`, (req, reply) => shell(req, reply));
  app.get(`${CONSOLE_PATH}/broadcasts/:id`, (req, reply) => shell(req, reply));
  // A tip's page: not found, as its API says, when it lies outside the signed-in officer's areas (signed out,
  // the page shows how to sign in).
  app.get<{ Params: { code: string } }>(`${CONSOLE_PATH}/tips/:code`, async (req, reply) => {
    const session = await sessionFromCookie(req);
    const hidden = session && !(await tipInMyAreas(db, reachOf(session.actor), req.params.code));
    return shell(req, reply, hidden ? 404 : 200);
  });
  // A festival's page: likewise not found outside the officer's areas.
  app.get<{ Params: { id: string } }>(`${CONSOLE_PATH}/festivals/:id`, async (req, reply) => {
    const session = await sessionFromCookie(req);
    const hidden = session && (await festivalHiddenFrom(db, session.actor, req.params.id));
    return shell(req, reply, hidden ? 404 : 200);
  });
}

export const header = (req: FastifyRequest, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
