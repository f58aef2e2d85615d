/**
 * One blocking Redis connection per process that waits (XREAD BLOCK) on the streams of every
 * conversation with an open WebSocket here, and tells their listeners when something arrives.
 * When the set of streams changes, CLIENT UNBLOCK (sent on the normal connection) wakes the
 * blocked read so it starts again with the new set. Listeners re-read from their own watermark,
 * so a spurious wake-up costs one XRANGE and nothing else.
 *
 * On Redis Cluster one XREAD cannot span conversations (their streams live in different slots),
 * so there the hub uses pub/sub instead (clusterNotifier.ts): every append is announced on one
 * channel, and each process wakes the listeners of the streams it serves.
 */
import type Redis from 'ioredis';
import { createRedisClient, whenReady } from '../../state/redisClient';
import type { RedisTopology } from '../../state/redisTopology';
import { ClusterNotifier } from './clusterNotifier';

const BLOCK_MS = 2000;

interface Subscription {
  lastId: string;
  listeners: Set<() => void>;
}

export class StreamHub {
  private readonly subs = new Map<string, Subscription>();
  private readonly blocking: Redis;
  private clientId: number | null = null;
  private closed = false;
  private looping = false;
  private wake: (() => void) | null = null;
  private readonly notifier: ClusterNotifier | null = null;

  constructor(url: string | RedisTopology, private readonly control: Redis) {
    if (typeof url !== 'string' && url.kind === 'cluster') {
      this.notifier = new ClusterNotifier(url, control, (streamKey) => this.wakeListeners(streamKey));
    }
    this.blocking = createRedisClient(url, { commandTimeout: BLOCK_MS + 3000, lazyConnect: this.notifier !== null });
    this.blocking.on('ready', () => {
      this.blocking.client('ID').then((id) => (this.clientId = Number(id)), () => (this.clientId = null));
    });
  }

  subscribe(streamKey: string, afterSeq: number, listener: () => void): () => void {
    let sub = this.subs.get(streamKey);
    if (!sub) {
      sub = { lastId: `0-${afterSeq}`, listeners: new Set() };
      this.subs.set(streamKey, sub);
      this.interrupt();
    }
    sub.listeners.add(listener);
    if (this.notifier) this.notifier.start(streamKey, () => this.subs.forEach((each) => each.listeners.forEach((fn) => fn())));
    else this.ensureLoop();
    const owned = sub;
    return () => {
      owned.listeners.delete(listener);
      if (owned.listeners.size === 0 && this.subs.get(streamKey) === owned) this.subs.delete(streamKey);
    };
  }

  /** Fast path for appends made in this process: no need to wait for the blocked read. */
  notifyLocal(streamKey: string): void {
    this.wakeListeners(streamKey);
    this.notifier?.announce(streamKey);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    this.blocking.disconnect();
    this.notifier?.close();
  }

  private wakeListeners(streamKey: string): void {
    this.subs.get(streamKey)?.listeners.forEach((fn) => fn());
  }

  private interrupt(): void {
    if (this.wake) {
      this.wake();
      return;
    }
    if (this.clientId !== null) this.control.client('UNBLOCK', this.clientId).catch(() => undefined);
  }

  private ensureLoop(): void {
    if (this.looping || this.closed) return;
    this.looping = true;
    void this.loop().finally(() => (this.looping = false));
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      if (this.subs.size === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      const keys = [...this.subs.keys()];
      const ids = keys.map((k) => this.subs.get(k)!.lastId);
      let result: [string, [string, string[]][]][] | null;
      try {
        await whenReady(this.blocking, 5000);
        result = (await this.blocking.xread('COUNT', 100, 'BLOCK', BLOCK_MS, 'STREAMS', ...keys, ...ids)) as typeof result;
      } catch {
        if (this.closed) return;
        // Redis is away: back off briefly, the client reconnects by itself.
        await new Promise<void>((resolve) => setTimeout(resolve, 500).unref());
        continue;
      }
      for (const [key, entries] of result ?? []) {
        const sub = this.subs.get(key);
        if (!sub || entries.length === 0) continue;
        sub.lastId = entries[entries.length - 1][0];
        sub.listeners.forEach((fn) => fn());
      }
    }
  }
}
