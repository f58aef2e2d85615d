/**
 * The place a resident names, as a fact for the turn policy: which county serves it, whether
 * that is this page's county, and whether the message says nothing but the place. The lookup
 * itself (inflected names, fi/sv, postal codes) is src/content/places.
 */
import { normalise, type CountyOffers } from '../content/places';
import type { Topic } from '../content/catalogue';
import { TOPICS } from '../content/topics';
import type { PlaceFact } from './turn/turnFacts';

/** The place lookup and the region this process serves (the page's county). */
export interface PlaceLookup {
  offers: CountyOffers;
  pageRegion: string;
}

/**
 * Words that only frame a place ("asun Porissa", "bor i Jakobstad", "I live in Pori", "postinumero
 * 28100"): a message of these and the place asks nothing else.
 */
const FRAME_WORDS = new Set([
  'asun', 'asumme', 'asuu', 'mina', 'ma', 'me', 'olen', 'oon', 'kotoisin', 'kotikunta', 'kotikuntani', 'kunta', 'kuntani',
  'paikkakunta', 'postinumero', 'postinumeroni', 'on', 'ja', 'taalla', 'tuolla',
  'jag', 'bor', 'i', 'vi', 'min', 'hemkommun', 'kommun', 'postnummer', 'ar', 'fran', 'kommer',
  'live', 'm', 'in', 'from', 'im', 'am', 'my', 'is', 'postcode', 'postal', 'code', 'municipality', 'town', 'we', 'the',
]);

/** Topic of the innermost dialog, when it is one the catalogue knows. */
export function catalogueTopic(topic: string): Topic | undefined {
  // 'human' and 'unknown' name no services: then the county's first-contact services are offered.
  if (topic === 'human' || topic === 'unknown') return undefined;
  return (TOPICS as readonly string[]).includes(topic) ? (topic as Topic) : undefined;
}

export function readPlace(lookup: PlaceLookup | undefined, typed: string, topic: string): PlaceFact | null {
  if (!lookup || !typed) return null;
  const offer = lookup.offers.offerFor(typed, lookup.pageRegion, catalogueTopic(topic));
  if (!offer) return null;
  const nameWords = new Set([offer.place.name.fi, offer.place.name.sv].flatMap((n) => normalise(n).split(/[\s-]+/).filter(Boolean)));
  const rest = normalise(typed)
    .split(/[\s-]+/)
    .filter(Boolean)
    .filter((w) => !/^\d{5}$/.test(w) && !FRAME_WORDS.has(w) && ![...nameWords].some((n) => w.startsWith(n)));
  return { region: offer.region, otherCounty: offer.otherCounty, onlyPlace: rest.length === 0 };
}
