/**
 * The engine's own content: global commands (content/commands.yaml), what the engine says
 * (content/engine-texts.yaml) and the topic → dialog map (content/topics.yaml).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CommandPhrases, LocalText } from '../program';
import { FieldReader } from './fields';
import { Diagnostics, readYamlFile } from './source';

/** Keys the engine looks up; a missing one is an error so a resident never sees an empty message. */
export const ENGINE_TEXT_KEYS = [
  'help', 'notUnderstood', 'outOfScope', 'restarted', 'languageChanged', 'backNotPossible',
  'clarify', 'contentChanged', 'feedbackQuestion', 'feedbackYes', 'feedbackNo', 'feedbackThanks',
  'feedbackSorry', 'restartLabel', 'pickOne', 'numberExpected', 'yesLabel', 'noLabel',
  'crisisIntro', 'crisisPoisoning', 'crisisViolence', 'crisisCheckIntro', 'crisisCheckQuestion', 'crisisCheckNo',
  'medicalEmergency', 'crisisOfferHuman', 'routeIntro', 'handoffOffer', 'handoffOfferLabel', 'handoffUnavailableCrisis',
  'handoffUnavailable', 'handoffSummaryIntro', 'handoffSummaryTopic', 'handoffSummaryAsk', 'handoffSendLabel', 'handoffDontSendLabel',
  'handoffNotSent', 'handoffWaiting', 'handoffAlreadyWaiting', 'handoffAlreadyWith', 'handoffEndAsk', 'handoffContinues',
  'handoffEnded', 'handoffCancelLabel', 'handoffCancelled', 'contactOffer', 'contactAsk', 'contactSaved',
  'contactInvalid', 'placeOtherCounty', 'placeCountyWebsite', 'placeOutsidePacks', 'placeOwnCounty',
  'crisisCheckAgain', 'crisisCheckUnsureLabel', 'crisisCheckUnsure', 'crisisCheckUnclear', 'crisisStay', 'crisisIntroOther',
  'crisisStayOther', 'emergencyFollowUp', 'stopped', 'clarifyWhich', 'feedbackQuestionWithOffer', 'backToMenu', 'handoffQueueClosed',
] as const;
import { TOPICS as TOPIC_NAMES } from '../../content/topics';
import { LANGS } from '../../lang';
export { TOPIC_NAMES };

function open(rootDir: string, rel: string, diags: Diagnostics): FieldReader | undefined {
  const abs = path.join(rootDir, rel);
  if (!fs.existsSync(abs)) {
    diags.add({ file: rel, line: 1, col: 1 }, 'DLG003', `expected the file ${rel}, found none`);
    return undefined;
  }
  const src = readYamlFile(abs, rootDir, diags);
  return src ? new FieldReader(src, diags) : undefined;
}

export function phraseLists(r: FieldReader, node: Parameters<FieldReader['fields']>[0], what: string): Record<'fi' | 'sv' | 'en', string[]> {
  const out = { fi: [] as string[], sv: [] as string[], en: [] as string[] };
  const f = r.fields(node, LANGS, what);
  for (const lang of LANGS) {
    const list = f?.get(lang) ? r.list(f.get(lang)!.value, `the ${lang} phrases of ${what}`) ?? [] : [];
    if (f && !f.get(lang)) r.diags.add(r.pos(node), lang === 'en' ? 'DLG018' : 'DLG017', `expected ${lang} phrases for ${what}, found none`);
    for (const item of list) {
      const phrase = r.string(item, `a phrase of ${what}`);
      if (phrase) out[lang].push(phrase);
    }
  }
  return out;
}

export function readCommands(rootDir: string, diags: Diagnostics): CommandPhrases | undefined {
  const r = open(rootDir, 'content/commands.yaml', diags);
  if (!r) return undefined;
  const top = r.fields(r.src.root, ['commands', 'language', 'greeting', 'answers'], 'the commands file');
  const cmds = top?.get('commands') ? r.fields(top.get('commands')!.value, ['restart', 'stop', 'back', 'help', 'human'], 'commands') : undefined;
  if (!top || !cmds) return undefined;
  const get = (name: 'restart' | 'stop' | 'back' | 'help' | 'human') => {
    if (!cmds.get(name)) r.diags.add(r.pos(top.get('commands')!.value), 'DLG003', `expected the "${name}" command, found none`);
    return phraseLists(r, cmds.get(name)?.value, `the ${name} command`);
  };
  if (!top.get('language')) r.diags.add(r.pos(r.src.root), 'DLG003', 'expected "language" (phrases that switch language), found none');
  const answers = top.get('answers') ? r.fields(top.get('answers')!.value, ['yes', 'no', 'unsure', 'filler'], 'answers') : undefined;
  const answerList = (name: 'yes' | 'no' | 'unsure' | 'filler') =>
    answers?.get(name) ? phraseLists(r, answers.get(name)!.value, `the ${name} answers`) : { fi: [], sv: [], en: [] };
  return {
    restart: get('restart'),
    stop: get('stop'),
    back: get('back'),
    help: get('help'),
    human: get('human'),
    language: phraseLists(r, top.get('language')?.value, 'language switching'),
    greeting: top.get('greeting') ? phraseLists(r, top.get('greeting')!.value, 'greetings') : { fi: [], sv: [], en: [] },
    answers: { yes: answerList('yes'), no: answerList('no'), unsure: answerList('unsure'), filler: answerList('filler') },
  };
}

export function readEngineTexts(rootDir: string, diags: Diagnostics): Record<string, LocalText> {
  const texts: Record<string, LocalText> = {};
  const r = open(rootDir, 'content/engine-texts.yaml', diags);
  if (!r) return texts;
  const f = r.fields(r.src.root, ENGINE_TEXT_KEYS, 'the engine texts');
  if (!f) return texts;
  for (const key of ENGINE_TEXT_KEYS) {
    const field = f.get(key);
    if (!field) {
      r.diags.add(r.pos(r.src.root), 'DLG003', `expected the engine text "${key}", found none`);
      continue;
    }
    const text = r.text(field.value, `the engine text "${key}"`);
    if (text) texts[key] = text;
  }
  return texts;
}

export function readTopics(rootDir: string, diags: Diagnostics, refs: { name: string; pos: ReturnType<FieldReader['pos']> }[]): Map<string, { dialog: string; label: LocalText }> {
  const topics = new Map<string, { dialog: string; label: LocalText }>();
  const r = open(rootDir, 'content/topics.yaml', diags);
  if (!r) return topics;
  const f = r.fields(r.src.root, TOPIC_NAMES, 'the topics file');
  for (const [topic, field] of f ?? []) {
    const tf = r.fields(field.value, ['dialog', 'label'], `topic "${topic}"`);
    const dialog = tf?.get('dialog') ? r.string(tf.get('dialog')!.value, 'the dialog id') : undefined;
    const label = tf?.get('label') ? r.text(tf.get('label')!.value, `the label of topic "${topic}"`) : undefined;
    if (dialog) refs.push({ name: dialog, pos: r.pos(tf!.get('dialog')!.value) });
    if (dialog && label) topics.set(topic, { dialog, label });
  }
  return topics;
}
