/** The bot's conversation state is plain, versioned JSON: an earlier version is read, not lost. */
import { TURN_STATE_VERSION, upgradeTurnState } from '../../src/bot/turn/turnState';

describe('turn state versions', () => {
  it('reads a v2 record (before the turn policy) with its language, content version and open feedback question', () => {
    const v2 = { v: 2, turns: 7, lang: 'sv', locale: 'sv-FI', contentVersion: 'abc', feedbackFor: 'elderly', contactFor: null };
    const upgraded = upgradeTurnState(v2 as never);
    expect(upgraded).toEqual({
      v: TURN_STATE_VERSION, turns: 7, lang: 'sv', locale: 'sv-FI', contentVersion: 'abc', feedbackFor: 'elderly', contactFor: null,
      pendingHandoff: null, crisisCheck: null, inCrisis: false, handoffSeen: 'none', confirmEnd: null, lastRoute: null, personContext: null,
    });
    expect(JSON.parse(JSON.stringify(upgraded))).toEqual(upgraded);
  });

  it('starts a new conversation from nothing', () => {
    expect(upgradeTurnState(undefined)).toMatchObject({ v: TURN_STATE_VERSION, turns: 0, lang: null, handoffSeen: 'none' });
  });
});
