import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../logger.ts';
import type { Inbox } from '../pipeline/inbox.ts';
import type { UnavailableNotice } from '../pipeline/unavailable-notice.ts';
import type { Messenger } from '../platforms/types.ts';
import { sameSecret } from './same-secret.ts';

/**
 * POST /webhooks/<platform> (or the messenger's own path): 401 without the right secret (checked before the
 * body is read), 400 for anything that is not an update, 200 once the update is
 * durably in the inbox (also for a duplicate), 503 when it could not be stored,
 * so the platform retries; 413 for a body over `bodyLimit` bytes.
 */
export function registerWebhook(
  app: FastifyInstance,
  messenger: Messenger,
  inbox: Inbox,
  notice: UnavailableNotice,
  log: Logger,
  bodyLimit: number,
): void {
  const { verify } = messenger;
  const path = messenger.webhookPath ?? `/webhooks/${messenger.platform}`;
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const parsed = messenger.parse(req.body);
    if (!parsed.ok) return reply.code(400).send({ error: parsed.error });
    if (!parsed.incoming) return reply.code(200).send({ ok: true, ignored: true });
    try {
      const { duplicate } = await inbox.accept(parsed.incoming);
      return reply.code(200).send({ ok: true, duplicate });
    } catch (err) {
      log.error({ err, platform: messenger.platform }, 'update not stored');
      void notice.tell(messenger, parsed.incoming);
      return reply.code(503).send({ error: 'temporarily unavailable, retry' });
    }
  };
  if (verify) {
    // A signed body is checked over its bytes as received, so this route keeps them instead of parsed JSON.
    void app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
      scope.post(path, {
        bodyLimit,
        preHandler: async (req, reply) => {
          if (!Buffer.isBuffer(req.body) || !verify.call(messenger, req.body, req.headers))
            return reply.code(401).send({ error: 'unauthorized' });
        },
        handler,
      });
    });
    return;
  }
  app.post(path, {
    bodyLimit,
    onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
      if (!sameSecret(req.headers[messenger.secretHeader], messenger.webhookSecret)) {
        return reply.code(401).send({ error: 'unauthorized' });
      }
    },
    handler,
  });
}
