import { createConnection, createServer, type Socket } from 'node:net';

/** A TCP proxy on loopback between clients and a server, which a test can cut like a network partition. */
export type TcpProxy = Readonly<{
  /** `127.0.0.1:<port>` clients connect to. */
  port: number;
  /**
   * Partition: from now on nothing passes either way and nothing is closed (no FIN, no RST), as when a
   * switch or a Wi-Fi link dies; new connections are accepted and then hear nothing.
   */
  partition(): void;
  /** Heals it: the connections of the partition are dropped (their peers long gave up) and new ones pass. */
  heal(): void;
  close(): Promise<void>;
}>;

type Pair = { client: Socket; server: Socket | null; cut: boolean };

/** Starts a proxy to `127.0.0.1:targetPort` on a free port. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let partitioned = false;
  const drop = (pair: Pair): void => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.server?.destroy();
  };
  const server = createServer((client) => {
    const pair: Pair = { client, server: null, cut: partitioned };
    pairs.add(pair);
    client.on('error', () => drop(pair));
    if (pair.cut) {
      // Why: a partition swallows what the client sends; read it so its buffers do not fill.
      client.on('data', () => undefined);
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    pair.server = upstream;
    upstream.on('error', () => drop(pair));
    client.on('data', (chunk) => {
      if (!pair.cut) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.cut) client.write(chunk);
    });
    // Why: during a partition an end on one side must not reach the other (that would tell it the truth).
    client.on('close', () => {
      if (!pair.cut) drop(pair);
    });
    upstream.on('close', () => {
      if (!pair.cut) drop(pair);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    partition() {
      partitioned = true;
      for (const pair of pairs) pair.cut = true;
    },
    heal() {
      partitioned = false;
      for (const pair of [...pairs]) if (pair.cut) drop(pair);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of [...pairs]) drop(pair);
        server.close(() => resolve());
      }),
  };
}
