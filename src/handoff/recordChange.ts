/**
 * What a state-table transition does to the stored record: pure, so the service only has to
 * read, call this, and compare-and-swap. `null` means no record (the `none` state).
 */
import { HandoffRecord, RECORD_SCHEMA } from './record';
import { HandoffEventType, HandoffState, TableFacts, transition, Transition } from './stateTable';
import type { EndMode, HandoffSummary, Lang } from './types';

/** An event with the data its change needs. `at` is the service clock's epoch ms. */
export type HandoffEvent =
  | { type: 'request'; at: number; queueId: string; lang: Lang; summary: HandoffSummary; transcript?: string[] }
  | { type: 'accept'; at: number; counsellorId: string }
  | { type: 'cancel'; at: number }
  | { type: 'cancel-wait'; at: number }
  | { type: 'transfer'; at: number; toQueue: string }
  | { type: 'end'; at: number; counsellorId: string; mode: EndMode }
  | { type: 'console-gone'; at: number }
  | { type: 'resident-deleted'; at: number }
  | { type: 'sweep'; at: number }
  | { type: 'timeout'; at: number }
  | { type: 'feedback'; at: number };

export interface Change {
  from: HandoffState;
  transition: Transition;
  /** The record after the event (without the version bump), `before` itself when nothing changes. */
  after: HandoffRecord | null;
}

export function stateOf(record: HandoffRecord | null): HandoffState {
  return record ? record.status : 'none';
}

export function decide(conversationId: string, before: HandoffRecord | null, event: HandoffEvent, facts: TableFacts): Change {
  const from = stateOf(before);
  const t = transition(from, event.type as HandoffEventType, facts);
  return { from, transition: t, after: apply(conversationId, before, event, t) };
}

function apply(conversationId: string, r: HandoffRecord | null, event: HandoffEvent, t: Transition): HandoffRecord | null {
  if (t.next === 'none') return null;
  switch (t.outcome) {
    case 'queued': {
      const e = event as Extract<HandoffEvent, { type: 'request' }>;
      return {
        schema: RECORD_SCHEMA,
        version: r?.version ?? 0,
        conversationId,
        queueId: e.queueId,
        lang: e.lang,
        summary: e.summary,
        ...(e.transcript && e.transcript.length > 0 ? { transcript: e.transcript } : {}),
        status: 'waiting',
        requestedAt: e.at,
        queuedAt: e.at,
        lastResidentAt: e.at,
        lines: [],
        notes: [],
      };
    }
    case 'already-waiting':
      return r && event.at > r.lastResidentAt ? { ...r, lastResidentAt: event.at } : r;
    case 'accepted': {
      const e = event as Extract<HandoffEvent, { type: 'accept' }>;
      const { returnedBecause: _r, ...rest } = r!;
      return { ...rest, status: 'accepted', counsellorId: e.counsellorId, acceptedAt: e.at };
    }
    case 'transferred': {
      const { counsellorId: _c, acceptedAt: _a, returnedBecause: _r, ...rest } = r!;
      const e = event as Extract<HandoffEvent, { type: 'transfer' }>;
      return { ...rest, status: 'waiting', queueId: e.toQueue, queuedAt: e.at, lastResidentAt: e.at };
    }
    case 'returned-to-queue': {
      // queuedAt is kept: the resident gets their old place back, ahead of later arrivals.
      const { counsellorId: _c, acceptedAt: _a, ...rest } = r!;
      return { ...rest, status: 'waiting', lastResidentAt: event.at, returnedBecause: 'console-gone' };
    }
    case 'ended': {
      // Data minimisation: the ended record keeps no chat, notes, answers or transcript, only
      // what the feedback answer needs (queue) and the handling time.
      const e = event as Extract<HandoffEvent, { type: 'end' }>;
      const old = r!;
      return {
        schema: RECORD_SCHEMA, version: old.version, conversationId, queueId: old.queueId, lang: old.lang,
        summary: { topic: old.summary.topic, answers: [] }, status: 'ended',
        requestedAt: old.requestedAt, queuedAt: old.queuedAt, lastResidentAt: old.lastResidentAt,
        counsellorId: old.counsellorId, acceptedAt: old.acceptedAt, endedAt: e.at, endMode: e.mode, lines: [], notes: [],
      };
    }
    default:
      return r;
  }
}
