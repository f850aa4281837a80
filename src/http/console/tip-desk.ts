import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { assignTip, colleaguesFor } from '../../features/tips/assign.ts';
import { addCannedReply, cannedRepliesFor, retireCannedReply } from '../../features/tips/canned-replies.ts';
import { addInternalNote, internalNotes } from '../../features/tips/internal-notes.ts';
import { reachOf, tipInMyAreas } from '../../features/tips/store.ts';
import { sessionOfRequest } from './session.ts';
import { badRequest, useCaseRunner, type UseCaseDeps } from './use-case.ts';

type Params = { Params: { code: string } };

const textBody = z.object({ text: z.string().max(10_000) });
const assignBody = z.object({ userId: z.string().uuid() });
const cannedParams = z.object({ code: z.string().max(20), id: z.coerce.number().int().positive() });

const refused = (reply: FastifyReply, reason: string) =>
  reply.code(reason === 'not-found' ? 404 : reason === 'closed' ? 409 : 400).send({ error: reason });

/**
 * The officers' own tools on a tip's page: giving it to a named colleague, the notes they keep for each other
 * (the reporter never sees them) and the area's ready answers. Each is the tip's use case, as the session's actor.
 */
export function registerTipDesk(api: FastifyInstance, deps: UseCaseDeps): void {
  const { db, pii } = deps;
  const run = useCaseRunner(deps);

  api.get<Params>('/console/api/tips/:code/desk', async (req, reply) => {
    const tip = await tipInMyAreas(db, reachOf(sessionOfRequest(req).actor), req.params.code);
    if (!tip) return reply.code(404).send({ error: 'no such tip in your areas' });
    const [colleagues, notes, canned] = await Promise.all([
      colleaguesFor(db, tip.areaCode),
      internalNotes(db, pii, tip.id),
      cannedRepliesFor(db, tip.areaCode),
    ]);
    reply.header('cache-control', 'no-store');
    return {
      assignee: tip.assigneeId,
      colleagues,
      notes: notes.map((n) => ({ ...n, at: n.at.toISOString() })),
      canned: canned.map((c) => ({ id: c.id, text: c.text })),
    };
  });

  api.post<Params>('/console/api/tips/:code/assign', async (req, reply) => {
    const body = assignBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const { actor } = sessionOfRequest(req);
    const done = await run((scope) => assignTip(scope, actor, req.params.code, body.data.userId));
    return done.ok ? { assignee: done.colleague.userId, status: done.tip.status } : refused(reply, done.reason);
  });

  api.post<Params>('/console/api/tips/:code/notes', async (req, reply) => {
    const body = textBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const { actor } = sessionOfRequest(req);
    const done = await run((scope) => addInternalNote(scope, actor, req.params.code, body.data.text));
    return done.ok ? { ...done.note, at: done.note.at.toISOString() } : refused(reply, done.reason);
  });

  api.post<Params>('/console/api/tips/:code/canned', async (req, reply) => {
    const body = textBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const { actor } = sessionOfRequest(req);
    const done = await run((scope) => addCannedReply(scope, actor, req.params.code, body.data.text));
    return done.ok ? { id: done.id } : refused(reply, done.reason);
  });

  api.post<{ Params: { code: string; id: string } }>(
    '/console/api/tips/:code/canned/:id/retire',
    async (req, reply) => {
      const params = cannedParams.safeParse(req.params);
      if (!params.success) return badRequest(reply, params.error);
      const { actor } = sessionOfRequest(req);
      const done = await run((scope) => retireCannedReply(scope, actor, params.data.code, params.data.id));
      return done.ok ? reply.code(204).send() : refused(reply, done.reason);
    },
  );
}
