import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.ts';
import { bearer, sameSecret } from './same-secret.ts';

/** GET /metrics: Prometheus text; with a token configured, only for `Authorization: Bearer <token>`. */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, token: string | undefined): void {
  app.get('/metrics', async (req, reply) => {
    if (token && !sameSecret(bearer(req.headers.authorization), token))
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'a metrics token is required' });
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
}
