import net from 'node:net';

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  closeUpstream: () => void;
  closeClient: () => void;
}

/** What happens to a connection opened while the proxy is frozen. */
export type NewConnections = 'pass' | 'freeze' | 'refuse';

/**
 * A TCP relay in front of a real server that a test can cut and restore, to
 * make the server "unreachable" without touching it, or freeze, to make it
 * silent: sockets stay open, nothing passes either way and no FIN is sent.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  /** Pairs that relay; a frozen pair is taken out and never relays again (its packets are "lost"). */
  const relaying = new Set<Pair>();
  let newConnections: NewConnections = 'pass';
  let server: net.Server | undefined;
  let port = 0;

  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };

  const freezePair = (pair: Pair) => {
    relaying.delete(pair);
    // A silent peer never closes: the other side's FIN or reset is not passed on either.
    pair.client.off('close', pair.closeUpstream);
    pair.upstream.off('close', pair.closeClient);
    pair.client.unpipe();
    pair.upstream.unpipe();
    pair.client.pause();
    pair.upstream.pause();
  };

  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        track(client);
        if (newConnections === 'refuse') return void client.destroy();
        if (newConnections === 'freeze') return void client.pause(); // accepted, then silence
        const upstream = net.connect(target.port, target.host);
        track(upstream);
        const pair: Pair = {
          client,
          upstream,
          closeUpstream: () => upstream.destroy(),
          closeClient: () => client.destroy(),
        };
        relaying.add(pair);
        client.pipe(upstream).pipe(client);
        client.on('close', pair.closeUpstream);
        upstream.on('close', pair.closeClient);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    /** Drops every connection and refuses new ones. */
    async cut() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
    /** Listens again on the same port. */
    restore: listen,
    /**
     * Every open connection goes silent for good (a partition whose state is lost); connections
     * opened from now on are frozen too, refused, or relayed, as `next` says (change it with `admit`).
     */
    freeze(next: NewConnections = 'freeze') {
      for (const pair of [...relaying]) freezePair(pair);
      newConnections = next;
    },
    /** What new connections meet from now on; the frozen ones stay frozen. */
    admit(next: NewConnections = 'pass') {
      newConnections = next;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
