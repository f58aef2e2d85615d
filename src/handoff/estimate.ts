/**
 * An honest waiting-time estimate: from the queue's recent handling times (accept → end) and the
 * counsellors online for it. With fewer than MIN_SAMPLES finished conversations there is no
 * estimate (null), never a made-up number.
 */
export const MIN_SAMPLES = 3;
export const KEEP_SAMPLES = 20;

export function estimateMinutes(position: number, handlingTimesMs: number[], counsellorsOnline: number): number | null {
  if (handlingTimesMs.length < MIN_SAMPLES || counsellorsOnline < 1) return null;
  const average = handlingTimesMs.reduce((a, b) => a + b, 0) / handlingTimesMs.length;
  // Those ahead and the resident's own turn each take about one average handling time, spread
  // over the counsellors online: a cautious figure (it ignores that some are already half done).
  const minutes = (position * average) / counsellorsOnline / 60000;
  return Math.max(1, Math.ceil(minutes));
}
