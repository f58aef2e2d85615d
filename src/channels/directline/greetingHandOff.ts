/**
 * The greeting a conversation's start just stored in this process, kept for the first WebSocket
 * of the conversation that opens here: it sends these activities as they are instead of reading
 * and inflating them back from the store (the store's openStream still says whether anything
 * followed them; then the socket reads as before). Only a run of activities numbered from 1 is
 * kept, so it is what a read from the start would give. Taken once; bounded and short-lived, so
 * starts whose socket opens in another process (no sticky sessions) or never cost little memory.
 */
import type { Activity } from 'botbuilder';
import type { LocalAppend } from './streamHub';

export const GREETING_HAND_OFF_SIZE = 1000;
/** A socket opens within a second or two of its start; a greeting older than this is read back. */
export const GREETING_HAND_OFF_MS = 30_000;

interface Kept {
  activities: Activity[];
  at: number;
}

export class GreetingHandOff {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly capacity = GREETING_HAND_OFF_SIZE,
    private readonly maxAgeMs = GREETING_HAND_OFF_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Collects the appends made here while the start's turn runs (the store's subscribe hands them
   * over); `keep` then keeps them when they run unbroken from activity 1.
   */
  collector(): { listener: (appended?: LocalAppend) => void; keep: (conversationId: string) => void } {
    const activities: Activity[] = [];
    let unbroken = true;
    return {
      listener: (appended) => {
        // A wake-up without activities (another process appended) or a gap: read back instead.
        if (!appended || appended.first !== activities.length + 1) unbroken = false;
        else activities.push(...appended.activities);
      },
      keep: (conversationId) => {
        if (unbroken && activities.length > 0) this.set(conversationId, activities);
      },
    };
  }

  /** The kept greeting (activities 1 … n), once; undefined when none or too old. */
  take(conversationId: string): Activity[] | undefined {
    const kept = this.kept.get(conversationId);
    if (!kept) return undefined;
    this.kept.delete(conversationId);
    return this.now() - kept.at <= this.maxAgeMs ? kept.activities : undefined;
  }

  forget(conversationId: string): void {
    this.kept.delete(conversationId);
  }

  get size(): number {
    return this.kept.size;
  }

  private set(conversationId: string, activities: Activity[]): void {
    this.kept.delete(conversationId);
    this.kept.set(conversationId, { activities, at: this.now() });
    // Map keeps insertion order: the oldest goes first.
    if (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value as string);
  }
}
