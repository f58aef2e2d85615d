/**
 * The crisis risk model (docs/crisis-model.md): concept lexicons per language, matched over the
 * spelled and the diacritic-folded forms of the message words, combined by the rules of
 * riskRules.ts. A "kill" or "die" word next to what a figure of speech is about (illness, work,
 * children, food, laughter, boredom) is not counted, unless the message also threatens.
 */
import type { Token } from './analyser';
import { killsSelf } from './laughter';
import { PatternIndex } from './patternIndex';
import { Pattern, allMatches } from './patterns';
import { CONCEPTS, Concept, DENIALS, HYPERBOLE, HYPERBOLE_TARGETS, QUANTITY_NUMBER, RULES, RiskRule, THREAT_NOW } from './riskRules';

/** One language's concept words, compiled and indexed. */
export class Lexicon {
  readonly index: PatternIndex;
  private readonly conceptOf: Concept[] = [];

  constructor(words: ReadonlyMap<Concept, readonly Pattern[]>) {
    const all: Pattern[] = [];
    for (const c of CONCEPTS) {
      for (const p of words.get(c) ?? []) {
        all.push(p);
        this.conceptOf.push(c);
      }
    }
    this.index = new PatternIndex(all);
  }

  get size(): number {
    return this.conceptOf.length;
  }

  concept(id: number): Concept {
    return this.conceptOf[id];
  }
}

const MAX_POSITIONS = 8;

/**
 * Where each concept occurs in the message (token indices, at most MAX_POSITIONS each). When
 * `denied` is given, it receives every token index covered by a denial (DENIALS) match.
 */
export function conceptPositions(lexicon: Lexicon, corrected: readonly Token[], denied?: Set<number>): Map<Concept, number[]> {
  // Words as typed: a word "corrected" into a risk word is no evidence ("börja om" is not "börda",
  // burden), and a word the vocabulary lacks ("buranaa") must not be corrected away from its
  // concept. Misspelt explicit crisis words are the crisis phrases' job (crisis.<lang>.yaml).
  const tokens = corrected.map((t) => t.typed ?? t);
  const out = new Map<Concept, number[]>();
  const starts = lexicon.index.starts(tokens);
  const denials: { concept: Concept; pattern: number; from: number; to: number; match: number[] }[] = [];
  lexicon.index.patterns.forEach((p, id) => {
    const from = starts[id];
    if (!from) return;
    const c = lexicon.concept(id);
    const at = out.get(c) ?? [];
    if (at.length >= MAX_POSITIONS) return;
    for (const m of allMatches(p, tokens, MAX_POSITIONS, from)) {
      if (DENIALS.includes(c)) {
        denials.push({ concept: c, pattern: id, from: m[0], to: m[m.length - 1], match: m });
        continue;
      }
      // A multi-word expression counts where it starts and where it ends.
      for (const i of [m[0], m[m.length - 1]]) if (!at.includes(i)) at.push(i);
    }
    if (at.length) out.set(c, at);
  });
  // A denial's words may stand a word apart ("not really thinking of killing"), so "can't stop
  // thinking about killing myself" would read as "not … thinking … killing": a persistence word
  // inside the span turns the denial around, and it is no denial.
  // Denials keep the bound of every concept: a pattern adds nothing once MAX_POSITIONS are taken.
  const persist = out.get('persist') ?? [];
  const fillers = new Set(out.get('denial-filler') ?? []);
  let full = -1;
  for (const [n, d] of denials.entries()) {
    const at = out.get(d.concept) ?? [];
    if (n === 0 || denials[n - 1].pattern !== d.pattern) full = at.length >= MAX_POSITIONS ? d.pattern : -1;
    if (full === d.pattern || persist.some((i) => i > d.from && i < d.to)) continue;
    // Only a filler ("really", "todellakaan", "absolut", "mä") may stand inside a denial's words:
    // "not sleeping, want to die" and "jag orkar inte, vill dö" are no "not … want … die" (found
    // 2026-12-03: both got nothing).
    if (!bridgedByFillers(d.match, fillers)) continue;
    for (const i of [d.from, d.to]) if (!at.includes(i)) at.push(i);
    out.set(d.concept, at);
    if (denied) for (let i = d.from; i <= d.to; i++) denied.add(i);
  }
  for (const at of out.values()) at.sort((a, b) => a - b);
  // Numbers are not words an editor can list: "40 paracetamol" is a quantity.
  // "1 tabletti" is one, "3 tablettia" a few (for a child, more than one is urgent).
  // An age is no count: "äiti on 80", "pappa är 90", "82 years old" (not "on 30 tablettia"); nor
  // is a measurement: a number before a unit ("38 astetta", "7 mmol") or a reading of two numbers
  // with the larger first, both 40 or more ("verenpaine 165/100"; a range is written smaller first, "20-30").
  wholeTimeIsNoQuantity(out);
  adultAgeIsNoChild(out, tokens);
  oldAgeIsOldPerson(out, tokens);
  youngAgeIsYoungChild(out, tokens);
  const age = notCounts(out, tokens);
  // A year is a time, not a count: "yritin itsemurhaa 2015", "attempted in 2018" (blind set K).
  addNumbers(out, tokens, age, 'long-ago', (n) => isYear(n) && n < THIS_YEAR);
  addNumbers(out, tokens, age, 'quantity', (n) => n >= QUANTITY_NUMBER && !isYear(n));
  addNumbers(out, tokens, age, 'few', (n) => n >= 2 && n < QUANTITY_NUMBER);
  addNumbers(out, tokens, age, 'single', (n) => n === 1);
  return out;
}

/** Whether every word between the matched words of a denial is a filler. */
function bridgedByFillers(match: readonly number[], fillers: ReadonlySet<number>): boolean {
  for (let k = 1; k < match.length; k++) for (let i = match[k - 1] + 1; i < match[k]; i++) if (!fillers.has(i)) return false;
  return true;
}

/**
 * An age word is a child only with a child's age: "2-vuotias", "3 year old" are; "80-vuotias äiti",
 * "my 80 year old mum", "80-åring" are not (a number of 13 or more right before the age word).
 */
function adultAgeIsNoChild(out: Map<Concept, number[]>, tokens: readonly Token[]): void {
  const child = out.get('child');
  if (!child) return;
  const adult = (i: number): boolean => i > 0 && isNumber(tokens[i - 1].word) && Number(tokens[i - 1].word) >= 13;
  // a multi-word age ("year old") counts where it starts and where it ends: drop both
  const starts = child.filter(adult);
  const kept = child.filter((i) => !starts.some((s) => i === s || i === s + 1 && tokens[s + 1]?.word === 'old'));
  if (kept.length) out.set('child', kept);
  else out.delete('child');
}

/** An age of at least this many years names an old person (calmAcceptance.ts). */
const OLD_AGE = 80;

/**
 * "äiti on 94", "hon fyller 96", "93-vuotiaalle", "my mum is 90": an age of OLD_AGE or more (a
 * number right after an age-before word or right before an age-after word) is an `old-person`.
 */
function oldAgeIsOldPerson(out: Map<Concept, number[]>, tokens: readonly Token[]): void {
  const before = out.get('age-before') ?? [];
  const after = out.get('age-after') ?? [];
  const old: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isNumber(tokens[i].word) && Number(tokens[i].word) >= OLD_AGE && (before.includes(i - 1) || after.includes(i + 1))) old.push(i);
  }
  addPositions(out, 'old-person', old);
}

/** An age of at most this many years names a young child (childOutburst.ts). */
const YOUNG_AGE = 9;

/** "6-vuotias", "min 5-åring", "my 4 year old": a number of 1 to YOUNG_AGE right before an age word is a `young-child`. */
function youngAgeIsYoungChild(out: Map<Concept, number[]>, tokens: readonly Token[]): void {
  const after = out.get('age-after') ?? [];
  const young: number[] = [];
  const isYoung = (n: number): boolean => n >= 1 && n <= YOUNG_AGE;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].word;
    if (isNumber(w) && isYoung(Number(w)) && after.includes(i + 1)) young.push(i);
    // the age and its word typed as one ("6v", "5yo", "4år"; after blind set R: "Meidän 6v sanoi raivarin keskellä")
    else if (isYoung(ageInOneWord(w))) young.push(i);
  }
  addPositions(out, 'young-child', young);
}

/** The age of a word like "6v", "5yo", "4år", "3yr", else NaN. */
function ageInOneWord(word: string): number {
  // Most words start with a letter: no regular expression run for them (a hot path, as isNumber's).
  const c = word.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return NaN;
  const m = AGE_IN_ONE_WORD.exec(word);
  return m ? Number(m[1]) : NaN;
}
const AGE_IN_ONE_WORD = /^(\d{1,2})(?:v|vee|yo|yr|yrs|år|åring)$/;

/**
 * "otin lääkkeet, koko päivän sängyssä": the "koko" of a time is no quantity; "otin koko viikon
 * lääkkeet" (pills right after the time) still is. The time pattern counts where it starts.
 */
function wholeTimeIsNoQuantity(out: Map<Concept, number[]>): void {
  const times = out.get('whole-time');
  const quantity = out.get('quantity');
  if (!times || !quantity) return;
  const pills = out.get('pills') ?? [];
  const kept = quantity.filter((i) => !times.includes(i) || pills.includes(i + 2));
  if (kept.length) out.set('quantity', kept);
  else out.delete('quantity');
}

/**
 * Token indices of numbers that are no count: an age (right before an age word, or right after a
 * copula with no pills next), a measurement (right before a unit, or a word or two after what is
 * measured: "sokeri 22", "my sugar was 18") or one of a reading's two numbers.
 */
function notCounts(out: Map<Concept, number[]>, tokens: readonly Token[]): (i: number) => boolean {
  const before = out.get('age-before');
  const after = out.get('age-after');
  const unit = out.get('unit-after');
  const measure = out.get('measure-before') ?? [];
  const pills = out.get('pills') ?? [];
  const num = (i: number): number => (i >= 0 && i < tokens.length && isNumber(tokens[i].word) ? Number(tokens[i].word) : NaN);
  // Both numbers of a reading at least 40: "otin 40 5 mg" is forty tablets of five milligrams.
  const pair = (a: number, b: number): boolean => a > b && b >= 40;
  const reading = (i: number): boolean => pair(num(i), num(i + 1)) || pair(num(i - 1), num(i));
  const measured = measuredRuns(tokens, measure, [...(out.get('took') ?? []), ...pills]);
  // A strength right after the medicine ("kaks burana 400", "panadol 500"): milligrams, not tablets
  // (after blind set Q: two Burana 400 taken by mistake read as 400 tablets).
  const strength = (i: number): boolean => pills.includes(i - 1) && num(i) >= STRENGTH_NUMBER;
  return (i) =>
    !!after?.includes(i + 1) || !!unit?.includes(i + 1) || reading(i) || measured.has(i) || strength(i) || (!!before?.includes(i - 1) && !pills.includes(i + 1));
}

/** A number at least this big right after a medicine's name is its strength in milligrams. */
const STRENGTH_NUMBER = 100;

/** Words between the two numbers of a range ("my sugar was 15 to 20", "15 ja 20 välillä", "mellan 12 och 16"). */
const RANGE_WORDS: ReadonlySet<string> = new Set(['to', 'till', 'and', 'ja', 'och']);
/** How far after what is measured its number may stand ("sokerit on ollu koko viikon 14"). */
const MEASURE_REACH = 5;

/**
 * Numbers shortly after what is measured ("sokeri 22", "blodsockret har legat på 18"), with no
 * other number, no "took" and no pills between ("sokeri 12, otin 30 tablettia" is thirty
 * tablets), and the rest of a range that starts there ("sokerit 14-18", tokenised "14 18"; "15 to
 * 20", "15 ja 20 välillä"): all readings, unless pills follow the number ("sokeri 8 ja 40
 * tablettia"). Only the measured word spreads along a range: "otin 40 5 mg" is still forty tablets
 * of five milligrams.
 */
function measuredRuns(tokens: readonly Token[], measure: readonly number[], breaks: readonly number[]): Set<number> {
  const out = new Set<number>();
  const isNum = (i: number): boolean => i >= 0 && i < tokens.length && isNumber(tokens[i].word);
  const clear = (from: number, to: number): boolean => {
    for (let k = from + 1; k < to; k++) if (isNum(k) || breaks.includes(k)) return false;
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!isNum(i)) continue;
    const afterMeasure = measure.some((m) => i > m && i - m <= MEASURE_REACH && clear(m, i));
    const rangeGoesOn = out.has(i - 1) || (out.has(i - 2) && RANGE_WORDS.has(tokens[i - 1].word));
    if ((afterMeasure || rangeGoesOn) && !breaks.includes(i + 1)) out.add(i);
  }
  return out;
}

function addNumbers(out: Map<Concept, number[]>, tokens: readonly Token[], isAge: (i: number) => boolean, c: Concept, test: (n: number) => boolean): void {
  const numbers: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isNumber(tokens[i].word) && test(Number(tokens[i].word)) && !isAge(i)) numbers.push(i);
  addPositions(out, c, numbers);
}

/** The year the process started in: a message's "2015" is before it (riskModel reads years as times). */
const THIS_YEAR = new Date().getUTCFullYear();

/** Adds token positions to a concept's, kept sorted and without repeats (nothing when there are none). */
function addPositions(out: Map<Concept, number[]>, c: Concept, positions: readonly number[]): void {
  if (positions.length) out.set(c, [...new Set([...(out.get(c) ?? []), ...positions])].sort((a, b) => a - b));
}

/** A number that reads as a year: from 1950 to next year. Nobody swallows 1,950 tablets. */
function isYear(n: number): boolean {
  return n >= 1950 && n <= THIS_YEAR + 1;
}

/** /^\d+$/ without a regular expression run per word of every message. */
function isNumber(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Token indices of "kill"/"die" words that are about a figure-of-speech subject ("tää flunssa
 * tappaa mut", "could kill for a kebab", "I'll kill him if he doesn't do the dishes", "wants to
 * die at home of old age"), when nothing in the message threatens.
 */
export function hyperboleIndices(pos: Map<Concept, number[]>): Set<number> {
  const drop = new Set<number>();
  if (pos.has('threat')) return drop;
  // "huutaa rappukäytävässä että tappaa mut, lapset nukkuu": a threat said now, with rage, a weapon,
  // hiding or the person at the door, is no figure of speech about the children (after blind set I).
  if (pos.has('threat-harm') && THREAT_NOW.some((c) => pos.has(c))) return drop;
  // "tapan mun veljen jos se syö mun karkit lol": a joke marker anywhere makes "kill" a figure of
  // speech; a kill word about oneself stays and the laugh only softens the answer (laughter.ts).
  if (pos.has('joke')) for (const i of pos.get('kill') ?? []) if (!killsSelf(pos, i)) drop.add(i);
  // "haluun kuolla :D mut oikeesti vatsa on kipee": a laugh or "but seriously" and a bodily
  // complaint: the death word is a figure of speech, the complaint the message.
  if ((pos.has('joke') || pos.has('but-really')) && pos.has('somatic')) for (const i of pos.get('death') ?? []) drop.add(i);
  // "tapan mun pikkuveljen jos se koskee mun pleikkaan": a sibling's "kill" over a console or sweets.
  const trivial = pos.get('trivial-object') ?? [];
  if (pos.has('sibling') && !pos.has('weapon')) for (const i of pos.get('kill') ?? []) if (trivial.some((j) => Math.abs(i - j) <= 10)) drop.add(i);
  // "jag skulle hellre dö än ringa växeln", "I'd rather die than queue": a death word compared with
  // what is asked of the writer is a figure of speech; "than live like this" is not (after blind set M).
  const than = pos.get('than') ?? [];
  const living = pos.get('living') ?? [];
  for (const i of pos.get('death') ?? []) {
    const j = than.find((t) => t > i && t - i <= 2);
    if (j !== undefined && !living.some((l) => l > j && l - j <= 2)) drop.add(i);
  }
  // "koulun jälkeen", "after work", "efter jobbet": the subject word is a time, not what the verb is about.
  const before = pos.get('after') ?? [];
  const behind = pos.get('after-post') ?? [];
  const isTime = (j: number): boolean => before.includes(j - 1) || behind.includes(j + 1);
  for (const { subject, targets, window, after } of HYPERBOLE) {
    const subjects = pos.get(subject)?.filter((j) => !isTime(j));
    if (!subjects?.length) continue;
    const near = (i: number, j: number): boolean => (after ? j > i && j - i <= window : Math.abs(i - j) <= window);
    for (const c of targets) {
      for (const i of pos.get(c) ?? []) if (subjects.some((j) => near(i, j))) drop.add(i);
    }
  }
  return drop;
}

function fires(rule: RiskRule, pos: Map<Concept, number[]>): boolean {
  if (rule.unless?.some((c) => pos.has(c))) return false;
  const lists = rule.all.map((c) => pos.get(c));
  if (lists.some((l) => !l)) return false;
  if (rule.within === undefined) return true;
  // Some choice of one position per concept spanning at most `within` words. Lists are short.
  const search = (k: number, lo: number, hi: number): boolean => {
    if (k === lists.length) return hi - lo <= rule.within!;
    return lists[k]!.some((i) => search(k + 1, Math.min(lo, i), Math.max(hi, i)));
  };
  return search(0, Infinity, -Infinity);
}

/** The first full-crisis rule that fires, else the first check rule, else null. */
export function strongestRule(pos: Map<Concept, number[]>): RiskRule | null {
  let check: RiskRule | null = null;
  for (const rule of RULES) {
    if (!fires(rule, pos)) continue;
    if (rule.level === 'crisis') return rule;
    check ??= rule;
  }
  return check;
}

export function removeConceptIndices(pos: Map<Concept, number[]>, drop: ReadonlySet<number>): Map<Concept, number[]> {
  if (drop.size === 0) return pos;
  const out = new Map<Concept, number[]>();
  for (const [c, at] of pos) {
    if (!(HYPERBOLE_TARGETS as readonly string[]).includes(c)) {
      out.set(c, at);
      continue;
    }
    const kept = at.filter((i) => !drop.has(i));
    if (kept.length) out.set(c, kept);
  }
  return out;
}
