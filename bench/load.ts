import http from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<number, number>;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Open-loop load: body i is sent at start + i / rate whatever the answers do,
 * as a platform delivering updates at a steady rate would.
 */
export async function pacedLoad(opts: {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  rate: number;
}): Promise<LoadResult & { sentAt: Float64Array }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(opts.url);
  const latencies: number[] = [];
  const sentAt = new Float64Array(opts.bodies.length);
  const statuses: Record<number, number> = {};
  const started = performance.now();
  await Promise.all(
    opts.bodies.map(async (body, i) => {
      const due = started + (i * 1000) / opts.rate;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      const t0 = performance.now();
      sentAt[i] = performance.timeOrigin + t0;
      const status = await request(agent, url, opts.headers, body);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: opts.bodies.length,
    seconds,
    perSecond: opts.bodies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    statuses,
    sentAt,
  };
}

function request(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Closed-loop load: `concurrency` keep-alive connections each POST the next
 * body as soon as the previous answer arrives. Latency is per request.
 */
export async function postLoad(opts: {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  concurrency: number;
}): Promise<LoadResult & { /** Epoch ms at which each body was sent. */ sentAt: Float64Array }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const url = new URL(opts.url);
  const latencies: number[] = [];
  const sentAt = new Float64Array(opts.bodies.length);
  const statuses: Record<number, number> = {};
  let next = 0;

  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.bodies.length) {
        const i = next++;
        const t0 = performance.now();
        sentAt[i] = performance.timeOrigin + t0;
        const status = await request(agent, url, opts.headers, opts.bodies[i]!);
        const t1 = performance.now();
        latencies.push(t1 - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: opts.bodies.length,
    seconds,
    perSecond: opts.bodies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    statuses,
    sentAt,
  };
}
