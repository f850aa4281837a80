import type { FastifyReply, FastifyRequest } from 'fastify';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

export interface EventStream {
  write(chunk: string): void;
  /** Ends the stream (once; also when the client goes away). */
  end(): void;
}

/**
 * Turns the request into a server-sent events stream: the reply is taken over, kept open past the server's idle
 * timeout with a comment now and then, and `onEnd` runs once when it ends, whoever ends it.
 */
export function eventStream(req: FastifyRequest, reply: FastifyReply, first: string, onEnd: () => void): EventStream {
  reply.hijack();
  const res = reply.raw;
  // A stream may stay quiet longer than the server lets an idle connection live.
  req.raw.socket.setTimeout(0);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  res.write(first);
  let ended = false;
  const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    onEnd();
    res.end();
  };
  req.raw.on('close', end);
  // A read finishing after the client left writes nothing.
  return { write: (chunk) => void (ended || res.write(chunk)), end };
}
