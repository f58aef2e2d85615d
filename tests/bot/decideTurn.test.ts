/** The pure turn policy's actions for the cases that matter most (the precedence test checks which rule decides). */
import { decideTurn } from '../../src/bot/turn/decideTurn';
import { facts, state, STATES } from './policyFixtures';

const types = (d: ReturnType<typeof decideTurn>) => d.actions.map((a) => a.type);
const text = (t: string) => ({ kind: 'text', text: t }) as const;

describe('decideTurn', () => {
  it('a crisis during an accepted handoff answers the resident and tells the counsellor', () => {
    const d = decideTurn(STATES.accepted.state, text('en halua enää elää'), facts({ handoff: 'accepted', crisis: { level: 'crisis', kind: 'suicide' } }));
    expect(types(d)).toEqual(['crisisResponse', 'relay']);
    expect(d.state.inCrisis).toBe(true);
  });

  it('a weaker signal asks the check-in and keeps the message for "no"', () => {
    const d = decideTurn(state(), text('en jaksa enää'), facts({ crisis: { level: 'check', kind: 'suicide' } }));
    expect(types(d)).toEqual(['askCrisisCheck']);
    expect(d.state.crisisCheck).toEqual({ resume: 'en jaksa enää' });
    const no = decideTurn(d.state, text('ei'), facts({ yesNo: false }));
    expect(no.actions).toEqual([{ type: 'say', text: 'crisisCheckNo' }, { type: 'replay', text: 'en jaksa enää' }]);
    expect(no.state.crisisCheck).toBeNull();
  });

  it('a medical emergency gets the 112 answer, not the crisis response', () => {
    const d = decideTurn(state(), text('mieheni ei hengitä'), facts({ crisis: { level: 'crisis', kind: 'medical-emergency' } }));
    expect(types(d)).toEqual(['medicalEmergency']);
  });

  it('a resident using the bot while waiting keeps the wait alive', () => {
    expect(types(decideTurn(STATES.waiting.state, text('Muisti'), facts({ handoff: 'queued' })))).toEqual(['keepWaiting', 'continueDialog']);
  });

  it('after the counsellor ends the chat, a plain yes is the handoff\'s feedback', () => {
    const d = decideTurn(STATES.ended.state, text('Kyllä, oli'), facts({ handoff: 'none', hasDialog: false, answers: [], yesNo: true }));
    expect(d.actions[0]).toEqual({ type: 'recordFeedback', dialog: 'handoff', helpful: true });
  });

  it('"ei, haluan puhua ihmisen kanssa" at the feedback question is a request for a person', () => {
    const d = decideTurn(STATES['at a feedback question'].state, text('ei, haluan puhua ihmisen kanssa'), facts({ command: { kind: 'human' }, hasDialog: false, answers: [] }));
    expect(types(d)).toEqual(['cancelDialogs', 'startDialog']);
    expect(d.state.feedbackFor).toBeNull();
  });

  it('nothing is queued before "send": the summary waits for consent', () => {
    const asked = decideTurn(state(), { kind: 'postBack', postBack: { action: 'handoff', queue: 'demo-elderly-counselling' } }, facts());
    expect(types(asked)).toEqual(['showSummary']);
    const sent = decideTurn(asked.state, { kind: 'postBack', postBack: { action: 'send' } }, facts());
    expect(sent.actions).toEqual([{ type: 'requestHandoff', pending: asked.state.pendingHandoff }]);
    expect(sent.state.pendingHandoff).toBeNull();
  });

  it('the first message with no dialog under way answers the menu', () => {
    expect(decideTurn(state(), text('mun isä ei pärjää'), facts({ hasDialog: false })).actions).toEqual([{ type: 'startDialog', dialog: 'main', firstAnswer: 'mun isä ei pärjää' }]);
  });
});
