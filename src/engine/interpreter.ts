/**
 * The engine's decisions, as pure functions (XState's "decide, then do"): given a dialog script,
 * the dialog's plain-JSON frame and what the resident did, return the next frame, what to show,
 * and what the caller should do next (wait, call another dialog, end). Sending, storing and
 * handing off happen in scriptDialog.ts.
 */
import type { Lang } from '../lang';
import { evaluate, INTERPOLATION, isTrue, scoreVariable, Value } from './expression';
import { choiceInStory, matchChoice, parseNumber, parseYesNo, Stemmer } from './matchAnswer';
import { choiceForNumber, hasRanges, numberInText, statedAge } from './numericChoices';
import { aboutSelf, selfChoice } from './selfReference';
import { foldText } from './normaliseText';
import type { AskStep, DialogScript, LocalText, Step } from './program';

export interface Frame {
  v: 1;
  step: string;
  vars: Record<string, Value>;
  /** Questions asked so far in this dialog, with the answers as they were: "go back" pops one. */
  history: { step: string; vars: Record<string, Value>; told?: true }[];
  /**
   * What the first message already answered, as step → choice id (never its words): a question
   * asked first ("is a life in danger?") does not lose the story for the questions after it.
   */
  told?: Record<string, string>;
}

export type Output =
  | { type: 'text'; text: string; choices?: string[]; urgentChoices?: string[] }
  | { type: 'route'; service: string; topic?: string; offerHandoff: boolean; withoutOmaolo?: boolean }
  | { type: 'handoff'; queue: string }
  | { type: 'feedback' };

export type Control =
  | { kind: 'wait' }
  | { kind: 'call'; dialog: string; params: Record<string, Value> }
  | { kind: 'end' }
  | { kind: 'unmatched' }
  /** A text answer to be understood like a first message (its topic, its facts), then forgotten. */
  | { kind: 'understand'; text: string };

export interface Decision {
  frame: Frame;
  outputs: Output[];
  control: Control;
}

export interface Env {
  lang: Lang;
  texts: Record<string, LocalText>;
  stems?: Stemmer;
  /**
   * What the resident already told (their first message, their own words): a question whose
   * answer it clearly holds ("isä" → a family member, "22v" → 18–29) is answered from it, not asked.
   */
  story?: string;
}

const MAX_STEPS_PER_TURN = 200;

export function fill(text: LocalText, lang: Lang, vars: Record<string, Value>): string {
  return text[lang].replace(INTERPOLATION, (_m, name: string) => (vars[name] === undefined || vars[name] === null ? '' : String(vars[name])));
}

/** A dialog's first frame: its parameters (from the caller, else their defaults) are its first variables. */
export function newFrame(script: DialogScript, params: Record<string, Value> = {}): Frame {
  const vars: Record<string, Value> = {};
  for (const p of script.params) {
    const given = Object.prototype.hasOwnProperty.call(params, p.name) ? params[p.name] : undefined;
    vars[p.name] = given ?? p.default ?? null;
  }
  return { v: 1, step: script.start, vars, history: [] };
}

/** Runs from the frame's current step until a question, a call or an end. */
export function run(script: DialogScript, frame: Frame, env: Env, outputs: Output[] = []): Decision {
  let current = { ...frame, vars: { ...frame.vars } };
  if (env.story && !current.told) current.told = toldByStory(script, env);
  for (let i = 0; i < MAX_STEPS_PER_TURN; i++) {
    const step = script.steps.get(current.step);
    if (!step) return { frame: current, outputs, control: { kind: 'end' } };
    const result = execute(step, current, env, outputs);
    if ('control' in result) return { frame: result.frame, outputs, control: result.control };
    current = result.frame;
  }
  // The compiler rejects loops without exits; this guards against a loop through branches only.
  return { frame: current, outputs, control: { kind: 'end' } };
}

function execute(step: Step, frame: Frame, env: Env, outputs: Output[]): { frame: Frame } | { frame: Frame; control: Control } {
  const go = (next: string | undefined) => (next ? { frame: { ...frame, step: next } } : { frame, control: { kind: 'end' } as Control });
  switch (step.kind) {
    case 'say':
      outputs.push({ type: 'text', text: fill(step.text, env.lang, frame.vars) });
      return go(step.next);
    case 'ask': {
      const toldId = frame.told?.[step.id];
      const told = toldId !== undefined ? step.choices.find((c) => c.id === toldId) : undefined;
      if (told) {
        const vars = { ...frame.vars, ...(told.set ?? {}) };
        if (step.remember) vars[step.remember] = told.id;
        const next = told.goto ?? step.next;
        const answered = { ...frame, vars, history: [...frame.history, { step: step.id, vars: frame.vars, told: true as const }] };
        return next ? { frame: { ...answered, step: next } } : { frame: answered, control: { kind: 'end' } };
      }
      outputs.push(question(step, frame, env));
      return { frame: { ...frame, history: [...frame.history, { step: step.id, vars: frame.vars }] }, control: { kind: 'wait' } };
    }
    case 'branch': {
      const taken = step.cases.find((c) => isTrue(c.when, frame.vars));
      return go(taken ? taken.goto : step.otherwise);
    }
    case 'route':
      outputs.push({ type: 'route', service: step.service, topic: step.topic, offerHandoff: step.offerHandoff, ...(step.withoutOmaolo ? { withoutOmaolo: true } : {}) });
      if (!step.next) outputs.push({ type: 'feedback' });
      return go(step.next);
    case 'handoff':
      outputs.push({ type: 'handoff', queue: step.queue });
      return go(step.next);
    case 'call': {
      const params: Record<string, Value> = {};
      for (const p of step.with) params[p.name] = evaluate(p.value, frame.vars);
      return { frame: { ...frame, step: step.id }, control: { kind: 'call', dialog: step.dialog, params } };
    }
    case 'end':
      if (step.text) outputs.push({ type: 'text', text: fill(step.text, env.lang, frame.vars) });
      if (step.feedback) outputs.push({ type: 'feedback' });
      return { frame, control: { kind: 'end' } };
  }
}

/** The questions of the dialog the story answers, read once when the dialog starts with it. */
function toldByStory(script: DialogScript, env: Env): Record<string, string> {
  const told: Record<string, string> = {};
  for (const step of script.steps.values()) {
    if (step.kind !== 'ask') continue;
    const choice = answeredByStory(step, env);
    if (choice) told[step.id] = choice.id;
  }
  return told;
}

/** The choice the resident's story already gives for a question, if it clearly gives one. */
function answeredByStory(step: AskStep, env: Env): AskStep['choices'][number] | undefined {
  // A questionnaire item is always asked: its answer is the resident's own, not inferred.
  if (!env.story || step.type !== 'choice' || step.score) return undefined;
  const said = choiceInStory(env.story, step.choices, env.lang, env.stems);
  if (said) return said;
  const folded = foldText(env.story);
  const age = numberInText(folded);
  if (age !== undefined && hasRanges(step.choices, env.lang)) return choiceForNumber(age, step.choices, env.lang);
  // "mulla on ms-tauti", "I have diabetes": the resident's own, when nobody else is named.
  const self = selfChoice(step.choices);
  if (self && aboutSelf(env.story)) return self;
  // "mun 3-vuotiaalla", "my son is 4": a stated age picks the one choice with an age range that holds it.
  const stated = statedAge(folded);
  return stated !== undefined ? choiceForNumber(stated, step.choices, env.lang) : undefined;
}

export function question(step: AskStep, frame: Frame, env: Env): Output {
  const text = fill(step.text, env.lang, frame.vars);
  if (step.type === 'choice') {
    // Choices about danger now stay visible when a client shortens a long menu.
    const urgent = step.choices.filter((c) => c.topic === 'crisis').map((c) => c.label[env.lang]);
    return { type: 'text', text, choices: step.choices.map((c) => c.label[env.lang]), ...(urgent.length > 0 ? { urgentChoices: urgent } : {}) };
  }
  if (step.type === 'yesno') return { type: 'text', text, choices: [env.texts.yesLabel?.[env.lang] ?? 'Yes', env.texts.noLabel?.[env.lang] ?? 'No'] };
  return { type: 'text', text };
}

/** The resident answered the question the frame is waiting at. */
export function answer(script: DialogScript, frame: Frame, text: string, env: Env): Decision {
  const step = script.steps.get(frame.step);
  if (!step || step.kind !== 'ask') return run(script, frame, env);
  const reprompt = (message?: LocalText): Decision => ({
    frame,
    outputs: [...(message ? [{ type: 'text' as const, text: fill(message, env.lang, frame.vars) }] : [])],
    control: { kind: 'unmatched' },
  });
  const vars = { ...frame.vars };
  let next = step.next;
  switch (step.type) {
    case 'choice': {
      const choice = matchChoice(text, step.choices, env.lang, env.stems);
      if (!choice) return reprompt();
      if (step.remember) vars[step.remember] = choice.id;
      Object.assign(vars, choice.set ?? {});
      if (step.score) addPoints(vars, step.score, choice.points ?? 0);
      next = choice.goto ?? step.next;
      break;
    }
    case 'number': {
      const value = parseNumber(text);
      if (value === undefined || (step.min !== undefined && value < step.min) || (step.max !== undefined && value > step.max)) {
        return { ...reprompt(step.retry ?? env.texts.numberExpected), control: { kind: 'wait' }, outputs: retryOutputs(step, frame, env) };
      }
      if (step.remember) vars[step.remember] = value;
      break;
    }
    case 'yesno': {
      const yes = parseYesNo(text, { yes: env.texts.yesLabel?.[env.lang] ?? 'yes', no: env.texts.noLabel?.[env.lang] ?? 'no' });
      if (yes === undefined) return { ...reprompt(), control: { kind: 'wait' }, outputs: retryOutputs(step, frame, env) };
      if (step.remember) vars[step.remember] = yes;
      break;
    }
    case 'text':
      if (step.understand) return { frame, outputs: [], control: { kind: 'understand', text: text.slice(0, 1000) } };
      if (step.remember) vars[step.remember] = text.slice(0, 500);
      break;
  }
  if (!next) return { frame: { ...frame, vars }, outputs: [], control: { kind: 'end' } };
  return run(script, { ...frame, vars, step: next }, env);
}

/** A score starts at 0 and grows by the points of each answer; "go back" restores the earlier sum with the answers. */
function addPoints(vars: Record<string, Value>, score: string, points: number): void {
  const key = scoreVariable(score);
  const current = vars[key];
  vars[key] = (typeof current === 'number' ? current : 0) + points;
}

/** After an answer that does not fit: the step's own re-prompt, else the engine's, then the question. */
function retryOutputs(step: AskStep, frame: Frame, env: Env): Output[] {
  const q = question(step, frame, env);
  if (step.type === 'number') {
    const retry = step.retry ?? env.texts.numberExpected;
    return retry ? [{ type: 'text', text: fill(retry, env.lang, frame.vars) }] : [q];
  }
  const retry = step.retry ?? env.texts.pickOne;
  return retry ? [{ type: 'text', text: fill(retry, env.lang, frame.vars) }, q] : [q];
}

/** Re-asks the question the frame waits at (after help, a language switch, a crisis message). */
export function reask(script: DialogScript, frame: Frame, env: Env): Output[] {
  const step = script.steps.get(frame.step);
  return step?.kind === 'ask' ? [question(step, frame, env)] : [];
}

/** Goes back one question: the previous question is asked again with the answers as they were. */
export function back(script: DialogScript, frame: Frame, env: Env): Decision | undefined {
  // Questions the first message answered were never shown: going back skips over them.
  const asked = frame.history.map((entry, index) => ({ entry, index })).filter((h) => !h.entry.told);
  if (asked.length < 2) return undefined;
  const previous = asked[asked.length - 2];
  const restored: Frame = { ...frame, step: previous.entry.step, vars: previous.entry.vars, history: frame.history.slice(0, previous.index) };
  return run(script, restored, env);
}

/** After a called dialog ends: carry on from the call step's next. */
export function resume(script: DialogScript, frame: Frame, env: Env): Decision {
  const step = script.steps.get(frame.step);
  const next = step?.kind === 'call' ? step.next : undefined;
  if (!next) return { frame, outputs: [], control: { kind: 'end' } };
  return run(script, { ...frame, step: next }, env);
}
