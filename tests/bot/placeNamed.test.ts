/** The "place named" rule of the pure turn policy: when a typed place takes the turn, and what it asks for. */
import { decideTurn } from '../../src/bot/turn/decideTurn';
import type { PlaceFact } from '../../src/bot/turn/turnFacts';
import { facts, state } from './policyFixtures';

const decide = (text: string, place: PlaceFact, more: Parameters<typeof facts>[0] = {}) =>
  decideTurn(state(), { kind: 'text', text }, facts({ place, ...more }));

const OTHER: PlaceFact = { region: 'satakunta', otherCounty: true, onlyPlace: false };
const OWN: PlaceFact = { region: 'keusote', otherCounty: false, onlyPlace: false };

describe('a typed place', () => {
  it("another county's place: its services for the current topic, then the question again", () => {
    const d = decide('asun Porissa ja tarvitsen apua', OTHER);
    expect(d.rule).toBe('place named');
    expect(d.actions).toEqual([{ type: 'placeAnswer', text: 'asun Porissa ja tarvitsen apua', topic: 'elderly', own: false }, { type: 'reprompt' }]);
  });

  it('a place no pack covers is answered too (national services)', () => {
    expect(decide('Tampere', { region: null, otherCounty: true, onlyPlace: true }).rule).toBe('place named');
  });

  it("the page's own county: only the place alone is acknowledged", () => {
    expect(decide('Hyvinkää', { ...OWN, onlyPlace: true }).actions[0]).toMatchObject({ type: 'placeAnswer', own: true });
    expect(decide('asun Hyvinkäällä ja mua ahdistaa', OWN).rule).toBe('dialog');
  });

  it('a matched choice wins, and at a free-text question so does a sentence', () => {
    expect(decide('äiti asuu Porissa', OTHER, { matchesChoice: true }).rule).toBe('dialog');
    expect(decide('sää Porissa huomenna', OTHER, { textQuestion: true }).rule).toBe('dialog');
    expect(decide('Pori', { ...OTHER, onlyPlace: true }, { textQuestion: true }).rule).toBe('place named');
  });

  it('crisis first: a place in a crisis message changes nothing', () => {
    expect(decide('asun Porissa enkä halua elää', OTHER, { crisis: { level: 'crisis', kind: 'suicide' } }).rule).toBe('crisis first');
  });
});
