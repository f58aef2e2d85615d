/**
 * Wakes the WebSocket pumps of this process when a conversation they serve gets new activities.
 *
 * - Appends made here hand their activities straight to the listeners (`notifyLocal`): a pump
 *   whose watermark they follow sends them without reading Redis back.
 * - Appends made by another process reach us over pub/sub: the append script itself PUBLISHes
 *   `<hub id> <stream key>` on one channel (so an append costs no extra round trip, and a
 *   subscriber receiving costs none either), and every process wakes the listeners of the streams
 *   it serves, which read from their own watermark. A process ignores its own messages.
 *
 * This replaced one blocking XREAD over every open stream: that read had to be issued again after
 * each append (two round trips per turn) and cannot span slots on a Redis Cluster, where PUBLISH
 * reaches every node's subscribers. Messages sent while the subscriber was reconnecting are
 * lost, so after every (re)subscription all listeners are woken once: nothing is missed.
 */
import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { createRedisClient } from '../../state/redisClient';
import type { RedisTopology } from '../../state/redisTopology';

/** Activities just appended in this process, numbered `first`, `first + 1`, … */
export interface LocalAppend {
  first: number;
  activities: Activity[];
}

export type StreamListener = (appended?: LocalAppend) => void;

export class StreamHub {
  /** In every message this hub publishes, so it can skip its own. */
  readonly id = randomUUID();
  private readonly listeners = new Map<string, Set<StreamListener>>();
  private subscriber: Redis | null = null;
  private closed = false;

  constructor(
    private readonly where: string | RedisTopology,
    private readonly control: Redis,
    /** The pub/sub channel of every append (sharedKeys(prefix).dlAppendedChannel). */
    readonly channel: string,
  ) {}

  /** The message an append script publishes for `streamKey`. */
  message(streamKey: string): string {
    return `${this.id} ${streamKey}`;
  }

  subscribe(streamKey: string, listener: StreamListener): () => void {
    let set = this.listeners.get(streamKey);
    if (!set) this.listeners.set(streamKey, (set = new Set()));
    set.add(listener);
    this.start();
    const owned = set;
    return () => {
      owned.delete(listener);
      if (owned.size === 0 && this.listeners.get(streamKey) === owned) this.listeners.delete(streamKey);
    };
  }

  /** After an append (with its activities) or a delete here: wake this process's listeners. */
  notifyLocal(streamKey: string, appended?: LocalAppend): void {
    this.listeners.get(streamKey)?.forEach((fn) => fn(appended));
  }

  /** A delete: other processes' sockets of the conversation must close too (rare; its own round trip). */
  announce(streamKey: string): void {
    this.control.publish(this.channel, this.message(streamKey)).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.subscriber?.disconnect();
  }

  private start(): void {
    if (this.subscriber || this.closed) return;
    const sub = createRedisClient(this.where, { lazyConnect: true });
    this.subscriber = sub;
    sub.on('message', (_channel: string, message: string) => {
      const space = message.indexOf(' ');
      if (space > 0 && message.slice(0, space) !== this.id) this.notifyLocal(message.slice(space + 1));
    });
    sub.on('ready', () => {
      sub.subscribe(this.channel).then(() => this.listeners.forEach((set) => set.forEach((fn) => fn())), () => undefined);
    });
    sub.connect().catch(() => undefined); // reconnects by itself; 'ready' subscribes
  }
}
