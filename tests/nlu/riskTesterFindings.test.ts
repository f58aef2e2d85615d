/**
 * Kinds an outside tester found by playing residents on 2026-12-02 (docs/crisis-model.md): the
 * wish to sleep and never wake is a wish to die, not someone unconscious; pills "säästössä" (the
 * plural stem "pillere-") are saved-up means; Swedish "nothing feels meaningful any more" is
 * hopelessness. Written for these tests, in several wordings, not copied from the tester's log.
 */
import { NluEngine } from '../../src/nlu/engine';
import { rulesOnlyNlu, shippedNlu } from './helpers';

const nlu = (): NluEngine => shippedNlu() as NluEngine;

describe('risk kinds found by an outside tester', () => {
  it.each([
    'i just want to sleep and not wake up',
    'so tired, i wish i could go to sleep and never wake up again',
  ])('"%s" is a wish to die, not the 112 answer', (text) => {
    expect(nlu().detectCrisis(text, 'en')).toMatchObject({ level: 'crisis', kind: 'suicide' });
  });

  it.each(['my dad does not wake up', 'she is not waking up and her lips are grey'])('"%s" still gets 112', (text) => {
    expect(nlu().detectCrisis(text, 'en').kind).toBe('medical-emergency');
  });

  it.each([
    'pillereitä on säästössä laatikossa',
    'oon laittanu unilääkkeitä säästöön jo pitkään',
  ])('"%s" is saved-up means', (text) => {
    expect(nlu().detectCrisis(text, 'fi')).toMatchObject({ level: 'crisis', kind: 'suicide' });
  });

  it('pills kept away from children are not hoarding', () => {
    // the rules' decision: the message model, trained on every labelled set, asks here since blind set M
    expect(rulesOnlyNlu().detectCrisis('pillerit on piilossa lapsilta ylähyllyllä', 'fi').level).toBe('none');
  });

  it.each(['ingenting känns meningsfullt längre', 'inget är meningsfullt mer'])('"%s" gets the check-in', (text) => {
    expect(nlu().detectCrisis(text, 'sv').level).toBe('check');
  });

  it.each(["he'll jump off the bridge tonight", 'my brother will jump from the roof tomorrow'])('"%s": "will" with a means and a time is intent', (text) => {
    expect(nlu().detectCrisis(text, 'en')).toMatchObject({ level: 'crisis', kind: 'suicide' });
  });

  it('jumping for joy is not a means', () => {
    expect(nlu().detectCrisis('going to jump for joy tonight', 'en').level).not.toBe('crisis');
  });
});
