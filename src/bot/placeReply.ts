/**
 * What the bot says when a resident names a place: which county serves it and a few of its
 * services (as service cards, rendered like a route's), the national services for a place no
 * pack covers, or a short acknowledgement for a place of this page's own county.
 */
import { renderServiceCard, type Service } from '../content/catalogue';
import type { ContentBundle } from '../engine/contentBundle';
import { message, OutgoingActivity, text } from '../engine/render';
import type { Lang } from '../lang';
import { crisisLines } from './crisisResponse';
import { catalogueTopic, type PlaceLookup } from './placeFacts';

/** A short answer: this many cards at most. */
const MAX_CARDS = 3;
/** With no topic yet: the county's first contacts (health centre, mental health and substance use, social and crisis on-call). */
const FIRST_CONTACT_ROLES = ['health-centre', 'mental-substance', 'social-crisis-oncall'];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function firstContacts(services: Service[], lang: Lang, national: boolean): Service[] {
  if (national) {
    const ids = ['paivystysapu-116117', ...crisisLines(lang)];
    const picked = ids.map((id) => services.find((s) => s.id === id)).filter((s): s is Service => !!s);
    return picked.length > 0 ? picked : services;
  }
  const picked = FIRST_CONTACT_ROLES.map((role) => services.find((s) => s.role === role)).filter((s): s is Service => !!s);
  return picked.length > 0 ? picked : services;
}

export function placeReply(
  bundle: ContentBundle,
  lookup: PlaceLookup,
  typed: string,
  dialogTopic: string,
  lang: Lang,
  now = new Date(),
): OutgoingActivity[] {
  const topic = catalogueTopic(dialogTopic);
  const offer = lookup.offers.offerFor(typed, lookup.pageRegion, topic);
  if (!offer) return [];
  const place = lang === 'sv' ? offer.place.name.sv : offer.place.name.fi;
  const catalogue = lookup.offers.catalogue(offer.region ?? lookup.pageRegion);
  const county = catalogue.region.name[lang];
  if (!offer.otherCounty) return [message(fill(text(bundle, 'placeOwnCounty', lang), { place, county }))];
  const services = (topic ? offer.services : firstContacts(offer.services, lang, !offer.region)).slice(0, MAX_CARDS);
  const intro = offer.region
    ? fill(text(bundle, 'placeOtherCounty', lang), { place, county })
    : fill(text(bundle, 'placeOutsidePacks', lang), { place });
  const website = offer.region && catalogue.region.website ? fill(text(bundle, 'placeCountyWebsite', lang), { county, url: catalogue.region.website }) : '';
  const cards = services.map((s) => renderServiceCard(s, lang, now, catalogue));
  return [message([intro, ...cards, website].filter(Boolean).join('\n\n'))];
}
