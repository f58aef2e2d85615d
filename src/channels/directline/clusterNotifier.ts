/**
 * Wake-ups for Direct Line streams on Redis Cluster. There one XREAD cannot wait on the streams of
 * many conversations (each conversation's keys share its own hash tag, so they live in different
 * slots), so each append is announced on a pub/sub channel (PUBLISH reaches every node's
 * subscribers in a Cluster) and every process wakes the listeners of the streams it serves.
 *
 * A process ignores its own announcements (it has woken its listeners already). Messages sent
 * while the subscriber was reconnecting are lost, so after every (re)connect all listeners are
 * woken once: they re-read from their own watermark, so nothing is missed.
 */
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { createRedisClient, whenReady } from '../../state/redisClient';
import type { RedisTopology } from '../../state/redisTopology';

export class ClusterNotifier {
  private readonly id = randomUUID();
  private readonly subscriber: Redis;
  private channel: string | null = null;
  private closed = false;

  constructor(topology: RedisTopology, private readonly control: Redis, private readonly onAppended: (streamKey: string) => void) {
    this.subscriber = createRedisClient(topology, { lazyConnect: true });
    this.subscriber.on('message', (_channel: string, message: string) => {
      const space = message.indexOf(' ');
      if (space > 0 && message.slice(0, space) !== this.id) this.onAppended(message.slice(space + 1));
    });
  }

  /** The channel is named after the key prefix (everything before the hash tag), e.g. `opastin:dl:appended`. */
  private channelFor(streamKey: string): string {
    const brace = streamKey.indexOf('{');
    return `${brace > 0 ? streamKey.slice(0, brace) : ''}appended`;
  }

  /** Subscribes on first use; `onReconnect` wakes every listener after each (re)subscription. */
  start(streamKey: string, onReconnect: () => void): void {
    if (this.channel || this.closed) return;
    const channel = this.channelFor(streamKey);
    this.channel = channel;
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(channel).then(onReconnect, () => undefined);
    });
    this.subscriber.connect().catch(() => undefined); // reconnects by itself; 'ready' subscribes
  }

  announce(streamKey: string): void {
    const channel = this.channel ?? this.channelFor(streamKey);
    this.control.publish(channel, `${this.id} ${streamKey}`).catch(() => undefined);
  }

  close(): void {
    this.closed = true;
    this.subscriber.disconnect();
  }

  /** For tests: resolves once subscribed. */
  async ready(): Promise<void> {
    await whenReady(this.subscriber, 5000);
  }
}
