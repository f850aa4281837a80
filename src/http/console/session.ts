import type { FastifyRequest } from 'fastify';
import type { ConsoleSession } from '../../features/console/sessions.ts';

type SessionRequest = FastifyRequest & { consoleSession: ConsoleSession };

/** The session the console API's guard found for this request (set on every route behind it). */
export const sessionOfRequest = (req: FastifyRequest) => (req as SessionRequest).consoleSession;

export function setSessionOfRequest(req: FastifyRequest, session: ConsoleSession): void {
  (req as SessionRequest).consoleSession = session;
}
