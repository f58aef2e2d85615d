/** States, inputs and facts for testing the pure turn policy without a channel or content. */
import type { TurnFacts } from '../../src/bot/turn/turnFacts';
import type { TurnInput } from '../../src/bot/turn/turnInput';
import { TurnState, upgradeTurnState } from '../../src/bot/turn/turnState';

export const VERSION = 'content-1';

export function facts(overrides: Partial<TurnFacts> = {}): TurnFacts {
  return {
    crisis: { level: 'none', kind: null },
    command: null,
    yesNo: null,
    answer: null,
    offeredChoice: false,
    matchesChoice: false,
    textQuestion: false,
    place: null,
    isContact: false,
    handoff: 'none',
    contentVersion: VERSION,
    stackFits: true,
    hasDialog: true,
    topic: 'elderly',
    answers: [{ dialog: 'elderly', step: 'who', choice: 'relative' }],
    hasHumanDialog: true,
    localeLang: 'fi',
    locale: 'fi-FI',
    detectedLang: 'fi',
    ...overrides,
  };
}

export function state(overrides: Partial<TurnState> = {}): TurnState {
  return { ...upgradeTurnState({ lang: 'fi', locale: 'fi-FI', contentVersion: VERSION }), ...overrides };
}

export interface Case {
  state: TurnState;
  facts: Partial<TurnFacts>;
}

/** The conversation states of the precedence table. */
export const STATES: Record<string, Case> = {
  'in a dialog': { state: state(), facts: {} },
  'at a feedback question': { state: state({ feedbackFor: 'elderly' }), facts: { hasDialog: false, answers: [] } },
  'crisis check open': { state: state({ crisisCheck: { resume: 'en jaksa enää' } }), facts: {} },
  'crisis offer open': { state: state({ crisisOffer: { kind: 'suicide' }, inCrisis: true }), facts: {} },
  'after the 112 answer': { state: state({ afterEmergency: true }), facts: {} },
  'summary shown': { state: state({ pendingHandoff: { topic: 'elderly', answers: [], queue: null, byTopic: true } }), facts: {} },
  waiting: { state: state({ handoffSeen: 'queued' }), facts: { handoff: 'queued' } },
  accepted: { state: state({ handoffSeen: 'accepted' }), facts: { handoff: 'accepted' } },
  ended: { state: state({ handoffSeen: 'accepted' }), facts: { handoff: 'none', hasDialog: false, answers: [] } },
  'contact request': { state: state({ contactFor: 'demo-elderly-counselling' }), facts: {} },
};

export const INPUTS: Record<string, { input: TurnInput; facts: Partial<TurnFacts> }> = {
  'choice tap': { input: { kind: 'text', text: 'Muisti' }, facts: { offeredChoice: true } },
  'free text': { input: { kind: 'text', text: 'mun isä ei enää pärjää kotona' }, facts: {} },
  command: { input: { kind: 'text', text: 'apua' }, facts: { command: { kind: 'help' } } },
  person: { input: { kind: 'text', text: 'haluan puhua ihmisen kanssa' }, facts: { command: { kind: 'human' } } },
  crisis: { input: { kind: 'text', text: 'en halua enää elää' }, facts: { crisis: { level: 'crisis', kind: 'suicide' } } },
  'crisis check answer': { input: { kind: 'text', text: 'ei' }, facts: { yesNo: false } },
  'post-back': { input: { kind: 'postBack', postBack: { action: 'cancel' } }, facts: {} },
  event: { input: { kind: 'join' }, facts: {} },
  place: { input: { kind: 'text', text: 'asun Porissa' }, facts: { place: { region: 'satakunta', otherCounty: true, onlyPlace: true } } },
  'place in an answer': {
    input: { kind: 'text', text: 'äiti asuu yksin Porissa' },
    facts: { place: { region: 'satakunta', otherCounty: true, onlyPlace: false }, matchesChoice: true },
  },
};
