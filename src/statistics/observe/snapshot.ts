/**
 * What the statistics need from a conversation's state, read (never written) before and after a
 * turn: whether the conversation had started, its language, the question it waits at, and an
 * open feedback question. Conversation state is plain JSON (dialog stack with each script
 * dialog's frame, see src/engine/scriptDialog.ts, and the bot's `meta`); an unknown shape reads
 * as "nothing known" rather than failing the turn.
 */
export interface Position {
  dialog: string;
  step: string;
  /** Questions asked so far in that dialog: a repeated question (a retry) keeps the count. */
  asked: number;
}

export interface StateSnapshot {
  started: boolean;
  lang: string | null;
  /** The question the conversation waits at (the top of the dialog stack). */
  at: Position | null;
  feedbackFor: string | null;
}

interface LooseState {
  meta?: { lang?: unknown; feedbackFor?: unknown };
  dialogState?: { dialogStack?: { id?: unknown; state?: { frame?: { step?: unknown; history?: unknown } } }[] };
}

export function snapshotOf(state: unknown): StateSnapshot {
  const s = (state ?? {}) as LooseState;
  const meta = typeof s.meta === 'object' && s.meta !== null ? s.meta : null;
  const stack = Array.isArray(s.dialogState?.dialogStack) ? s.dialogState!.dialogStack! : [];
  const top = stack[stack.length - 1];
  const frame = top?.state?.frame;
  const at = top && typeof top.id === 'string' && typeof frame?.step === 'string'
    ? { dialog: top.id, step: frame.step, asked: Array.isArray(frame.history) ? frame.history.length : 0 }
    : null;
  return {
    started: meta !== null,
    lang: typeof meta?.lang === 'string' ? meta.lang : null,
    at,
    feedbackFor: typeof meta?.feedbackFor === 'string' ? meta.feedbackFor : null,
  };
}

export function samePosition(a: Position | null, b: Position | null): boolean {
  return a === b || (!!a && !!b && a.dialog === b.dialog && a.step === b.step && a.asked === b.asked);
}
