/**
 * Every text of the chat page and the embed launcher, in Finnish, Swedish and English. Plain
 * language (selkokieli where it fits); `{region}` is replaced with the region's name.
 */
import type { Lang } from '../lang';

export interface PageStrings {
  /** BCP 47 locale given to the chat client and carried by every activity. */
  locale: string;
  /** The language's own name, for the switch ("Suomi"). */
  languageName: string;
  title: string;
  skipToChat: string;
  languageNav: string;
  heading: string;
  intro: string;
  chatHeading: string;
  privacyHeading: string;
  privacyItems: string[];
  startButton: string;
  loading: string;
  chatLabel: string;
  endButton: string;
  ending: string;
  deleted: string;
  deleteFailed: string;
  startAgain: string;
  connectionFailed: string;
  exampleNote: string;
  emergency: string;
  launcherOpen: string;
  launcherClose: string;
  embedFrameTitle: string;
}

export const STRINGS: Record<Lang, PageStrings> = {
  fi: {
    locale: 'fi-FI',
    languageName: 'Suomi',
    title: 'Opastin – chat | {region}',
    skipToChat: 'Siirry chattiin',
    languageNav: 'Kieli',
    heading: 'Kysy Opastimelta',
    intro: 'Opastin on chatbotti. Se kertoo, mistä saat apua ja palveluja. Opastin ei ole ihminen, eikä se tee hoitopäätöksiä.',
    chatHeading: 'Chat',
    privacyHeading: 'Ennen kuin aloitat',
    privacyItems: [
      'Keskustelu tallentuu enintään 24 tunniksi. Sen jälkeen se poistuu itsestään.',
      'Keskustelu on nimetön. Emme kysy nimeäsi emmekä henkilötunnustasi.',
      'Älä kirjoita nimeäsi tai henkilötunnustasi. Puhelinnumeron tai sähköpostin annat vain, jos pyydät yhteydenottoa.',
      'Voit poistaa keskustelun milloin vain painikkeella ”Lopeta ja poista”.',
    ],
    startButton: 'Aloita keskustelu',
    loading: 'Chat avautuu…',
    chatLabel: 'Keskustelu Opastimen kanssa',
    endButton: 'Lopeta ja poista',
    ending: 'Poistetaan keskustelua…',
    deleted: 'Keskustelu on lopetettu ja poistettu. Siitä ei jäänyt tietoja palvelimelle.',
    deleteFailed: 'Poistaminen ei onnistunut. Yritä uudelleen. Keskustelu poistuu joka tapauksessa 24 tunnin kuluttua.',
    startAgain: 'Aloita uusi keskustelu',
    connectionFailed: 'Yhteys chattiin ei toimi juuri nyt. Yritä hetken päästä uudelleen.',
    exampleNote: 'Tämä on esimerkkisivu. Sivun tiedot eivät ole oikeita.',
    emergency: 'Hätätilanteessa soita 112.',
    launcherOpen: 'Avaa chat',
    launcherClose: 'Sulje chat',
    embedFrameTitle: 'Opastin-chat',
  },
  sv: {
    locale: 'sv-SE',
    languageName: 'Svenska',
    title: 'Opastin – chatt | {region}',
    skipToChat: 'Gå till chatten',
    languageNav: 'Språk',
    heading: 'Fråga Opastin',
    intro: 'Opastin är en chattbot. Den berättar var du får hjälp och service. Opastin är inte en människa och fattar inga vårdbeslut.',
    chatHeading: 'Chatt',
    privacyHeading: 'Innan du börjar',
    privacyItems: [
      'Samtalet sparas i högst 24 timmar. Sedan raderas det automatiskt.',
      'Samtalet är anonymt. Vi frågar inte efter ditt namn eller din personbeteckning.',
      'Skriv inte ditt namn eller din personbeteckning. Telefonnummer eller e-post behövs bara om du ber att bli kontaktad.',
      'Du kan radera samtalet när som helst med knappen ”Avsluta och radera”.',
    ],
    startButton: 'Starta samtalet',
    loading: 'Chatten öppnas…',
    chatLabel: 'Samtal med Opastin',
    endButton: 'Avsluta och radera',
    ending: 'Samtalet raderas…',
    deleted: 'Samtalet är avslutat och raderat. Inga uppgifter om det finns kvar på servern.',
    deleteFailed: 'Det gick inte att radera. Försök igen. Samtalet raderas i alla fall efter 24 timmar.',
    startAgain: 'Starta ett nytt samtal',
    connectionFailed: 'Chatten fungerar inte just nu. Försök igen om en stund.',
    exampleNote: 'Det här är en exempelsida. Uppgifterna på sidan är inte riktiga.',
    emergency: 'Ring 112 i en nödsituation.',
    launcherOpen: 'Öppna chatten',
    launcherClose: 'Stäng chatten',
    embedFrameTitle: 'Opastin-chatt',
  },
  en: {
    locale: 'en-US',
    languageName: 'English',
    title: 'Opastin chat | {region}',
    skipToChat: 'Skip to the chat',
    languageNav: 'Language',
    heading: 'Ask Opastin',
    intro: 'Opastin is a chatbot. It tells you where to get help and services. Opastin is not a person and does not make care decisions.',
    chatHeading: 'Chat',
    privacyHeading: 'Before you start',
    privacyItems: [
      'The conversation is kept for up to 24 hours. Then it is deleted automatically.',
      'The conversation is anonymous. We do not ask for your name or personal identity code.',
      'Please do not type your name or personal identity code. Give a phone number or e-mail only if you ask us to contact you.',
      'You can delete the conversation at any time with the “End and delete” button.',
    ],
    startButton: 'Start the chat',
    loading: 'Opening the chat…',
    chatLabel: 'Conversation with Opastin',
    endButton: 'End and delete',
    ending: 'Deleting the conversation…',
    deleted: 'The conversation has been ended and deleted. No data about it is left on the server.',
    deleteFailed: 'Deleting did not work. Please try again. The conversation is deleted after 24 hours in any case.',
    startAgain: 'Start a new conversation',
    connectionFailed: 'The chat is not working right now. Please try again in a moment.',
    exampleNote: 'This is an example page. The details on this page are not real.',
    emergency: 'In an emergency, call 112.',
    launcherOpen: 'Open the chat',
    launcherClose: 'Close the chat',
    embedFrameTitle: 'Opastin chat',
  },
};

/** Picks fi, sv or en from an Accept-Language header (the server's guess; the page re-checks navigator.languages). */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  const tags = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { tag: tag.toLowerCase(), q: q ? Number(q[1]) : 1 };
    })
    .filter((t) => t.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const primary = tag.split('-')[0];
    if (primary === 'fi' || primary === 'sv' || primary === 'en') return primary;
  }
  return 'fi';
}
