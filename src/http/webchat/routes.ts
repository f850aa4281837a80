import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Incoming } from '../../core/messages.ts';
import { LIMITS } from '../../core/messages.ts';
import type { Db } from '../../db/client.ts';
import type { Notifications } from '../../db/listen.ts';
import type { I18n, Locale } from '../../i18n/index.ts';
import type { Logger } from '../../logger.ts';
import type { Inbox } from '../../pipeline/inbox.ts';
import { renderWeb } from '../../platforms/web/render.ts';
import {
  deviceIdOf,
  messagesAfter,
  storePersonMessage,
  storeWebPhoto,
  webChatKey,
  webPhotoFile,
  webPhotoIdOf,
  type SentByPerson,
} from '../../platforms/web/store.ts';
import type { Pii } from '../../security/pii.ts';
import type { ConsoleAssets } from '../console/assets.ts';
import { sendPhotoFile } from '../photos.ts';
import { FloodLimit } from './flood.ts';
import { EmbedOrigins } from './origins.ts';
import { photoTypeOf, PHOTO_TYPES } from './photo-type.ts';
import { eventStream } from '../event-stream.ts';

export interface WebChatDeps {
  db: Db;
  pii: Pii;
  i18n: I18n;
  log: Logger;
  inbox: Inbox;
  /** Committed web chat messages (their chat's key), from every process. */
  messages: Notifications;
  assets: ConsoleAssets;
  settings: {
    WEBCHAT_ORIGINS: string[];
    WEBCHAT_DEVICE_PER_MINUTE: number;
    WEBCHAT_IP_PER_MINUTE: number;
    WEBCHAT_PHOTO_MAX_KIB: number;
  };
}

/** The device token the page keeps in its storage and sends with every request. */
export const DEVICE_HEADER = 'x-chat-device';
const deviceToken = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/);
/** The page's own id of a message: the same id sent again is the same message. */
const clientId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

const sendSchema = z.union([
  z.object({ clientId, text: z.string().trim().min(1).max(4000) }).strict(),
  z
    .object({
      clientId,
      choice: z.object({ id: z.string().min(1).max(LIMITS.choice), label: z.string().max(LIMITS.name) }).strict(),
    })
    .strict(),
]);

/** How much of the past a page is given when it opens. */
const HISTORY = 200;
/** Open streams one device may hold (a few tabs). */
const STREAMS_PER_DEVICE = 4;

const WIDGET = readFileSync(new URL('./widget.js', import.meta.url), 'utf8');

/**
 * The web chat: `GET /chat` (the page, also framed by the widget on configured sites), `GET /chat/widget.js`, and
 * its API under /chat/api: a message or press, a photo, and the stream of the chat's messages (history first, then
 * each new one). A device is known by its token's keyed hash; what it sends goes through the inbox like any
 * messenger's update, handled once per client id.
 */
export function registerWebChat(app: FastifyInstance, deps: WebChatDeps): void {
  const { db, pii, i18n, inbox } = deps;
  const origins = new EmbedOrigins(deps.settings.WEBCHAT_ORIGINS);
  const perDevice = new FloodLimit(deps.settings.WEBCHAT_DEVICE_PER_MINUTE);
  const perIp = new FloodLimit(deps.settings.WEBCHAT_IP_PER_MINUTE);
  const streams = new Map<string, number>();
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of [...open]) end();
  });

  const pageHeaders = {
    'content-security-policy':
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
      `frame-ancestors ${origins.frameAncestors}`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };

  app.get('/chat', async (_req, reply) => {
    if (!deps.assets.chat) return reply.code(503).send({ error: 'the chat page is not built (npm run build:console)' });
    return reply.headers(pageHeaders).type('text/html; charset=utf-8').send(deps.assets.chat);
  });

  const widget = (locale: Locale) =>
    WIDGET.replace(
      '__LABELS__',
      JSON.stringify({
        open: i18n.t(locale, 'console-ui-webchat-widget-open'),
        close: i18n.t(locale, 'console-ui-webchat-widget-close'),
        title: i18n.t(locale, 'console-ui-webchat-title'),
      }),
    );
  const widgets = { vi: widget('vi'), en: widget('en') };
  app.get<{ Querystring: { lang?: string } }>('/chat/widget.js', async (req, reply) => {
    // A site not configured gets no widget; the chat's frame-ancestors would refuse its frame anyway.
    if (!origins.mayEmbed(req)) return reply.code(403).type('text/plain').send('this site may not embed the chat');
    return reply
      .headers({ 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff', vary: 'referer' })
      .type('text/javascript; charset=utf-8')
      .send(req.query.lang === 'en' ? widgets.en : widgets[i18n.defaultLocale]);
  });

  /** The device of a request from the chat's own page, within its flood limits; else the answer is sent. */
  const deviceOf = (req: FastifyRequest, reply: FastifyReply, counts: boolean): string | undefined => {
    if (!origins.fromOwnPage(req)) return void reply.code(403).send({ error: 'not from the chat page' });
    const token = deviceToken.safeParse(req.headers[DEVICE_HEADER]);
    if (!token.success) return void reply.code(400).send({ error: `missing or malformed ${DEVICE_HEADER}` });
    const device = deviceIdOf(pii, token.data);
    // Both budgets are spent by every request, so neither many devices nor one busy one gets round the other.
    const within = counts ? [perDevice.take(device), perIp.take(req.ip)].every(Boolean) : true;
    if (!within) return void reply.code(429).header('retry-after', '60').send({ error: 'slow down' });
    return device;
  };

  const accept = async (
    reply: FastifyReply,
    device: string,
    id: string,
    sent: SentByPerson,
    update: Partial<Incoming>,
  ) => {
    const now = Date.now();
    const incoming: Incoming = {
      platform: 'web',
      updateKey: `${device}:${id}`,
      seq: now,
      kind: 'message',
      chatId: device,
      chatType: 'private',
      userId: device,
      date: now,
      ...update,
    };
    try {
      // The person's own line first, so it comes before the replies in their history; both are kept once.
      await storePersonMessage(db, pii, device, id, sent);
      const { duplicate } = await inbox.accept(incoming);
      return reply.send({ ok: true, duplicate });
    } catch (err) {
      deps.log.error({ err, platform: 'web' }, 'web chat message not stored');
      return reply.code(503).send({ error: 'temporarily unavailable, retry' });
    }
  };

  app.post('/chat/api/send', async (req, reply) => {
    const device = deviceOf(req, reply, true);
    if (!device) return reply;
    const body = sendSchema.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: 'bad message' });
    const b = body.data;
    return 'text' in b
      ? accept(reply, device, b.clientId, { text: b.text }, { text: b.text })
      : accept(reply, device, b.clientId, { pressed: b.choice.label }, { kind: 'choice', choice: b.choice.id });
  });

  const photoLimit = deps.settings.WEBCHAT_PHOTO_MAX_KIB * 1024;
  void app.register(async (scope) => {
    scope.addContentTypeParser(PHOTO_TYPES, { parseAs: 'buffer', bodyLimit: photoLimit }, (_req, body, done) =>
      done(null, body),
    );
    scope.post('/chat/api/photo', { bodyLimit: photoLimit }, async (req, reply) => {
      const device = deviceOf(req, reply, true);
      if (!device) return reply;
      const id = clientId.safeParse(req.headers['x-chat-client-id']);
      if (!id.success) return reply.code(400).send({ error: 'missing or malformed x-chat-client-id' });
      const type = Buffer.isBuffer(req.body) ? photoTypeOf(req.body) : undefined;
      if (!type) return reply.code(415).send({ error: 'not a JPEG, PNG or WebP photo' });
      const photoId = webPhotoIdOf(pii, device, id.data);
      await storeWebPhoto(db, pii, device, photoId, type, req.body as Buffer);
      return accept(reply, device, id.data, { photo: photoId }, { photos: [{ webPhoto: photoId }] });
    });
  });

  // The device's own photos only: another device's id is not found.
  app.get<{ Params: { id: string } }>('/chat/api/photos/:id', async (req, reply) => {
    const device = deviceOf(req, reply, false);
    if (!device) return reply;
    const id = z.string().max(LIMITS.id).safeParse(req.params.id);
    return sendPhotoFile(reply, id.success ? await webPhotoFile(db, pii, id.data, webChatKey(pii, device)) : undefined);
  });

  app.get<{ Querystring: { after?: string } }>('/chat/api/events', async (req, reply) => {
    const device = deviceOf(req, reply, false);
    if (!device) return reply;
    const after = z.coerce
      .bigint()
      .nonnegative()
      .catch(0n)
      .parse(req.query.after ?? '0');
    if ((streams.get(device) ?? 0) >= STREAMS_PER_DEVICE)
      return reply.code(429).header('retry-after', '10').send({ error: 'slow down' });
    const chatKey = webChatKey(pii, device);
    streams.set(device, (streams.get(device) ?? 0) + 1);
    let unsubscribe = () => {};
    // Sent at once, so the page knows the stream is open before any message.
    const stream = eventStream(req, reply, ': open\n\n', () => {
      open.delete(stream.end);
      unsubscribe();
      const n = (streams.get(device) ?? 1) - 1;
      if (n > 0) streams.set(device, n);
      else streams.delete(device);
    });
    let last = after;
    let reading: Promise<void> | undefined;
    let again = false;
    // One read at a time; a notice heard meanwhile reads once more after it.
    const readNew = () => {
      if (reading) return void (again = true);
      reading = messagesAfter(db, pii, chatKey, last, HISTORY)
        .then((found) => {
          for (const m of found) {
            stream.write(`id: ${m.id}\ndata: ${JSON.stringify(renderWeb(m))}\n\n`);
            last = m.id;
          }
        })
        .catch((err) => deps.log.warn({ err }, 'web chat stream: read failed'))
        .finally(() => {
          reading = undefined;
          if (again) {
            again = false;
            readNew();
          }
        });
    };
    unsubscribe = deps.messages.subscribe((key) => key === chatKey && readNew());
    readNew();
    open.add(stream.end);
  });
}
