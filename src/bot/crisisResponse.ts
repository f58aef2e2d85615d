/**
 * What a resident in crisis sees at once, in their language: what to do now (112 for danger to
 * life), the crisis line, poison information or the violence line where relevant, the `crisis`
 * event, and the offer of a person. Never a symptom checker.
 */
import type { CrisisResult } from '../nlu';
import { serviceCardFor } from '../content/catalogue';
import type { ContentBundle } from '../engine/contentBundle';
import { cardsMessage, event, message, OutgoingActivity, text } from '../engine/render';
import type { Lang } from './language';

function servicesFor(kind: CrisisResult['kind'], lang: Lang): string[] {
  const crisisLine = lang === 'sv' ? ['mieli-crisis-line-sv', 'mieli-crisis-line'] : ['mieli-crisis-line'];
  switch (kind) {
    case 'poisoning':
      return ['emergency-112', 'poison-info'];
    case 'violence':
    case 'danger':
      return ['emergency-112', 'nollalinja'];
    default:
      return ['emergency-112', ...crisisLine];
  }
}

export function crisisResponse(bundle: ContentBundle, lang: Lang, crisis: CrisisResult, now = new Date()): OutgoingActivity[] {
  const intro = [text(bundle, 'crisisIntro', lang)];
  if (crisis.kind === 'poisoning') intro.push(text(bundle, 'crisisPoisoning', lang));
  if (crisis.kind === 'violence' || crisis.kind === 'danger') intro.push(text(bundle, 'crisisViolence', lang));
  const cards = servicesFor(crisis.kind, lang)
    .map((id) => bundle.catalogue.services.get(id))
    .filter((s): s is NonNullable<typeof s> => !!s)
    .map((s) => serviceCardFor(s, lang, now, bundle.catalogue));
  const human = bundle.program.commands.human[lang][0];
  return [
    cardsMessage(intro.filter(Boolean).join('\n\n'), cards, lang, { crisis: true }),
    event('crisis', { kind: crisis.kind }),
    message(text(bundle, 'crisisOfferHuman', lang), human ? [human] : undefined),
  ];
}
