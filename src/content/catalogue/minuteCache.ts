/**
 * Opening hours are given to the minute, so whether a channel is open — and every text and card
 * built on that — can change only when the clock passes a whole minute. Computing it with luxon's
 * time-zone arithmetic for every card of every turn was the single biggest cost of a turn (issue
 * #14: a third of the CPU). This cache keeps one result per owner object (a catalogue's hours or
 * the catalogue itself), per minute and per variant (language, service id): computed once a minute.
 *
 * Owners are held weakly: a content reload brings new objects, and the old entries go with them.
 * Results are computed for the start of the minute, so a cached value is exactly what a fresh
 * call anywhere in that minute would give.
 */
const MINUTE_MS = 60_000;

export class MinuteCache<Owner extends object, Result> {
  private readonly entries = new WeakMap<Owner, { minute: number; byVariant: Map<string, Result> }>();

  get(owner: Owner, now: Date, variant: string, compute: (minuteStart: Date) => Result): Result {
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    let entry = this.entries.get(owner);
    if (!entry || entry.minute !== minute) {
      entry = { minute, byVariant: new Map() };
      this.entries.set(owner, entry);
    }
    if (entry.byVariant.has(variant)) return entry.byVariant.get(variant) as Result;
    const result = compute(new Date(minute * MINUTE_MS));
    entry.byVariant.set(variant, result);
    return result;
  }
}
