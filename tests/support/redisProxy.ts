/**
 * A TCP proxy in front of a real redis-server, for fault tests. The runtime connects to the
 * proxy's port, which stays taken for the whole test, so a Redis can be killed and a new one
 * started on a port of its own (`retarget`) without another test taking the runtime's address
 * in between. It can also freeze one connection at a chosen point:
 * after it has forwarded a command containing `marker`, everything that connection sends next is
 * held (not forwarded); answers still flow back. So a server process provably stops in the middle
 * of a turn — after the command that accepted it, before anything else of that turn reaches
 * Redis — without timing guesses. The fault tests then kill the process there.
 */
import net from 'node:net';

export interface HoldingProxy {
  url: string;
  /** New connections go to this redis-server port from now on. */
  retarget(redisPort: number): void;
  /**
   * Resolves when a connection that forwarded a command containing `marker` sends its next
   * command (which is held, as is everything after it on that connection).
   */
  holdAfter(marker: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHoldingProxy(redisPort: number): Promise<HoldingProxy> {
  const sockets = new Set<net.Socket>();
  let rule: { marker: string; held: () => void } | null = null;
  let target = redisPort;
  const server = net.createServer((client) => {
    // A dead Redis refuses the upstream connection: the client's socket is closed at once.
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    let recent = '';
    let holding = false;
    client.on('data', (chunk) => {
      if (holding) {
        rule?.held();
        return; // dropped: this connection's process is frozen as far as Redis can tell
      }
      upstream.write(chunk);
      recent = (recent + chunk.toString('latin1')).slice(-8192);
      if (rule && recent.includes(rule.marker)) holding = true;
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    retarget: (next) => {
      target = next;
    },
    holdAfter: (marker) =>
      new Promise<void>((resolve) => {
        rule = { marker, held: resolve };
      }),
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
