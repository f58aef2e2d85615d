/**
 * One handoff as stored: plain, versioned JSON. `schema` is the format version (bump it and
 * keep a reader for the old one when the shape changes); `version` counts writes and is what
 * makes every transition a compare-and-swap, so two processes can never both accept.
 */
import type { EndMode, HandoffSummary, Lang } from './types';

export const RECORD_SCHEMA = 1;
/** Chat lines kept per handoff for the console (a reload shows them again). */
export const MAX_LINES = 200;

export interface ChatLine {
  from: 'resident' | 'counsellor';
  /** Counsellor id for counsellor lines. */
  by?: string;
  at: number;
  text: string;
}

export interface NoteLine {
  by: string;
  at: number;
  text: string;
}

export interface HandoffRecord {
  schema: typeof RECORD_SCHEMA;
  version: number;
  conversationId: string;
  queueId: string;
  lang: Lang;
  summary: HandoffSummary;
  transcript?: string[];
  /** `none` is never stored: no record is the `none` state (src/handoff/stateTable.ts). */
  status: 'waiting' | 'accepted' | 'ended';
  requestedAt: number;
  /** When it joined its current queue (reset by a transfer): the queue's order. */
  queuedAt: number;
  /** Last sign of life from the resident; an abandoned wait is measured from here. */
  lastResidentAt: number;
  counsellorId?: string;
  acceptedAt?: number;
  /** Set when a counsellor's console went away and the conversation went back to its queue. */
  returnedBecause?: 'console-gone';
  /** `ended` only: when and how the counsellor ended it (the feedback question follows back-to-bot). */
  endedAt?: number;
  endMode?: EndMode;
  lines: ChatLine[];
  notes: NoteLine[];
}

/**
 * A record in an unknown format (another schema, broken JSON) reads as absent rather than
 * misread; the stores then let a new request replace it (the `none` state), so it can never
 * make a write retry forever.
 */
export function parseRecord(json: string | null): HandoffRecord | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as HandoffRecord;
    return value && value.schema === RECORD_SCHEMA && typeof value.version === 'number' ? value : null;
  } catch {
    return null;
  }
}

export function withLine(record: HandoffRecord, line: ChatLine): HandoffRecord {
  return { ...record, lines: [...record.lines, line].slice(-MAX_LINES) };
}
