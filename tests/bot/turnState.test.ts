/** The bot's conversation state is plain, versioned JSON: an earlier version is read, not lost. */
import { storedTurnState, TURN_STATE_VERSION, upgradeTurnState } from '../../src/bot/turn/turnState';

describe('turn state versions', () => {
  it('reads a v2 record (before the turn policy) with its language, content version and open feedback question', () => {
    const v2 = { v: 2, turns: 7, lang: 'sv', locale: 'sv-FI', contentVersion: 'abc', feedbackFor: 'elderly', contactFor: null };
    const upgraded = upgradeTurnState(v2 as never);
    expect(upgraded).toEqual({
      v: TURN_STATE_VERSION, turns: 7, lang: 'sv', locale: 'sv-FI', contentVersion: 'abc', feedbackFor: 'elderly', contactFor: null,
      pendingHandoff: null, crisisCheck: null, crisisOffer: null, afterEmergency: false, inCrisis: false, handoffSeen: 'none', confirmEnd: null, lastRoute: null, personContext: null,
    });
    expect(JSON.parse(JSON.stringify(upgraded))).toEqual(upgraded);
  });

  it('starts a new conversation from nothing', () => {
    expect(upgradeTurnState(undefined)).toMatchObject({ v: TURN_STATE_VERSION, turns: 0, lang: null, handoffSeen: 'none' });
  });

  it('stores only what differs from the defaults, and reads back the same state', () => {
    const state = { ...upgradeTurnState(undefined), turns: 4, lang: 'sv' as const, lastRoute: { topic: 'elderly', answers: [] } };
    const stored = storedTurnState(state);
    expect(stored).toEqual({ v: TURN_STATE_VERSION, turns: 4, lang: 'sv', lastRoute: { topic: 'elderly', answers: [] } });
    expect(upgradeTurnState(JSON.parse(JSON.stringify(stored)))).toEqual(state);
    const fresh = upgradeTurnState(undefined);
    expect(upgradeTurnState(storedTurnState(fresh))).toEqual(fresh);
  });
});
