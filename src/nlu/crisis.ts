/**
 * Crisis detection, run on every message before anything else. Recall comes first: a resident in
 * crisis who is routed to a menu is the worst failure this bot can have; when unsure we ask
 * (level 'check') rather than guess either way.
 *
 *  1. Every language's hyperbole is masked: the `not-crisis` patterns of crisis.<lang>.yaml, and
 *     "kill"/"die" words next to what a figure of speech is about (riskModel.ts).
 *  2. Explicit crisis phrases from content/nlu/crisis.<lang>.yaml → level 'crisis'.
 *  3. The risk model (riskModel.ts, docs/crisis-model.md): concepts combined by rules → 'crisis'
 *     or 'check'.
 *  Both run for ALL languages whatever the message's detected language (a Swedish speaker may
 *  write two Finnish words).
 *  4. The topic classifier of the detected language, as a safety net for phrasings nothing above
 *     foresaw → 'check' (engine.ts).
 */
import type { Analyser, Token } from './analyser';
import { PatternIndex } from './patternIndex';
import { Pattern, allMatches, maskTokens } from './patterns';
import { toldAsPast } from './pastAttempt';
import { toldAsSubject } from './subjectFrame';
import { youngChildsOutburst } from './childOutburst';
import { calmAcceptanceIndices } from './calmAcceptance';
import { LAUGH_KEEPS, addLaughter, laughDoubts } from './laughter';
import { Lexicon, conceptPositions, hyperboleIndices, strongestRule } from './riskModel';
import { DENIAL_COMPANIONS } from './riskRules';
import type { Concept, RiskRule } from './riskRules';
import { rule as riskRule } from './riskRule';
import { CRISIS_KINDS, CrisisKind, CrisisResult, LANGS, Lang } from './types';

export interface CrisisRules {
  analyser: Analyser;
  patterns: { kind: CrisisKind; pattern: Pattern }[];
  masks: Pattern[];
  lexicon: Lexicon;
}

/** The rules with their pattern indexes (patternIndex.ts), built once. */
interface Indexed extends CrisisRules {
  patternIndex: PatternIndex;
  maskIndex: PatternIndex;
}

/** A denial said next to another risk word (DENIAL_COMPANIONS): ask directly. */
const DENIAL_CHECK = riskRule('denial-with-risk', 'check', 'suicide', ['denial']);

/**
 * One tablet and nothing more ("lapsi nielaisi yhden d-vitamiinitabletin", "barnet svalde en
 * tablett"): a question for the poison information centre, so the explicit poisoning phrases do
 * not give the full response; the risk model's own rules (a child and a few tablets) still do.
 */
function oneTablet(pos: Map<Concept, number[]>): boolean {
  return pos.has('single') && pos.has('pills') && !pos.has('quantity') && !pos.has('few') && !pos.has('toxic');
}

/**
 * Kinds a past told as past, or a subject told of (an essay, a novel), turns into the direct
 * question: an overdose too (after blind sets J and M).
 */
const PAST_KINDS: readonly CrisisKind[] = ['suicide', 'self-harm', 'poisoning'];

export const NO_CRISIS: CrisisResult = { level: 'none', crisis: false, kind: null, source: null };

/** Which of two results the resident should get: crisis over check over none, then kind order. */
export function stronger(a: CrisisResult, b: CrisisResult): CrisisResult {
  const rank = (r: CrisisResult): number => (r.level === 'crisis' ? 0 : r.level === 'check' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) < rank(b) ? a : b;
  if (!a.kind || !b.kind) return a.kind ? a : b;
  return CRISIS_KINDS.indexOf(b.kind) < CRISIS_KINDS.indexOf(a.kind) ? b : a;
}

/**
 * A suicide or self-harm risk told of someone else: someone close is named, something they said,
 * sent or did not answer is reported, and the writer is not the subject ("mun poika lähetti
 * viestin et hyvästi", "my friend says she wants to die"; not "kirjotin lapsille kirjeet").
 */
function aboutOther(r: CrisisResult, positions: Map<Concept, number[]>): boolean {
  if (r.kind !== 'suicide' && r.kind !== 'self-harm') return false;
  return positions.has('other-person') && (positions.has('reported') || positions.has('unreachable')) && !positions.has('first-person');
}

export class CrisisDetector {
  private readonly rules: Map<Lang, Indexed>;
  /** Concept positions (and denied words) maskedTokens() worked out, by the token array it returned. */
  private readonly positions = new WeakMap<Token[], { positions: Map<Concept, number[]>; denied: Set<number> }>();
  /** Token arrays maskedTokens() returned after its language's not-crisis phrases took words out. */
  private readonly figured = new WeakSet<Token[]>();

  constructor(rules: Map<Lang, CrisisRules>) {
    this.rules = new Map(
      [...rules].map(([lang, r]) => [lang, { ...r, patternIndex: new PatternIndex(r.patterns.map((p) => p.pattern)), maskIndex: new PatternIndex(r.masks) }]),
    );
  }

  /** Message tokens of `lang` with that language's not-crisis phrases and figures of speech taken out. */
  maskedTokens(text: string, lang: Lang): Token[] {
    const r = this.rules.get(lang)!;
    const all = r.analyser.tokens(text);
    const tokens = maskTokens(all, r.masks, r.maskIndex.starts(all));
    const out = this.unfigured(r, text, tokens);
    if (tokens.length < all.length) this.figured.add(out);
    return out;
  }

  /** `tokens` without the "kill"/"die" words of a figure of speech or a calm acceptance. */
  private unfigured(r: Indexed, text: string, tokens: Token[]): Token[] {
    const denied = new Set<number>();
    const positions = conceptPositions(r.lexicon, tokens, denied);
    addLaughter(positions, text, tokens.length);
    const drop = hyperboleIndices(positions);
    for (const i of calmAcceptanceIndices(positions, denied)) drop.add(i);
    if (drop.size) return tokens.filter((_, i) => !drop.has(i));
    this.positions.set(tokens, { positions, denied }); // assess() needs the same positions of the same tokens
    return tokens;
  }

  /**
   * Patterns and risk rules of every language; the strongest result. When some language read an
   * explicit denial ("I'm not suicidal"), another language's explicit phrases do not count (they
   * saw the denied word without the denial around it: Swedish "suicida*"), and its rules' full
   * response is only a check-in. When the message's own language (`masked`) took a harmless
   * phrase out ("worried a friend overdoses", not-crisis), another language's explicit phrase
   * on the same words is only asked about (after blind set N: Swedish "överdos*" read the English).
   */
  assess(text: string, masked?: { lang: Lang; tokens: Token[] }): CrisisResult {
    const results: { lang: Lang; result: CrisisResult; denied: boolean; distanced?: boolean }[] = [];
    for (const lang of LANGS) {
      const r = this.rules.get(lang)!;
      if (r.patterns.length === 0 && r.lexicon.size === 0) continue;
      const all = masked && masked.lang === lang ? masked.tokens : this.maskedTokens(text, lang);
      if (all.length > 0) results.push({ lang, ...this.assessLang(r, all, text) });
    }
    const denied = results.some((x) => x.denied);
    const distanced = results.some((x) => x.distanced);
    const ownFigure = masked !== undefined && this.figured.has(masked.tokens);
    let best = NO_CRISIS;
    for (const { lang, result, denied: own } of results) {
      let capped = result;
      if (denied && !own && result.crisis && result.kind !== 'medical-emergency') {
        // Another language's explicit phrase saw the denied word itself ("suicida*" in "I'm not
        // suicidal"): the denying language's reading decides. Its rules' findings are asked about.
        capped = result.source === 'pattern' ? NO_CRISIS : { ...result, level: 'check', crisis: false };
      }
      if (distanced && capped.crisis && capped.source === 'pattern' && PAST_KINDS.includes(capped.kind!)) {
        // Another language's explicit phrase saw the overdose without the time around it
        // ("overdos*" in "I overdosed two years ago … clean since"), or the suicide without the
        // essay around it: the past or subject reading decides.
        capped = { ...capped, level: 'check', crisis: false };
      }
      if (ownFigure && lang !== masked.lang && capped.crisis && capped.source === 'pattern' && capped.kind !== 'medical-emergency') {
        capped = { ...capped, level: 'check', crisis: false };
      }
      best = stronger(best, capped);
    }
    return best;
  }

  private assessLang(r: Indexed, all: Token[], text: string): { result: CrisisResult; denied: boolean; distanced?: boolean } {
    const { result, denied, positions, tokens } = this.evidence(r, all);
    addLaughter(positions, text, tokens.length);
    // The words at a distance from the writer's own risk now get the direct question, not the full
    // response: a past attempt told as past, well now, nothing of today (pastAttempt.ts); an
    // explicit phrase inside an essay, a lesson or a story, nothing of the writer's own
    // (subjectFrame.ts); a young child's words in a tantrum, told by a parent (childOutburst.ts).
    const past = result.crisis && PAST_KINDS.includes(result.kind!);
    const distanced =
      (past && toldAsPast(positions)) ||
      (past && result.source === 'pattern' && toldAsSubject(positions)) ||
      (result.crisis && (result.kind === 'suicide' || result.kind === 'self-harm') && youngChildsOutburst(positions));
    if (distanced) return { result: { ...result, level: 'check', crisis: false }, denied, distanced: true };
    const doubts = result.crisis && result.kind === 'suicide' ? laughDoubts(positions) : null;
    if (!doubts) return { result, denied };
    // A laugh: does the rest of the message, without the kill, death and self words, hold any
    // risk (a rule, even one only asked about, or a risk word)? If not, the direct question
    // rather than the full response (laughter.ts).
    const out = new Set(doubts.flatMap((c) => positions.get(c) ?? []));
    const rest = this.evidence(r, tokens.filter((_, i) => !out.has(i)));
    const risky = rest.result.level !== 'none' || LAUGH_KEEPS.some((c) => rest.positions.has(c));
    return { result: risky ? result : { ...result, level: 'check', crisis: false }, denied };
  }

  /** The explicit phrases and the strongest risk rule of one language, on its masked tokens. */
  private evidence(r: Indexed, all: Token[]): { result: CrisisResult; denied: boolean; positions: Map<Concept, number[]>; tokens: Token[] } {
    const { tokens, rule, denied, positions } = this.riskOf(r, all);
    let best = NO_CRISIS;
    const starts = r.patternIndex.starts(tokens);
    const one = oneTablet(positions);
    r.patterns.forEach(({ kind, pattern }, id) => {
      const from = starts[id];
      if (!from || (one && kind === 'poisoning')) return;
      if (best.crisis && best.kind && CRISIS_KINDS.indexOf(best.kind) <= CRISIS_KINDS.indexOf(kind)) return;
      if (allMatches(pattern, tokens, 1, from).length) best = stronger(best, { level: 'crisis', crisis: true, kind, source: 'pattern' });
    });
    if (rule) best = stronger(best, { level: rule.level, crisis: rule.level === 'crisis', kind: rule.kind, source: 'risk-model' });
    if (aboutOther(best, positions)) best = { ...best, aboutOther: true };
    return { result: best, denied, positions, tokens };
  }

  /**
   * The strongest risk rule, and the tokens the explicit phrases should read. An explicit denial
   * ("en ole itsetuhoinen", "I'm not suicidal") or ambivalence ("jag vill inte dö") is taken out
   * first, so its own words ("itsetuhoinen", "dö") are no evidence; whatever else the message says
   * still counts. Alone the denial is taken at its word; with another risk word (DENIAL_COMPANIONS)
   * it gets the check-in (docs/crisis-model.md).
   */
  private riskOf(r: Indexed, tokens: Token[]): { tokens: Token[]; rule: RiskRule | null; denied: boolean; positions: Map<Concept, number[]> } {
    const cached = this.positions.get(tokens);
    const denied = cached?.denied ?? new Set<number>();
    const pos = cached?.positions ?? conceptPositions(r.lexicon, tokens, denied);
    if (denied.size === 0) return { tokens, rule: strongestRule(pos), denied: false, positions: pos };
    const rest = tokens.filter((_, i) => !denied.has(i));
    const restPos = conceptPositions(r.lexicon, rest);
    const rule = strongestRule(restPos) ?? (DENIAL_COMPANIONS.some((c) => restPos.has(c)) ? DENIAL_CHECK : null);
    return { tokens: rest, rule, denied: true, positions: restPos };
  }

  /** Whether the message (its masked tokens of `lang`) holds an explicit denial: the classifier net then stays quiet. */
  denies(tokens: Token[], lang: Lang): boolean {
    const cached = this.positions.get(tokens);
    if (cached) return cached.denied.size > 0;
    const denied = new Set<number>();
    conceptPositions(this.rules.get(lang)!.lexicon, tokens, denied);
    return denied.size > 0;
  }

  /** Whether the message (its masked tokens of `lang`) names a concept of the risk lexicon. */
  mentions(tokens: Token[], lang: Lang, concept: Concept): boolean {
    const cached = this.positions.get(tokens);
    return (cached?.positions ?? conceptPositions(this.rules.get(lang)!.lexicon, tokens)).has(concept);
  }

  /** The id of the risk rule that fires for `text` in `lang` (for tests and the docs). */
  ruleFor(text: string, lang: Lang): string | null {
    return this.riskOf(this.rules.get(lang)!, this.maskedTokens(text, lang)).rule?.id ?? null;
  }

  /** For a classifier-detected crisis: the kind whose pattern words overlap the message most. */
  closestKind(tokens: readonly Token[], lang: Lang): CrisisKind {
    const stems = new Set(tokens.map((t) => t.stem));
    let best: CrisisKind = 'suicide';
    let bestScore = 0;
    for (const { kind, pattern } of this.rules.get(lang)!.patterns) {
      let s = 0;
      for (const ps of pattern.stems) if (stems.has(ps)) s++;
      for (const test of pattern.words) if (tokens.some((t) => test(t))) s += 0.5;
      if (s > bestScore) {
        best = kind;
        bestScore = s;
      }
    }
    return best;
  }
}
