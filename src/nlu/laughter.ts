/**
 * Laughter next to a suicide word ("mun kaveri sano et se tappaa ittensä jos Ässät häviää 😂😂",
 * "I'll kill myself if we lose haha", "my friend says she wants to die lol"): often a figure of
 * speech, but not always, so it lowers the full response to the direct question (`check`), never
 * to nothing. Only when the laugh is all that makes it doubtful: what the message says besides the
 * kill or death words (a means, pills, a farewell, a time with an ending) keeps the full response.
 *
 * A laugh is a joke marker of risk.<lang>.yaml (lol, haha, xd, ":D") or a laughing emoji, which the
 * tokeniser does not keep as a word. The writer's own wish to die with a laugh ("haluun kuolla lol,
 * en jaksa enää") stays the full response (after blind set G): only a kill word about oneself, or a
 * third person's words reported with a laugh, are softened.
 */
import { DENIAL_COMPANIONS } from './riskRules';
import type { Concept } from './riskRules';

/**
 * Any of these left once the doubted words are out keeps the full response: the risk words a
 * denial keeps (DENIAL_COMPANIONS) but a bare intent ("I'll …" is how the hyperbole is said too),
 * pills, a weapon or a threat, and someone who no longer answers ("…ska ta livet av sig ikväll och
 * nu svarar hon inte haha").
 */
export const LAUGH_KEEPS: readonly Concept[] = [...DENIAL_COMPANIONS.filter((c) => c !== 'intent'), 'unreachable', 'pills', 'weapon', 'threat'];
/**
 * Face with tears of joy, rolling on the floor laughing, grinning squinting, cat with tears of joy,
 * sweat smile, winking/squinting tongue; and (after blind set R) the skull, young people's "I'm dead
 * (of laughing)" ("mä tapan itteni jos me hävitään tää matsi 💀"), and the eye roll of a parent's
 * "dödar sig själv om han inte får en ny telefon 🙄". Like a laugh they only soften to the question.
 */
const LAUGH_EMOJI = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}\u{1F605}\u{1F61D}\u{1F61C}\u{1F480}\u{1F644}]/u;

/** What a figure of speech is about: with a laugh, a means beside one is doubted too. */
const FIGURE_SUBJECTS: readonly Concept[] = ['queue', 'hyperbole', 'chore'];
/** A kill word this close to "myself"/"itseni"/"mig själv" is about oneself (the kill-self rule's window). */
export const SELF_KILL_WINDOW = 3;

export function laughs(text: string): boolean {
  return LAUGH_EMOJI.test(text);
}

/** A laughing emoji counts as a joke marker: `joke` at the last word (a joke marker counts anywhere). */
export function addLaughter(pos: Map<Concept, number[]>, text: string, words: number): void {
  if (words > 0 && !pos.has('joke') && laughs(text)) pos.set('joke', [words - 1]);
}

/** A kill word about oneself, which a joke marker does not cancel (it only softens the answer). */
export function killsSelf(pos: Map<Concept, number[]>, i: number): boolean {
  return (pos.get('self') ?? []).some((j) => Math.abs(i - j) <= SELF_KILL_WINDOW);
}

/**
 * With a laugh, the concepts whose words are taken out to see whether the rest of the message
 * still holds a risk: kill and self words when a kill word is about oneself; kill, death and self
 * words when someone else's words are reported (someone close named, a reporting verb, the writer
 * not the subject; "se ampuu ittensä" has no kill word, only the explicit phrase). Null when the
 * laugh softens nothing.
 */
export function laughDoubts(pos: Map<Concept, number[]>): Concept[] | null {
  if (!pos.has('joke')) return null;
  const reported = pos.has('other-person') && pos.has('reported') && !pos.has('first-person');
  if (reported) return ['kill', 'death', 'self'];
  if ((pos.get('kill') ?? []).some((i) => killsSelf(pos, i))) return ['kill', 'self'];
  // "jos kuulen sen jonotusmusiikin vielä kerran niin hyppään parvekkeelta :D": a means with a laugh
  // and what a figure of speech is about (a queue, work, an illness) is asked about (after blind set I).
  if (pos.has('means') && FIGURE_SUBJECTS.some((c) => pos.has(c))) return ['means', 'kill', 'death', 'self'];
  return null;
}
