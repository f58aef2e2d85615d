/**
 * What a resident sees when the bot cannot work (Redis down, a bug): an honest apology in their
 * language, and the crisis numbers, because someone in danger must never get only an error.
 * Numbers are from shared/reference/national-contacts.md (checked late 2026).
 */
import { Lang, Localized } from '../lang';

export const SERVICE_UNAVAILABLE: Localized = {
  fi:
    'Pahoittelut, Opastin ei juuri nyt toimi. Yritä hetken päästä uudelleen.\n\n' +
    'Jos olet vaarassa tai tarvitset kiireellistä apua, soita hätänumeroon **112**. ' +
    'MIELI ry:n kriisipuhelin palvelee ympäri vuorokauden numerossa **09 2525 0111**.',
  sv:
    'Tyvärr fungerar Opastin inte just nu. Försök igen om en stund.\n\n' +
    'Om du är i fara eller behöver brådskande hjälp, ring nödnumret **112**. ' +
    'MIELI rf:s kristelefon på svenska: **09 2525 0112**, på finska dygnet runt: **09 2525 0111**.',
  en:
    'Sorry, Opastin is not working right now. Please try again in a moment.\n\n' +
    'If you are in danger or need urgent help, call the emergency number **112**. ' +
    'The MIELI crisis line answers 24/7 in Finnish at **09 2525 0111**.',
};

export function serviceUnavailableText(lang: Lang): string {
  return SERVICE_UNAVAILABLE[lang];
}
