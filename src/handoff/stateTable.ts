/**
 * The handoff state table: for every state and every event, the next state and the outcome both
 * sides are told. This is the only place the rules live. The service gathers the facts (is the
 * queue open, is it this counsellor's conversation, has the console gone quiet), asks
 * `transition`, and commits the answer with a compare-and-swap that the store checks again
 * atomically (a Lua script in Redis) against `ALLOWED_EDGES`, which is derived from this table.
 *
 * States: `none` (no handoff: the bot talks), `waiting` (in a queue: the bot still talks),
 * `accepted` (a counsellor has the chat: the resident's words go to them), `ended` (a counsellor
 * just ended it; kept briefly so the feedback answer can be recorded, no chat text).
 */

export const STATES = ['none', 'waiting', 'accepted', 'ended'] as const;
export type HandoffState = (typeof STATES)[number];

export const EVENTS = [
  'request', // the resident asks for a person (a queue)
  'accept', // a counsellor takes a waiting conversation
  'cancel', // the resident ends the handoff: a wait, or a chat already with a counsellor
  'cancel-wait', // the resident withdraws a wait only: loses to an accept that came first
  'transfer', // a counsellor moves the conversation to another queue
  'end', // the counsellor ends the chat (back to the bot or closed)
  'console-gone', // the counsellor's console stopped its heartbeat
  'resident-deleted', // the resident pressed "End and delete"
  'sweep', // the periodic check: decides timeout / console-gone from the facts
  'timeout', // an abandoned wait ends
  'feedback', // the resident answered "did you get help?"
] as const;
export type HandoffEventType = (typeof EVENTS)[number];

/** What the service looked up before deciding. Every fact is false unless set. */
export interface TableFacts {
  /** request/transfer: the target queue is open and someone is online for it. */
  available?: boolean;
  /** request/transfer: the target queue is the conversation's current queue. */
  sameQueue?: boolean;
  /** end: the counsellor ending it is the one who has it. */
  mine?: boolean;
  /** sweep: no resident activity and no accept for the wait timeout. */
  idle?: boolean;
  /** sweep: the accepting counsellor's console heartbeat has stopped. */
  consoleGone?: boolean;
}
export const FACT_NAMES = ['available', 'sameQueue', 'mine', 'idle', 'consoleGone'] as const;

export type Outcome =
  | 'queued' // now waiting (new, or moved to another queue)
  | 'already-waiting' // asked again for the same queue: the wait goes on
  | 'already-accepted' // asked again while with a counsellor
  | 'unavailable' // the queue is closed or nobody is online: nothing queued
  | 'accepted'
  | 'taken' // accept: another counsellor (or this one) already has it
  | 'not-waiting' // accept: nothing waits (cancelled, timed out, never asked)
  | 'cancelled' // a wait was withdrawn
  | 'ended-by-resident' // the chat with a counsellor ended from the resident's side
  | 'lost-to-accept' // cancel-wait arrived after a counsellor accepted: the chat stays with them
  | 'nothing-to-cancel'
  | 'transferred'
  | 'same-queue'
  | 'not-found'
  | 'ended'
  | 'not-yours'
  | 'returned-to-queue' // the console went away: back to waiting, at the resident's old place
  | 'deleted'
  | 'timed-out'
  | 'recorded'
  | 'no-feedback-due'
  | 'unchanged';

export interface Transition {
  next: HandoffState;
  outcome: Outcome;
}

const stay = (state: HandoffState, outcome: Outcome): Transition => ({ next: state, outcome });
const go = (next: HandoffState, outcome: Outcome): Transition => ({ next, outcome });

/** The table. Pure: same state, event and facts, same answer. */
export function transition(state: HandoffState, event: HandoffEventType, f: TableFacts = {}): Transition {
  const open = state === 'waiting' || state === 'accepted';
  switch (event) {
    case 'request':
      if (state === 'accepted') return stay(state, 'already-accepted');
      if (state === 'waiting' && f.sameQueue) return stay(state, 'already-waiting');
      return f.available ? go('waiting', 'queued') : stay(state, 'unavailable');
    case 'accept':
      if (state === 'waiting') return go('accepted', 'accepted');
      return stay(state, state === 'accepted' ? 'taken' : 'not-waiting');
    case 'cancel':
      if (state === 'waiting') return go('none', 'cancelled');
      if (state === 'accepted') return go('none', 'ended-by-resident');
      return stay(state, 'nothing-to-cancel');
    case 'cancel-wait':
      if (state === 'waiting') return go('none', 'cancelled');
      return stay(state, state === 'accepted' ? 'lost-to-accept' : 'nothing-to-cancel');
    case 'transfer':
      if (!open) return stay(state, 'not-found');
      if (f.sameQueue) return stay(state, 'same-queue');
      return f.available ? go('waiting', 'transferred') : stay(state, 'unavailable');
    case 'end':
      if (!open) return stay(state, 'not-found');
      return state === 'accepted' && f.mine ? go('ended', 'ended') : stay(state, 'not-yours');
    case 'console-gone':
      return state === 'accepted' ? go('waiting', 'returned-to-queue') : stay(state, 'unchanged');
    case 'resident-deleted':
      return go('none', 'deleted');
    case 'sweep':
      if (state === 'waiting' && f.idle) return transition(state, 'timeout', f);
      if (state === 'accepted' && f.consoleGone) return transition(state, 'console-gone', f);
      return stay(state, 'unchanged');
    case 'timeout':
      return state === 'waiting' ? go('none', 'timed-out') : stay(state, 'unchanged');
    case 'feedback':
      return state === 'ended' ? go('none', 'recorded') : stay(state, 'no-feedback-due');
  }
}

/** Every combination of facts (2^5), for enumerating the table. */
export function allFacts(): TableFacts[] {
  const out: TableFacts[] = [];
  for (let bits = 0; bits < 1 << FACT_NAMES.length; bits++) {
    const f: TableFacts = {};
    FACT_NAMES.forEach((name, i) => {
      if (bits & (1 << i)) f[name] = true;
    });
    out.push(f);
  }
  return out;
}

/**
 * "from>to" pairs the table can produce (a state to itself included: an update in place, e.g.
 * a chat line). The stores refuse any other write, so no code path can bypass the table.
 */
export const ALLOWED_EDGES: readonly string[] = (() => {
  const edges = new Set<string>();
  for (const s of STATES) {
    edges.add(`${s}>${s}`);
    for (const e of EVENTS) for (const f of allFacts()) edges.add(`${s}>${transition(s, e, f).next}`);
  }
  return [...edges].sort();
})();

export function edgeAllowed(from: HandoffState, to: HandoffState): boolean {
  return ALLOWED_EDGES.includes(`${from}>${to}`);
}
