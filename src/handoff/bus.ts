/**
 * Real-time events for consoles. A counsellor's console may be served by another process than
 * the resident's chat, so events travel over Redis pub/sub when there is Redis; in memory they
 * stay in the process. Messages carry text (the counsellor must see it) but are never logged.
 */
import { EventEmitter } from 'node:events';
import type Redis from 'ioredis';
import type { Lang } from './types';

export type ConsoleEvent =
  | { type: 'waiting-changed'; queueIds: string[] }
  | { type: 'message'; conversationId: string; counsellorId?: string; from: 'resident' | 'counsellor'; by?: string; text: string; at: number }
  | { type: 'typing'; conversationId: string; counsellorId?: string; from: 'resident' }
  | { type: 'note'; conversationId: string; counsellorId?: string; by: string; text: string; at: number }
  | { type: 'accepted'; conversationId: string; counsellorId: string; queueId: string; lang: Lang }
  /**
   * resident: the resident cancelled or left; resident-deleted: they pressed "End and delete";
   * console-gone: the counsellor's console went quiet and the chat went back to its queue.
   */
  | { type: 'ended'; conversationId: string; counsellorId?: string; reason: 'counsellor' | 'resident' | 'resident-deleted' | 'transferred' | 'timeout' | 'console-gone' };

export interface EventBus {
  publish(event: ConsoleEvent): Promise<void>;
  subscribe(listener: (event: ConsoleEvent) => void): () => void;
  close(): Promise<void>;
}

export class MemoryEventBus implements EventBus {
  private emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async publish(event: ConsoleEvent): Promise<void> {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: ConsoleEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** One subscriber connection per process (pub/sub needs its own), fanned out locally. */
export class RedisEventBus implements EventBus {
  private local = new MemoryEventBus();
  private readonly channel: string;
  private readonly ready: Promise<unknown>;

  constructor(private readonly publisher: Redis, private readonly subscriber: Redis, prefix: string) {
    this.channel = `${prefix}handoff:events`;
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        void this.local.publish(JSON.parse(message) as ConsoleEvent);
      } catch {
        // A malformed message from another version is dropped, never crashes the process.
      }
    });
    this.ready = this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  /** Resolves when the subscription is active (tests wait for it before publishing). */
  whenSubscribed(): Promise<unknown> {
    return this.ready;
  }

  async publish(event: ConsoleEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  subscribe(listener: (event: ConsoleEvent) => void): () => void {
    return this.local.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.local.close();
    await this.subscriber.quit().catch(() => undefined);
  }
}
