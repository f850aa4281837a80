/** The map's background: a tile server's address template ({z}/{x}/{y}, optionally {s}) and its credit line. */
export interface TileSource {
  url: string;
  attribution: string;
}

/** `CONSOLE_TILE_URL`: `none` draws the located tips on a plain background (no tile server reachable). */
export function tileSource(url: string, attribution: string): TileSource | null {
  return url === 'none' ? null : { url, attribution };
}

/**
 * Where the page may load images from: itself, data: URLs, and the tile server (each `{s}` subdomain of it).
 * Nothing else: a script could not smuggle data out through an image either.
 */
export function imageSources(tiles: TileSource | null): string {
  if (!tiles) return "'self' data:";
  const { protocol, host } = new URL(tiles.url.replaceAll('{s}', 'a').replace(/\{[a-z]+\}/g, '0'));
  const origin = tiles.url.includes('{s}')
    ? `${protocol}//*.${host.split('.').slice(1).join('.')}`
    : `${protocol}//${host}`;
  return `'self' data: ${origin}`;
}
