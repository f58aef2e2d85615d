/**
 * Texts of our own chat client (src/client), in Finnish, Swedish and English. The page sends them
 * with its config; the client never invents a text. The crisis numbers shown when the connection
 * is lost come from /work/shared/reference/national-contacts.md (checked 2026): they are the page's
 * own, so they show even when the server cannot be reached.
 */
import type { Lang } from '../lang';

export interface CrisisLine {
  name: string;
  number: string;
  /** tel: URI target, digits only (with +358 where the number is not a short number). */
  tel: string;
}

export interface ClientStrings {
  quickExit: string;
  quickExitHelp: string;
  choicesLabel: string;
  /** "{n}" is the number of hidden choices. */
  moreChoices: string;
  inputLabel: string;
  send: string;
  you: string;
  botName: string;
  counsellorRole: string;
  /** "{name}" is "Opastin" or "Ohjaaja Maija". */
  typing: string;
  connecting: string;
  reconnecting: string;
  offline: string;
  offlineHelp: string;
  crisisLines: CrisisLine[];
  refused: string;
  tooMany: string;
  retry: string;
  conversationGone: string;
  notSent: string;
  saveAnswers: string;
  saveIntro: string;
  copy: string;
  download: string;
  copied: string;
  copyFailed: string;
  fileName: string;
  /** First line of the saved file; "{date}" is today. */
  savedHeading: string;
  exampleMark: string;
}

const EMERGENCY = { number: '112', tel: '112' };
const CRISIS_FI = { number: '09 2525 0111', tel: '+358925250111' };
const CRISIS_SV = { number: '09 2525 0112', tel: '+358925250112' };

export const CLIENT_STRINGS: Record<Lang, ClientStrings> = {
  fi: {
    quickExit: 'Poistu nopeasti',
    quickExitHelp: 'Poistuu heti toiselle sivulle ja poistaa keskustelun. Pikanäppäin Esc.',
    choicesLabel: 'Vastausvaihtoehdot',
    moreChoices: 'Lisää vaihtoehtoja ({n})',
    inputLabel: 'Kirjoita viesti',
    send: 'Lähetä',
    you: 'Sinä',
    botName: 'Opastin',
    counsellorRole: 'Ohjaaja',
    typing: '{name} kirjoittaa…',
    connecting: 'Yhdistetään…',
    reconnecting: 'Yhteys katkesi. Yhdistetään uudelleen…',
    offline: 'Ei yhteyttä palvelimeen. Keskustelu jatkuu, kun yhteys palaa.',
    offlineHelp: 'Jos tarvitset apua heti, soita:',
    crisisLines: [
      { name: 'Hätänumero', ...EMERGENCY },
      { name: 'MIELI ry:n Kriisipuhelin, ympäri vuorokauden', ...CRISIS_FI },
    ],
    refused: 'Chat ei juuri nyt ota vastaan keskusteluja. Yritä hetken päästä uudelleen.',
    tooMany: 'Tästä laitteesta on aloitettu liian monta keskustelua. Yritä myöhemmin uudelleen.',
    retry: 'Yritä uudelleen',
    conversationGone: 'Keskustelu on päättynyt tai vanhentunut. Voit aloittaa uuden keskustelun.',
    notSent: 'Ei vielä lähetetty. Lähetetään, kun yhteys palaa.',
    saveAnswers: 'Tallenna vastaukset',
    saveIntro: 'Voit kopioida tai ladata tiedot palveluista, jotka sait. Mitään ei lähetetä minnekään.',
    copy: 'Kopioi',
    download: 'Lataa tiedostona',
    copied: 'Tiedot kopioitu leikepöydälle.',
    copyFailed: 'Kopiointi ei onnistunut. Voit ladata tiedot tiedostona.',
    fileName: 'opastin-palvelut.txt',
    savedHeading: 'Opastin: palvelut, jotka sait {date}',
    exampleMark: 'Esimerkkitieto: ei oikea palvelu.',
  },
  sv: {
    quickExit: 'Lämna snabbt',
    quickExitHelp: 'Byter genast till en annan sida och raderar samtalet. Kortkommando Esc.',
    choicesLabel: 'Svarsalternativ',
    moreChoices: 'Fler alternativ ({n})',
    inputLabel: 'Skriv ett meddelande',
    send: 'Skicka',
    you: 'Du',
    botName: 'Opastin',
    counsellorRole: 'Handledare',
    typing: '{name} skriver…',
    connecting: 'Ansluter…',
    reconnecting: 'Anslutningen bröts. Ansluter igen…',
    offline: 'Ingen anslutning till servern. Samtalet fortsätter när anslutningen är tillbaka.',
    offlineHelp: 'Om du behöver hjälp genast, ring:',
    crisisLines: [
      { name: 'Nödnummer', ...EMERGENCY },
      { name: 'MIELI rf:s Kristelefonen på svenska', ...CRISIS_SV },
      { name: 'MIELI rf:s kristelefon på finska, dygnet runt', ...CRISIS_FI },
    ],
    refused: 'Chatten tar inte emot samtal just nu. Försök igen om en stund.',
    tooMany: 'För många samtal har startats från den här enheten. Försök igen senare.',
    retry: 'Försök igen',
    conversationGone: 'Samtalet har avslutats eller gått ut. Du kan börja ett nytt samtal.',
    notSent: 'Inte skickat ännu. Skickas när anslutningen är tillbaka.',
    saveAnswers: 'Spara svaren',
    saveIntro: 'Du kan kopiera eller ladda ner uppgifterna om tjänsterna du fick. Ingenting skickas någonstans.',
    copy: 'Kopiera',
    download: 'Ladda ner som fil',
    copied: 'Uppgifterna har kopierats.',
    copyFailed: 'Det gick inte att kopiera. Du kan ladda ner uppgifterna som fil.',
    fileName: 'opastin-tjanster.txt',
    savedHeading: 'Opastin: tjänster du fick {date}',
    exampleMark: 'Exempeldata: ingen verklig tjänst.',
  },
  en: {
    quickExit: 'Quick exit',
    quickExitHelp: 'Leaves for another site at once and deletes the conversation. Shortcut: Esc.',
    choicesLabel: 'Answer options',
    moreChoices: 'More options ({n})',
    inputLabel: 'Type a message',
    send: 'Send',
    you: 'You',
    botName: 'Opastin',
    counsellorRole: 'Counsellor',
    typing: '{name} is typing…',
    connecting: 'Connecting…',
    reconnecting: 'The connection was lost. Reconnecting…',
    offline: 'No connection to the server. The conversation continues when the connection is back.',
    offlineHelp: 'If you need help right now, call:',
    crisisLines: [
      { name: 'Emergency number', ...EMERGENCY },
      { name: 'MIELI Crisis Helpline (in Finnish), 24/7', ...CRISIS_FI },
    ],
    refused: 'The chat is not taking conversations right now. Please try again in a moment.',
    tooMany: 'Too many conversations have been started from this device. Please try again later.',
    retry: 'Try again',
    conversationGone: 'The conversation has ended or expired. You can start a new one.',
    notSent: 'Not sent yet. It will be sent when the connection is back.',
    saveAnswers: 'Save these answers',
    saveIntro: 'You can copy or download the details of the services you got. Nothing is sent anywhere.',
    copy: 'Copy',
    download: 'Download as a file',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copying did not work. You can download the details as a file.',
    fileName: 'opastin-services.txt',
    savedHeading: 'Opastin: services you got on {date}',
    exampleMark: 'Example data: not a real service.',
  },
};
