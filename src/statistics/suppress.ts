/**
 * Small-count suppression: a count from 1 to 4 is never shown or exported, so that no single
 * resident can be picked out ("<5" instead). Zero is shown. Everything on the statistics page and
 * in the CSV passes through here; derived figures (shares, mean waits) are left out whenever
 * they rest on a suppressed count.
 */
export const MIN_SHOWN = 5;

/** A figure as shown: a number, `suppressed` (1–4), or null when it does not apply. */
export type Cell = number | 'suppressed' | null;

export function countCell(n: number): Cell {
  return n > 0 && n < MIN_SHOWN ? 'suppressed' : n;
}

/** `part / whole` in percent (one decimal), only when both counts may be shown. */
export function shareCell(part: number, whole: number): Cell {
  if (whole === 0) return null;
  if (countCell(part) === 'suppressed' || countCell(whole) === 'suppressed') return 'suppressed';
  return Math.round((part / whole) * 1000) / 10;
}

/** A mean over `count` samples, only when the count itself may be shown. */
export function meanCell(sum: number, count: number, digits = 1): Cell {
  if (count === 0) return null;
  if (countCell(count) === 'suppressed') return 'suppressed';
  const f = 10 ** digits;
  return Math.round((sum / count) * f) / f;
}

export function cellText(cell: Cell): string {
  return cell === 'suppressed' ? '<5' : cell === null ? '' : String(cell);
}
