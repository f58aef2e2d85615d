/**
 * A TCP proxy in front of a real redis-server, for fault tests. The runtime connects to the
 * proxy's port, which stays taken for the whole test, so a Redis can be killed and a new one
 * started on a port of its own (`retarget`) without another test taking the runtime's address
 * in between. It can also freeze one connection at a chosen point:
 * after it has forwarded a command containing a marker, everything that connection sends next is
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
   * Resolves when a connection that forwarded `times` commands containing one of `markers` (a
   * script's digest: scripts go by EVALSHA) sends its next command (which is held, as is
   * everything after it on that connection).
   */
  holdAfter(markers: string | readonly string[], times?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHoldingProxy(redisPort: number): Promise<HoldingProxy> {
  const sockets = new Set<net.Socket>();
  let rule: { markers: readonly string[]; times: number; held: () => void } | null = null;
  let target = redisPort;
  const server = net.createServer((client) => {
    // A dead Redis refuses the upstream connection: the client's socket is closed at once.
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    let tail = ''; // the end of what came before, so a marker split between chunks still counts
    let seen = 0;
    let holding = false;
    client.on('data', (chunk) => {
      if (holding) {
        rule?.held();
        return; // dropped: this connection's process is frozen as far as Redis can tell
      }
      upstream.write(chunk);
      if (!rule) return;
      const joined = tail + chunk.toString('latin1');
      for (const marker of rule.markers) seen += count(joined, marker) - count(tail, marker);
      const longest = Math.max(...rule.markers.map((m) => m.length));
      tail = joined.slice(-(longest - 1));
      if (seen >= rule.times) holding = true;
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
    holdAfter: (markers, times = 1) =>
      new Promise<void>((resolve) => {
        rule = { markers: typeof markers === 'string' ? [markers] : markers, times, held: resolve };
      }),
    close: async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function count(text: string, marker: string): number {
  let n = 0;
  for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length)) n++;
  return n;
}
