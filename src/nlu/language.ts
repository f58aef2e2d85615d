/**
 * Finnish / Swedish / English identification for short messages. Two signals, both learnt from the
 * content's phrases at load time:
 *  - a character 1–3-gram model per language (add-one smoothed log probabilities), which copes
 *    with words never seen before ("päivystykseen" looks Finnish, "hemvården" Swedish);
 *  - whole-word evidence: a word that occurs in one language's content (or stop-word list) and not
 *    in the others is strong evidence on a two-word message.
 * A valid locale hint ("sv-FI", "fi", "en-GB") is the default, as the channel knows the page's
 * language; but a message confidently typed in another language wins over it ("min pappa behöver
 * hemvård" on the Finnish page is Swedish): its score must beat the hint's by TYPED_MARGIN per word
 * on a message of at least MIN_TYPED_WORDS words. Words are also learnt diacritic-folded, so
 * "mina en jaksa" still looks Finnish.
 */
import { fold } from './fold';
import { Memo } from './memo';
import { normalise } from './normalise';
import { normaliseLast, tokenise, tokeniseLast } from './tokenise';
import { langFromLocale } from '../lang';
import { LANGS, Lang, isLang } from './types';

const WORD_WEIGHT = 3;
const STOP_WEIGHT = 4;
export const TYPED_MARGIN = 1;
export const MIN_TYPED_WORDS = 2;
/** The language is clear long before this many words; a 4,000-character message need not be read whole. */
const MAX_WORDS = 60;
/** Words whose per-language evidence is remembered (memo.ts: at most twice this many). */
const MAX_MEMO = 5_000;

interface Model {
  counts: Map<string, number>;
  total: number;
  words: Set<string>;
  stops: Set<string>;
  logs?: Map<string, number>;
  unseen?: number;
}


function grams(word: string): string[] {
  const w = ` ${word} `;
  const out: string[] = [];
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n));
  return out;
}

export class LanguageIdentifier {
  private readonly models = new Map<Lang, Model>();
  private vocabSize = 1;
  private readonly memo = new Memo<string, readonly number[]>(MAX_MEMO);
  /** Per n-gram of the content, its log probability in each language (LANGS order). */
  private readonly gramLogs = new Map<string, Float64Array>();
  /** Per language (LANGS order), the log probability of an n-gram its content lacks. */
  private unseen: number[] = [];

  constructor(texts: Map<Lang, string[]>, stopwords: Map<Lang, Set<string>>) {
    const all = new Set<string>();
    for (const lang of LANGS) {
      const m: Model = { counts: new Map(), total: 0, words: new Set(), stops: stopwords.get(lang) ?? new Set() };
      for (const text of texts.get(lang) ?? []) {
        for (const spelled of tokenise(normalise(text))) {
          const folded = fold(spelled);
          for (const word of folded === spelled ? [spelled] : [spelled, folded]) {
            m.words.add(word);
            for (const g of grams(word)) {
              m.counts.set(g, (m.counts.get(g) ?? 0) + 1);
              m.total++;
              all.add(g);
            }
          }
        }
      }
      this.models.set(lang, m);
    }
    this.vocabSize = Math.max(all.size, 1);
    // Log probabilities once, not per message.
    for (const m of this.models.values()) {
      const denom = m.total + this.vocabSize;
      m.logs = new Map([...m.counts].map(([g, c]) => [g, Math.log((c + 1) / denom)]));
      m.unseen = Math.log(1 / denom);
    }
    // And every n-gram's three log probabilities under one key: one lookup per n-gram, not three.
    const models = LANGS.map((l) => this.models.get(l)!);
    this.unseen = models.map((m) => m.unseen!);
    for (const g of all) this.gramLogs.set(g, Float64Array.from(models, (m) => m.logs!.get(g) ?? m.unseen!));
  }

  /** Per-language scores (log domain), highest best. */
  scores(text: string): Map<Lang, number> {
    return this.scoreWords(tokeniseLast(normaliseLast(text)).slice(0, MAX_WORDS));
  }

  private scoreWords(words: readonly string[]): Map<Lang, number> {
    const out = new Map<Lang, number>();
    for (const lang of LANGS) out.set(lang, 0);
    for (const word of words) {
      const s = this.wordScores(word);
      LANGS.forEach((lang, k) => out.set(lang, out.get(lang)! + s[k]));
    }
    return out;
  }

  /** One word's evidence for each language, in LANGS order; memoised, as words repeat across messages. */
  private wordScores(word: string): readonly number[] {
    const hit = this.memo.get(word);
    if (hit) return hit;
    const inLangs = LANGS.filter((l) => this.models.get(l)!.words.has(word));
    const gs = grams(word);
    // Each language's sum adds the same terms in the same order as a sum per language would.
    const sums = LANGS.map(() => 0);
    for (const g of gs) {
      const logs = this.gramLogs.get(g);
      for (let k = 0; k < sums.length; k++) sums[k] += logs ? logs[k] : this.unseen[k];
    }
    const out = LANGS.map((lang, k) => {
      const m = this.models.get(lang)!;
      let s = sums[k];
      s /= gs.length; // per-gram average, so long words do not drown short function words
      if (m.stops.has(word)) s += STOP_WEIGHT;
      if (inLangs.length > 0 && inLangs.length < LANGS.length && inLangs.includes(lang)) s += WORD_WEIGHT / inLangs.length;
      return s;
    });
    this.memo.set(word, out);
    return out;
  }

  detect(text: string, localeHint?: string): Lang {
    const hinted = langFromLocale(localeHint);
    const all = tokeniseLast(normaliseLast(text));
    const scores = this.scoreWords(all.slice(0, MAX_WORDS));
    let best: Lang = 'fi'; // the commonest language of residents wins ties and empty input
    for (const lang of LANGS) if (scores.get(lang)! > scores.get(best)!) best = lang;
    if (!hinted || hinted === best) return best;
    const words = Math.min(all.length, MAX_WORDS);
    const margin = (scores.get(best)! - scores.get(hinted)!) / Math.max(words, 1);
    return words >= MIN_TYPED_WORDS && margin >= TYPED_MARGIN ? best : hinted;
  }
}
