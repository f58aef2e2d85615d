/**
 * The records of conversations this process served lately, so a resident's post does not read
 * the record from Redis before its append. Safe because a record never changes after it is made
 * (user, serviceUrl; `started` is not used from here) and the append itself refuses a conversation
 * that was deleted or has expired (ConversationNotFoundError → 404), whatever the cache says.
 * Bounded (least recently used goes first), so memory stays flat however many conversations pass.
 */
import type { ConversationRecord } from './activityStore';

export const DEFAULT_RECORD_CACHE_SIZE = 10_000;

export class RecordCache {
  private readonly records = new Map<string, ConversationRecord>();

  constructor(private readonly capacity = DEFAULT_RECORD_CACHE_SIZE) {}

  get(conversationId: string): ConversationRecord | undefined {
    const record = this.records.get(conversationId);
    if (record) {
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.records.delete(conversationId);
      this.records.set(conversationId, record);
    }
    return record;
  }

  set(record: ConversationRecord): void {
    this.records.delete(record.conversationId);
    this.records.set(record.conversationId, record);
    if (this.records.size > this.capacity) this.records.delete(this.records.keys().next().value as string);
  }

  delete(conversationId: string): void {
    this.records.delete(conversationId);
  }

  get size(): number {
    return this.records.size;
  }
}
