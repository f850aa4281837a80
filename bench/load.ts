import http from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<number, number>;
  /** Epoch ms at which each body was sent. */
  sentAt: Float64Array;
}

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Posts bodies over keep-alive connections and records latency, status and send time of each. */
function recorder(target: LoadTarget, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const url = new URL(target.url);
  const latencies: number[] = [];
  const sentAt = new Float64Array(target.bodies.length);
  const statuses: Record<number, number> = {};
  const started = performance.now();

  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const headers = { ...target.headers, 'content-length': Buffer.byteLength(body) };
      const req = http.request(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  return {
    started,
    async send(i: number) {
      const t0 = performance.now();
      sentAt[i] = performance.timeOrigin + t0;
      const status = await post(target.bodies[i]!);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    },
    result(): LoadResult {
      const seconds = (performance.now() - started) / 1000;
      agent.destroy();
      latencies.sort((a, b) => a - b);
      return {
        requests: target.bodies.length,
        seconds,
        perSecond: target.bodies.length / seconds,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        statuses,
        sentAt,
      };
    },
  };
}

/** Closed loop: `concurrency` connections each post the next body as soon as the previous answer arrives. */
export async function postLoad(opts: LoadTarget & { concurrency: number }): Promise<LoadResult> {
  const r = recorder(opts, opts.concurrency);
  let next = 0;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.bodies.length) await r.send(next++);
    }),
  );
  return r.result();
}

/** Open loop: body i is sent at start + i / rate whatever the answers do, as a platform delivering at a steady rate. */
export async function pacedLoad(opts: LoadTarget & { rate: number }): Promise<LoadResult> {
  const r = recorder(opts, 256);
  await Promise.all(
    opts.bodies.map(async (_, i) => {
      const due = r.started + (i * 1000) / opts.rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      await r.send(i);
    }),
  );
  return r.result();
}
