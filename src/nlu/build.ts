/**
 * Builds a working Nlu from content/nlu/: loads the editor content (never throws), learns each
 * language's vocabulary, compiles patterns and trains the classifiers. Everything here is plain
 * in-memory data rebuilt from the files, so nothing needs saving between restarts.
 */
import { Analyser } from './analyser';
import { TopicClassifier } from './classifier';
import { CrisisDetector, CrisisRules } from './crisis';
import { LanguageIdentifier } from './language';
import { NluEngine } from './engine';
import { readLabelledSets } from './labelledSets';
import { LabelledMessage, MessageExample, MessageModel, messageTopic } from './messageModel';
import { normalise } from './normalise';
import { OmaoloMatcher } from './omaolo';
import { Pattern, compilePattern } from './patterns';
import { Lexicon } from './riskModel';
import { Concept, DENIAL_GAP, DENIALS } from './riskRules';
import { WHOM_CONCEPTS } from './riskConcepts';
import { loadTrainingData, TrainingData } from './trainingData';
import { CRISIS_KINDS, CrisisKind, LANGS, Lang, NluBuildResult, TOPICS } from './types';

/** Pattern text with wildcards and alternatives flattened into words, for vocabularies. */
function patternWords(p: string): string {
  return p.replace(/[*=]/g, '').replace(/\|/g, ' ');
}

export interface BuildOptions {
  /** Labelled messages for the message model; default every labelled set (labelledSets.ts); [] for none. */
  messages?: readonly LabelledMessage[];
}

export function buildNlu(contentDir: string, options: BuildOptions = {}): NluBuildResult {
  const { data, diagnostics } = loadTrainingData(contentDir);
  const engine = trainNlu(data);
  let messages = options.messages;
  if (!messages) {
    const { sets, unreadable } = readLabelledSets();
    // A broken labelled set must not stop the bot: it is left out, and said so.
    for (const u of unreadable) diagnostics.push({ file: `eval/${u.name}`, line: u.line, col: 1, code: 'NLU011', severity: 'warning', message: 'this line is not a labelled utterance (JSON with text, lang, topics); the set is left out of the message model' });
    messages = sets.flatMap((s) => s.lines);
  }
  return { nlu: messages.length ? engine.withMessages(trainMessageModel(engine, data, messages)) : engine, diagnostics };
}

export function trainNlu(data: TrainingData, options: { temperature?: number } = {}): NluEngine {
  const analysers = new Map<Lang, Analyser>();
  const langTexts = new Map<Lang, string[]>();
  for (const lang of LANGS) {
    const d = data.langs.get(lang)!;
    const a = new Analyser(lang, { colloquial: d.colloquial, clipped: d.clipped, intensifiers: d.intensifiers, stopwords: d.stopwords, dictionary: d.dictionary });
    const texts: string[] = [];
    for (const phrases of d.topics.values()) texts.push(...phrases);
    for (const pats of d.crisis.values()) texts.push(...pats.map(patternWords));
    texts.push(...d.notCrisis.map(patternWords));
    // Whom-it-is-about words are no evidence of anything: they must not change the vocabulary the
    // spelling corrector and the language identifier learn (nlu:compare identical but aboutOther).
    for (const [concept, words] of d.risk) if (!WHOM_CONCEPTS.includes(concept)) texts.push(...words.map(patternWords));
    for (const perLang of data.omaolo.values()) texts.push(...(perLang.get(lang) ?? []).map(patternWords));
    for (const t of texts) a.learn(t);
    a.seal();
    analysers.set(lang, a);
    langTexts.set(lang, [...texts, ...d.colloquial.values()]);
  }

  const stopwords = new Map(LANGS.map((l) => [l, data.langs.get(l)!.stopwords]));
  const language = new LanguageIdentifier(langTexts, stopwords);

  const crisisRules = new Map<Lang, CrisisRules>();
  const classifiers = new Map<Lang, TopicClassifier>();
  const omaolo = new Map<Lang, OmaoloMatcher>();
  for (const lang of LANGS) {
    const d = data.langs.get(lang)!;
    const analyser = analysers.get(lang)!;
    const stemOf = (w: string): string => analyser.tokens(w, false)[0]?.stem ?? w;
    const compile = (p: string): Pattern | null => compilePattern(p, stemOf);

    const patterns: { kind: CrisisKind; pattern: Pattern }[] = [];
    for (const kind of CRISIS_KINDS) {
      for (const p of d.crisis.get(kind) ?? []) {
        const pattern = compile(p);
        if (pattern) patterns.push({ kind, pattern });
      }
    }
    const masks = d.notCrisis.map(compile).filter((p): p is Pattern => p !== null);
    const compileWord = (concept: Concept) => (p: string): Pattern | null => compilePattern(p, stemOf, DENIALS.includes(concept) ? DENIAL_GAP : undefined);
    const words = new Map([...d.risk].map(([concept, list]) => [concept, list.map(compileWord(concept)).filter((p): p is Pattern => p !== null)]));
    crisisRules.set(lang, { analyser, patterns, masks, lexicon: new Lexicon(words) });

    const classifier = new TopicClassifier();
    for (const topic of TOPICS) {
      for (const phrase of d.topics.get(topic) ?? []) classifier.addExample(analyser.features(analyser.tokens(phrase, false)), topic);
    }
    // Omaolo keywords are symptom vocabulary too: they teach the classifier symptom-check.
    const assessments: { id: string; keywords: Pattern[] }[] = [];
    for (const [id, perLang] of data.omaolo) {
      const words = perLang.get(lang) ?? [];
      for (const w of words) classifier.addExample(analyser.features(analyser.tokens(patternWords(w), false)), 'symptom-check');
      assessments.push({ id, keywords: words.map(compile).filter((p): p is Pattern => p !== null) });
    }
    classifier.train();
    classifiers.set(lang, classifier);
    omaolo.set(lang, new OmaoloMatcher(assessments));
  }

  return new NluEngine({ normalise, language, analysers, crisis: new CrisisDetector(crisisRules), classifiers, omaolo, ...options });
}

/**
 * The message model (messageModel.ts) of an engine, trained on labelled resident messages and the
 * editors' example phrases, each read the way the engine reads a message.
 */
export function trainMessageModel(engine: NluEngine, data: TrainingData, messages: readonly LabelledMessage[]): MessageModel {
  return new MessageModel([...phraseExamples(engine, data), ...messageExamples(engine, messages)]);
}

/** The editors' example phrases as message-model examples (a crisis phrase teaches only the crisis head). */
export function phraseExamples(engine: NluEngine, data: TrainingData): MessageExample[] {
  const examples: MessageExample[] = [];
  for (const lang of LANGS) {
    for (const [topic, phrases] of data.langs.get(lang)!.topics) {
      for (const phrase of phrases) {
        examples.push({ features: engine.messageFeatures(phrase, lang), topic: topic === 'crisis' ? null : topic, crisis: topic === 'crisis', phrase: true });
      }
    }
  }
  return examples;
}

export function messageExamples(engine: NluEngine, messages: readonly LabelledMessage[]): MessageExample[] {
  return messages.map((m) => ({ features: engine.messageFeatures(m.text, m.lang), topic: messageTopic(m.topics), crisis: m.crisis }));
}
