/**
 * The test Redis start survives losing the free-port race and leaves nothing running when it
 * fails: CI once saw a port taken between choosing and binding it, and the nodes already started
 * kept the finished test run alive until CI's time limit.
 */
import net from 'node:net';
import { freePort, startRedisProcess, stopProcess } from './redisProcess';

async function occupy(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const plainArgs = ([port]: number[]): string[] => ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];

it('starts on other ports when the chosen one was taken meanwhile', async () => {
  const taken = await occupy();
  const offered: number[] = [];
  const choosePorts = async (): Promise<number[]> => {
    const port = offered.length === 0 ? taken.port : await freePort();
    offered.push(port);
    return [port];
  };
  try {
    const redis = await startRedisProcess({ args: plainArgs, choosePorts });
    expect(offered).toHaveLength(2);
    expect(redis.ports).toEqual([offered[1]]);
    expect(redis.child.exitCode).toBeNull();
    await stopProcess(redis.child);
    expect(redis.child.exitCode !== null || redis.child.signalCode !== null).toBe(true);
  } finally {
    await taken.close();
  }
});

it('gives up after its attempts with the reason, and with no process left running', async () => {
  const taken = await occupy();
  try {
    await expect(startRedisProcess({ args: plainArgs, choosePorts: async () => [taken.port], attempts: 2 }))
      .rejects.toThrow(/Address already in use/);
  } finally {
    await taken.close();
  }
});

it('does not retry a start that fails for another reason', async () => {
  let attempts = 0;
  const choosePorts = async (): Promise<number[]> => { attempts++; return [await freePort()]; };
  await expect(startRedisProcess({ args: ([port]) => ['--port', String(port), '--no-such-option', 'x'], choosePorts }))
    .rejects.toThrow(/exited/);
  expect(attempts).toBe(1);
});
