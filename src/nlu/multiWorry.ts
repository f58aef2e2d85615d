/**
 * A long message often names two worries ("mum is not coping at home and I drink too much
 * myself"). The whole-message vote then picks one and hides the other, so we also score the
 * message's parts (sentences, and clauses split at "and / ja / och / but / mutta / men …"): a part
 * confidently about another topic becomes the second choice the resident is offered.
 */
import type { TopicScore } from './classifier';
import type { Topic } from './types';

const MIN_WORDS = 8; // shorter messages rarely hold two worries
const MIN_PART_WORDS = 3;
const MAX_PARTS = 4;
const PART_CONFIDENCE = 0.6;
const SPLIT = /[.!?;\n]+|,?\s+(?:ja|sekä|mutta|lisäksi|myös|och|samt|men|dessutom|också|and|but|also|plus)\s+/iu;
/** Not worries: a wish to talk to a person is answered whatever the topic. */
const NOT_A_WORRY: readonly Topic[] = ['human', 'unknown', 'crisis'];

export function secondWorry(text: string, main: Topic, score: (part: string) => TopicScore[]): TopicScore | null {
  if (text.split(/\s+/).length < MIN_WORDS) return null;
  const parts = text
    .split(SPLIT)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= MIN_PART_WORDS)
    .slice(0, MAX_PARTS);
  if (parts.length < 2) return null;
  let best: TopicScore | null = null;
  for (const p of parts) {
    const top = score(p)[0];
    if (!top || top.topic === main || NOT_A_WORRY.includes(top.topic) || top.confidence < PART_CONFIDENCE) continue;
    if (!best || top.confidence > best.confidence) best = top;
  }
  return best;
}
