/**
 * The turns after a crisis answer, decided by the pure turn policy (src/bot/turn/crisisFollowUp.ts):
 * the check-in's yes / unsure / no / unreadable answers, the crisis response's chat offer, a third
 * person at risk, the 112 answer's follow-ups, and "stop" (tester findings 1.1, 1.2, 1.6, 1.7, 7).
 */
import { decideTurn } from '../../src/bot/turn/decideTurn';
import { facts, state } from './policyFixtures';

const types = (d: ReturnType<typeof decideTurn>) => d.actions.map((a) => a.type);
const text = (t: string) => ({ kind: 'text', text: t }) as const;
const checkOpen = () => state({ crisisCheck: { resume: 'en jaksa enää' } });

describe('the crisis check-in answer', () => {
  it('yes gives the crisis response and opens the chat offer', () => {
    const d = decideTurn(checkOpen(), text('kyl'), facts({ answer: 'yes' }));
    expect(d.actions).toEqual([{ type: 'crisisResponse', kind: 'suicide' }]);
    expect(d.state.crisisOffer).toEqual({ kind: 'suicide' });
    expect(d.state.inCrisis).toBe(true);
  });

  it('unsure is not no: a word of thanks and the crisis response', () => {
    const d = decideTurn(checkOpen(), text('en mä tiiä'), facts({ answer: 'unsure' }));
    expect(d.actions).toEqual([{ type: 'say', text: 'crisisCheckUnsure' }, { type: 'crisisResponse', kind: 'suicide' }]);
  });

  it('no carries on with what the resident wrote', () => {
    const d = decideTurn(checkOpen(), text('ei oo'), facts({ answer: 'no' }));
    expect(d.actions).toEqual([{ type: 'say', text: 'crisisCheckNo' }, { type: 'replay', text: 'en jaksa enää' }]);
    expect(d.state.crisisCheck).toBeNull();
  });

  it('an answer the bot cannot read is asked again once, then gets the crisis response', () => {
    const again = decideTurn(checkOpen(), text('mä oon 19'), facts());
    expect(again.actions).toEqual([{ type: 'askCrisisCheck', again: true }]);
    expect(again.state.crisisCheck).toEqual({ resume: 'en jaksa enää', asked: 1 });
    const second = decideTurn(again.state, text('en tiedä missä hän on'), facts());
    expect(types(second)).toEqual(['say', 'crisisResponse']);
    expect(second.state.crisisCheck).toBeNull();
  });

  it('a command that is no yes runs instead ("alusta")', () => {
    const d = decideTurn(checkOpen(), text('alusta'), facts({ command: { kind: 'restart' } }));
    expect(d.rule).toBe('command');
    expect(d.state.crisisCheck).toBeNull();
  });

  it('a yes with a request for a person still gets the crisis response first', () => {
    const d = decideTurn(checkOpen(), text('kyllä, haluan puhua ihmisen kanssa'), facts({ answer: 'yes', command: { kind: 'human' } }));
    expect(types(d)).toEqual(['crisisResponse']);
  });
});

describe('the crisis response\'s chat offer', () => {
  const offerOpen = () => state({ crisisOffer: { kind: 'suicide' }, inCrisis: true });

  it('a typed yes asks for a person', () => {
    const d = decideTurn(offerOpen(), text('joo'), facts({ answer: 'yes' }));
    expect(d.rule).toBe('crisis offer answer');
    expect(types(d)).toEqual(['cancelDialogs', 'startDialog']);
    expect(d.state.crisisOffer).toBeNull();
  });

  it('no, an age or anything else stays with the crisis, never the menu', () => {
    for (const [typed, answer] of [['ei', 'no'], ['mä oon 19', null], ['en tiedä missä hän on', 'unsure']] as const) {
      const d = decideTurn(offerOpen(), text(typed), facts({ answer }));
      expect(d.actions).toEqual([{ type: 'crisisStay', kind: 'suicide', aboutOther: false }]);
      expect(d.state.crisisOffer).toEqual({ kind: 'suicide' });
    }
  });

  it('a command, a tap or a typed choice of the waiting question carries on as usual', () => {
    expect(decideTurn(offerOpen(), text('alusta'), facts({ command: { kind: 'restart' } })).rule).toBe('command');
    expect(decideTurn(offerOpen(), text('Muisti'), facts({ offeredChoice: true })).rule).toBe('dialog');
    const typedChoice = decideTurn(offerOpen(), text('alkoholi'), facts({ matchesChoice: true }));
    expect(typedChoice.rule).toBe('dialog');
    expect(typedChoice.state.crisisOffer).toBeNull();
  });

  it('someone writing about another person at risk gets the words for them, then and after', () => {
    const d = decideTurn(state(), text('mun poika lähetti viestin et hyvästi'), facts({ crisis: { level: 'crisis', kind: 'suicide', aboutOther: true } }));
    expect(d.actions).toEqual([{ type: 'crisisResponse', kind: 'suicide', aboutOther: true }]);
    const next = decideTurn(d.state, text('en tiedä missä hän on'), facts({ answer: 'unsure' }));
    expect(next.actions).toEqual([{ type: 'crisisStay', kind: 'suicide', aboutOther: true }]);
  });
});

describe('after the 112 answer', () => {
  const emergency = () => decideTurn(state(), text('mun isä ei hengitä'), facts({ crisis: { level: 'crisis', kind: 'medical-emergency' } }));

  it('"mitä mä teen" stays with the emergency, not a clarifying question', () => {
    const d = decideTurn(emergency().state, text('mitä mä teen'), facts());
    expect(d.actions).toEqual([{ type: 'emergencyFollowUp' }]);
  });

  it('"soitin jo 112" (read as danger) is the same emergency, not the violence card', () => {
    const d = decideTurn(emergency().state, text('soitin jo 112'), facts({ crisis: { level: 'crisis', kind: 'danger' } }));
    expect(d.actions).toEqual([{ type: 'emergencyFollowUp' }]);
  });

  it('a suicide signal still gets the crisis response', () => {
    const d = decideTurn(emergency().state, text('haluan kuolla'), facts({ crisis: { level: 'crisis', kind: 'suicide' } }));
    expect(types(d)).toEqual(['crisisResponse']);
    expect(d.state.afterEmergency).toBe(false);
  });

  it('a command ends the follow-up', () => {
    const d = decideTurn(emergency().state, text('aloita alusta'), facts({ command: { kind: 'restart' } }));
    expect(d.rule).toBe('command');
    expect(d.state.afterEmergency).toBe(false);
  });
});

describe('stop', () => {
  it('ends the dialog under way and offers to start over', () => {
    const d = decideTurn(state(), text('lopeta'), facts({ command: { kind: 'stop' } }));
    expect(d.actions).toEqual([{ type: 'cancelDialogs' }, { type: 'say', text: 'stopped', buttons: [{ kind: 'command', command: 'restart' }] }]);
  });

  it('with a counsellor, asks before ending the chat', () => {
    const asked = decideTurn(state({ handoffSeen: 'accepted' }), text('stop'), facts({ handoff: 'accepted', command: { kind: 'stop' } }));
    expect(asked.state.confirmEnd).toBe('stop');
    const yes = decideTurn(asked.state, text('kyllä'), facts({ handoff: 'accepted', yesNo: true }));
    expect(types(yes)).toEqual(['cancelHandoff', 'say', 'cancelDialogs', 'say']);
  });
});
