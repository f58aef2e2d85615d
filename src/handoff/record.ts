/**
 * One handoff as stored: plain, versioned JSON. `schema` is the format version (bump it and
 * keep a reader for the old one when the shape changes); `version` counts writes and is what
 * makes every transition a compare-and-swap, so two processes can never both accept.
 */
import type { HandoffSummary, Lang } from './types';

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
  status: 'waiting' | 'accepted';
  requestedAt: number;
  /** When it joined its current queue (reset by a transfer): the queue's order. */
  queuedAt: number;
  /** Last sign of life from the resident; an abandoned wait is measured from here. */
  lastResidentAt: number;
  counsellorId?: string;
  acceptedAt?: number;
  lines: ChatLine[];
  notes: NoteLine[];
}

export function parseRecord(json: string | null): HandoffRecord | null {
  if (!json) return null;
  const value = JSON.parse(json) as HandoffRecord;
  // A record from an unknown future format is treated as absent rather than misread.
  return value.schema === RECORD_SCHEMA ? value : null;
}

export function withLine(record: HandoffRecord, line: ChatLine): HandoffRecord {
  return { ...record, lines: [...record.lines, line].slice(-MAX_LINES) };
}
