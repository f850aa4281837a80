import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 1×1 grey PNG: every tile looks the same. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8+/9/PQAJJAPWrIj8HAAAAABJRU5ErkJggg==',
  'base64',
);

export interface FakeTiles {
  /** The template the console is given (CONSOLE_TILE_URL). */
  template: string;
  /** The tiles asked for, as `z/x/y`. */
  requested: string[];
  close(): Promise<void>;
}

/** A map tile server on a local port, answering /{z}/{x}/{y}.png as OpenStreetMap's does. */
export async function startFakeTiles(): Promise<FakeTiles> {
  const requested: string[] = [];
  const server = createServer((req, res) => {
    const tile = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
    if (!tile) return void res.writeHead(404).end();
    requested.push(tile.slice(1).join('/'));
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(TILE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    requested,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
