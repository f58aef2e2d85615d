/**
 * A resident typing a municipality or postal code is routed to its county: on a Keusote page,
 * a Satakunta municipality is offered Satakunta's services; a place outside the packs gets the
 * national services. Runs on the shipped content.
 */
import path from 'node:path';
import { buildPlaceIndex, CountyOffers, findPlace } from '../../src/content/places';

const CONTENT = path.resolve(__dirname, '../../content');
const index = buildPlaceIndex(CONTENT);
const offers = new CountyOffers(CONTENT, index);

test.each([
  ['Pori', 'satakunta'],
  ['asun Porissa', 'satakunta'],
  ['jag bor i Björneborg', 'satakunta'],
  ['28100', 'satakunta'],
  ['Kokkolassa', 'soite'],
  ['Karleby', 'soite'],
  ['hameenlinnassa', 'kanta-hame'],
  ['Riihimäki', 'kanta-hame'],
  ['Hyvinkäällä', 'keusote'],
  ['04400', 'keusote'],
])('%s → %s', (text, region) => {
  expect(findPlace(text, index)?.region).toBe(region);
});

test('Kerava and Helsinki are Finnish municipalities outside every pack', () => {
  expect(findPlace('Keravalla', index)).toMatchObject({ name: { fi: 'Kerava' }, region: null });
  expect(findPlace('Helsingfors', index)).toMatchObject({ name: { fi: 'Helsinki' }, region: null });
});

test('words that are not places find nothing', () => {
  expect(findPlace('minulla on paha olo', index)).toBeUndefined();
  expect(findPlace('12345', index)).toBeUndefined();
});

test('a Satakunta municipality typed on a Keusote page is offered Satakunta\'s services', () => {
  const offer = offers.offerFor('Asun Porissa', 'keusote', 'crisis')!;
  expect(offer).toMatchObject({ region: 'satakunta', otherCounty: true, place: { name: { fi: 'Pori' } } });
  expect(offer.services.length).toBeGreaterThan(0);
  expect(offer.services.every((s) => s.origin === 'satakunta')).toBe(true);
  expect(offer.services.map((s) => s.id)).toContain('satakunta-social-crisis-oncall');
  expect(offer.services.find((s) => s.id === 'satakunta-social-crisis-oncall')!.channels[0]!.phone).toBe('02 623 4380');
});

test('the page\'s own county is not "another county"', () => {
  expect(offers.offerFor('Järvenpää', 'keusote', 'mental-health')).toMatchObject({ region: 'keusote', otherCounty: false });
});

test('a place outside the packs is offered the national services', () => {
  const offer = offers.offerFor('Helsinki', 'keusote', 'crisis')!;
  expect(offer.region).toBeNull();
  expect(offer.services.every((s) => s.origin === 'base')).toBe(true);
  expect(offer.services.map((s) => s.id)).toContain('emergency-112');
});
