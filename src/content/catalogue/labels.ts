/**
 * Fixed resident-facing words for the catalogue (weekdays, channel kinds, markers) in fi/sv/en.
 * Kept apart from content YAML because they are grammar, not facts: Finnish needs the essive
 * ("maanantaina") where Swedish and English use the bare weekday.
 */
import type { ChannelType, Charge, Lang, Weekday } from './types';

export const WEEKDAY_NAMES: Record<Lang, Record<Weekday, string>> = {
  fi: { mon: 'maanantai', tue: 'tiistai', wed: 'keskiviikko', thu: 'torstai', fri: 'perjantai', sat: 'lauantai', sun: 'sunnuntai' },
  sv: { mon: 'måndag', tue: 'tisdag', wed: 'onsdag', thu: 'torsdag', fri: 'fredag', sat: 'lördag', sun: 'söndag' },
  en: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
};

/** Finnish "on Monday" (essive). */
export const FI_WEEKDAY_ESSIVE: Record<Weekday, string> = {
  mon: 'maanantaina', tue: 'tiistaina', wed: 'keskiviikkona', thu: 'torstaina', fri: 'perjantaina', sat: 'lauantaina', sun: 'sunnuntaina',
};

export const WEEKDAY_SHORT: Record<Lang, Record<Weekday, string>> = {
  fi: { mon: 'ma', tue: 'ti', wed: 'ke', thu: 'to', fri: 'pe', sat: 'la', sun: 'su' },
  sv: { mon: 'mån', tue: 'tis', wed: 'ons', thu: 'tor', fri: 'fre', sat: 'lör', sun: 'sön' },
  en: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
};

export const CHANNEL_NAMES: Record<Lang, Record<ChannelType, string>> = {
  fi: { phone: 'Puhelin', web: 'Verkossa', chat: 'Chat', 'walk-in': 'Käyntiosoite', omaolo: 'Omaolo' },
  sv: { phone: 'Telefon', web: 'På nätet', chat: 'Chatt', 'walk-in': 'Besöksadress', omaolo: 'Omaolo' },
  en: { phone: 'Phone', web: 'Online', chat: 'Chat', 'walk-in': 'Visiting address', omaolo: 'Omaolo' },
};

export const CHARGE_NAMES: Record<Lang, Record<Charge, string>> = {
  fi: { free: 'maksuton', normal: 'normaali puhelumaksu', unknown: '' },
  sv: { free: 'avgiftsfritt', normal: 'normal samtalsavgift', unknown: '' },
  en: { free: 'free of charge', normal: 'normal call charges', unknown: '' },
};

export const LANGUAGE_NAMES: Record<Lang, Record<Lang, string>> = {
  fi: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },
  sv: { fi: 'finska', sv: 'svenska', en: 'engelska' },
  en: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
};

export const MARKERS: Record<Lang, {
  example: string; anonymous: string; checkedOn: string; languages: string; queue: string; contactRequests: string; omaoloPick: string;
  /** Shown under a draft pack's services: the county has not yet confirmed the facts. */
  draft: string;
  /** Said when a channel serves in the reader's language (not said in Finnish: that is the default). */
  servesInYourLanguage: string;
}> = {
  fi: {
    example: '(esimerkkitieto)', anonymous: 'Voit asioida nimettömänä.', checkedOn: 'Tiedot tarkistettu', languages: 'Kielet',
    queue: 'Chat työntekijän kanssa', contactRequests: 'voit pyytää yhteydenottoa', omaoloPick: 'Valitse Omaolossa',
    draft: 'Tietoja tarkistetaan vielä. Varmista tärkeät tiedot hyvinvointialueen omilta sivuilta.',
    servesInYourLanguage: '',
  },
  sv: {
    example: '(exempeldata)', anonymous: 'Du kan vara anonym.', checkedOn: 'Uppgifterna kontrollerade', languages: 'Språk',
    queue: 'Chatt med en anställd', contactRequests: 'du kan be att någon kontaktar dig', omaoloPick: 'Välj i Omaolo',
    draft: 'Uppgifterna håller på att kontrolleras. Kontrollera viktiga uppgifter på välfärdsområdets egen webbplats.',
    servesInYourLanguage: 'betjänar på svenska',
  },
  en: {
    example: '(example data)', anonymous: 'You can stay anonymous.', checkedOn: 'Checked on', languages: 'Languages',
    queue: 'Chat with a staff member', contactRequests: 'you can ask us to contact you', omaoloPick: 'Choose in Omaolo',
    draft: "This information is still being checked. Please confirm important details on the wellbeing services county's own website.",
    servesInYourLanguage: 'serves in English',
  },
};

/** Finnish/Swedish "8.00", English "8:00": no leading zero on the hour. */
export function formatClock(time: string, lang: Lang): string {
  const [h, m] = time.split(':');
  return `${Number(h)}${lang === 'en' ? ':' : '.'}${m}`;
}

/** "1.11.2026" (fi), "1.11.2026" (sv), "1 November 2026" (en). */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (lang === 'en') {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    return `${d} ${months[m - 1]} ${y}`;
  }
  return `${d}.${m}.${y}`;
}
