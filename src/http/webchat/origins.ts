import type { FastifyRequest } from 'fastify';

const originOf = (address: string | undefined): string | undefined => {
  if (!address) return undefined;
  try {
    return new URL(address).origin;
  } catch {
    return undefined;
  }
};

/**
 * Who may use the web chat: its own page, and the sites configured in WEBCHAT_ORIGINS to embed it. The chat's
 * API answers requests of its own page only (no CORS is granted: the widget opens the page in a frame).
 */
export class EmbedOrigins {
  constructor(readonly allowed: readonly string[]) {}

  /** The page's frame-ancestors: itself and the configured sites; nobody else may frame it. */
  get frameAncestors(): string {
    return ["'self'", ...this.allowed].join(' ');
  }

  /**
   * Whether a page of `referer` may load the widget: ours or a configured site. A browser that sends no referrer
   * gets it; the chat's frame-ancestors still refuse a site not configured.
   */
  mayEmbed(req: FastifyRequest): boolean {
    const from = originOf(req.headers.referer);
    return !from || this.#isOwn(req, from) || this.allowed.includes(from);
  }

  /** A request of the chat's API from a page of another origin (its Origin header says so) is refused. */
  fromOwnPage(req: FastifyRequest): boolean {
    const origin = req.headers.origin;
    return origin === undefined || this.#isOwn(req, originOf(origin));
  }

  #isOwn(req: FastifyRequest, origin: string | undefined): boolean {
    return origin !== undefined && new URL(origin).host === req.headers.host;
  }
}
