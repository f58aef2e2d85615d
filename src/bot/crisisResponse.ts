/**
 * What a resident in crisis sees at once, in their language: what to do now (112 for danger to
 * life), the crisis line, poison information or the violence line where relevant, the `crisis`
 * event, and the offer of a person. Never a symptom checker. Also the two neighbours of the full
 * response: the 112 answer for a medical emergency, and the check-in for a weaker signal.
 */
import type { CrisisKind } from '../nlu';
import { renderServiceCard, serviceCardFor, type ServiceCardData } from '../content/catalogue';
import type { ContentBundle } from '../engine/contentBundle';
import { cardsMessage, event, message, OutgoingActivity, text } from '../engine/render';
import type { Lang } from '../lang';
import { buttons } from './replies';

export function crisisLines(lang: Lang): string[] {
  return lang === 'sv' ? ['mieli-crisis-line-sv', 'mieli-crisis-line'] : ['mieli-crisis-line'];
}

function servicesFor(kind: CrisisKind | null, lang: Lang): string[] {
  switch (kind) {
    case 'poisoning':
      return ['emergency-112', 'poison-info'];
    case 'violence':
    case 'danger':
      return ['emergency-112', 'nollalinja'];
    default:
      return ['emergency-112', ...crisisLines(lang)];
  }
}

export function serviceCards(bundle: ContentBundle, ids: string[], lang: Lang, now = new Date()): string[] {
  return ids
    .map((id) => bundle.catalogue.services.get(id))
    .filter((s): s is NonNullable<typeof s> => !!s)
    .map((s) => renderServiceCard(s, lang, now, bundle.catalogue));
}

/** The same cards as data, for a message our chat page shows with tap-to-call links. */
function cardData(bundle: ContentBundle, ids: string[], lang: Lang, now: Date): ServiceCardData[] {
  return ids
    .map((id) => bundle.catalogue.services.get(id))
    .filter((s): s is NonNullable<typeof s> => !!s)
    .map((s) => serviceCardFor(s, lang, now, bundle.catalogue));
}

/**
 * `aboutOther`: the resident writes about someone else at risk (a son's goodbye message): what to
 * do for them (112 if in danger, reach them, stay with them), not "it sounds hard for you".
 */
export function crisisResponse(bundle: ContentBundle, lang: Lang, kind: CrisisKind | null, now = new Date(), aboutOther = false): OutgoingActivity[] {
  const intro = [text(bundle, aboutOther ? 'crisisIntroOther' : 'crisisIntro', lang)];
  if (kind === 'poisoning') intro.push(text(bundle, 'crisisPoisoning', lang));
  if (kind === 'violence' || kind === 'danger') intro.push(text(bundle, 'crisisViolence', lang));
  const human = bundle.program.commands.human[lang][0];
  return [
    cardsMessage(intro.filter(Boolean).join('\n\n'), cardData(bundle, servicesFor(kind, lang), lang, now), lang, { crisis: true }),
    event('crisis', { kind }),
    message(text(bundle, 'crisisOfferHuman', lang), human ? [human] : undefined),
  ];
}

/** Someone not breathing, unconscious, with chest pain or bleeding: call 112 now, and what to say. */
export function medicalEmergencyResponse(bundle: ContentBundle, lang: Lang, now = new Date()): OutgoingActivity[] {
  return [
    cardsMessage(text(bundle, 'medicalEmergency', lang), cardData(bundle, ['emergency-112'], lang, now), lang, { crisis: true }),
    event('crisis', { kind: 'medical-emergency' }),
  ];
}

/**
 * After the crisis response, an answer that was not "yes, chat": the same lines again (by kind)
 * and the offer of a person again, so the resident is never left with the menu.
 */
export function crisisStay(bundle: ContentBundle, lang: Lang, kind: CrisisKind | null, aboutOther: boolean, now = new Date()): OutgoingActivity[] {
  const human = bundle.program.commands.human[lang][0];
  return [
    cardsMessage(text(bundle, aboutOther ? 'crisisStayOther' : 'crisisStay', lang), cardData(bundle, servicesFor(kind, lang), lang, now), lang, { crisis: true }),
    message(text(bundle, 'crisisOfferHuman', lang), human ? [human] : undefined),
  ];
}

/** After the 112 answer: stay on the line and follow the operator's instructions. */
export function emergencyFollowUp(bundle: ContentBundle, lang: Lang, now = new Date()): OutgoingActivity[] {
  const card = cardsMessage(text(bundle, 'emergencyFollowUp', lang), cardData(bundle, ['emergency-112'], lang, now), lang, { crisis: true });
  // When it is over, one tap back to the menu.
  return [{ ...card, ...message('', [text(bundle, 'restartLabel', lang)]), text: card.text }];
}

/**
 * A weaker signal: the crisis line, then the direct question crisis workers are trained to ask,
 * with "I'm not sure" beside yes and no (`again`: asked once more, kindly, the line still shown).
 */
export function crisisCheck(bundle: ContentBundle, lang: Lang, now = new Date(), again = false): OutgoingActivity[] {
  const answers = buttons(bundle, lang, [{ kind: 'text', text: 'yesLabel' }, { kind: 'text', text: 'noLabel' }, { kind: 'text', text: 'crisisCheckUnsureLabel' }]).map((b) => b.title);
  return [
    message([text(bundle, again ? 'crisisCheckAgain' : 'crisisCheckIntro', lang), ...serviceCards(bundle, crisisLines(lang), lang, now)].join('\n\n')),
    event('crisis', { kind: null, level: 'check' }),
    message(text(bundle, 'crisisCheckQuestion', lang), answers),
  ];
}
