/**
 * What the resident reads when something happens without a bot turn (a counsellor joins, a
 * transfer, a timeout, the end). The feedback question comes from content/engine-texts.yaml
 * (keys feedbackQuestion, feedbackYes, feedbackNo) when that file has them, so the bot and the
 * handoff ask the same way; otherwise from the fallback below.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Lang } from './types';

type L = Record<Lang, string>;

export interface ResidentTexts {
  queued: L;
  queuedEstimate: L;
  queuedNoEstimate: L;
  joined: L;
  transferred: L;
  timedOut: L;
  returnedToQueue: L;
  cancelLostToAccept: L;
  endedBackToBot: L;
  closed: L;
  feedbackQuestion: L;
  feedbackYes: L;
  feedbackNo: L;
}

export const FALLBACK_TEXTS: ResidentTexts = {
  queued: {
    fi: 'Olet jonossa: {queue}. Paikkasi jonossa: {position}.',
    sv: 'Du står i kö: {queue}. Din plats i kön: {position}.',
    en: 'You are in the queue: {queue}. Your place in the queue: {position}.',
  },
  queuedEstimate: {
    fi: 'Arvioitu odotusaika on noin {minutes} min.',
    sv: 'Den uppskattade väntetiden är cirka {minutes} min.',
    en: 'The estimated wait is about {minutes} min.',
  },
  queuedNoEstimate: {
    fi: 'Odotusaikaa ei vielä osata arvioida. Saat viestin tähän, kun ohjaaja vastaa.',
    sv: 'Väntetiden kan inte uppskattas ännu. Du får ett meddelande här när en handledare svarar.',
    en: 'We cannot estimate the wait yet. You will get a message here when a counsellor answers.',
  },
  joined: {
    fi: '{name} liittyi keskusteluun.',
    sv: '{name} anslöt sig till samtalet.',
    en: '{name} joined the conversation.',
  },
  transferred: {
    fi: 'Keskustelusi siirrettiin jonoon: {queue}. Odota hetki, seuraava vapaa ohjaaja vastaa.',
    sv: 'Ditt samtal flyttades till kön: {queue}. Vänta en stund, nästa lediga handledare svarar.',
    en: 'Your conversation was moved to the queue: {queue}. Please wait, the next free counsellor will answer.',
  },
  timedOut: {
    fi: 'Ohjaajaa ei valitettavasti saatu tällä kertaa. Voit jatkaa keskustelua Opastimen kanssa tai yrittää myöhemmin uudelleen.',
    sv: 'Tyvärr fick vi inte tag på en handledare den här gången. Du kan fortsätta med Opastin eller försöka igen senare.',
    en: 'Unfortunately no counsellor was free this time. You can continue with Opastin or try again later.',
  },
  returnedToQueue: {
    fi: 'Ohjaajan yhteys katkesi, joten keskustelusi palasi jonoon: {queue}. Olet jonossa paikalla {position}, ja keskustelu jatkuu, kun ohjaaja vastaa. Sillä välin voit jatkaa Opastimen kanssa.',
    sv: 'Handledarens anslutning bröts, så ditt samtal gick tillbaka till kön: {queue}. Du har plats {position} i kön, och samtalet fortsätter när en handledare svarar. Under tiden kan du fortsätta med Opastin.',
    en: "The counsellor's connection was lost, so your conversation is back in the queue: {queue}. You are number {position} in the queue, and the conversation will continue when a counsellor answers. Meanwhile you can carry on with Opastin.",
  },
  cancelLostToAccept: {
    fi: '{name} ehti juuri vastata, joten odotusta ei peruttu. Voit kirjoittaa ohjaajalle tai lopettaa keskustelun.',
    sv: '{name} hann precis svara, så väntan avbröts inte. Du kan skriva till handledaren eller avsluta samtalet.',
    en: '{name} answered just as you cancelled, so the wait was not cancelled. You can write to the counsellor or end the conversation.',
  },
  endedBackToBot: {
    fi: 'Ohjaaja lopetti keskustelun. Voit jatkaa Opastimen kanssa.',
    sv: 'Handledaren avslutade samtalet. Du kan fortsätta med Opastin.',
    en: 'The counsellor ended the conversation. You can continue with Opastin.',
  },
  closed: {
    fi: 'Ohjaaja lopetti keskustelun. Kiitos yhteydenotosta!',
    sv: 'Handledaren avslutade samtalet. Tack för att du tog kontakt!',
    en: 'The counsellor ended the conversation. Thank you for getting in touch!',
  },
  feedbackQuestion: { fi: 'Saitko apua?', sv: 'Fick du hjälp?', en: 'Did you get help?' },
  feedbackYes: { fi: 'Kyllä', sv: 'Ja', en: 'Yes' },
  feedbackNo: { fi: 'En', sv: 'Nej', en: 'No' },
};

function localized(value: unknown): L | null {
  const v = value as Partial<L> | null;
  return v && typeof v.fi === 'string' && typeof v.sv === 'string' ? { fi: v.fi, sv: v.sv, en: typeof v.en === 'string' ? v.en : v.fi } : null;
}

/** Reads the shared feedback texts if content/engine-texts.yaml exists and has them. */
export function loadResidentTexts(contentDir: string): ResidentTexts {
  const file = path.join(contentDir, 'content', 'engine-texts.yaml');
  const texts = { ...FALLBACK_TEXTS };
  try {
    if (!fs.existsSync(file)) return texts;
    const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    const source = (doc && typeof doc.texts === 'object' ? doc.texts : doc) as Record<string, unknown> | null;
    for (const key of ['feedbackQuestion', 'feedbackYes', 'feedbackNo'] as const) {
      const found = localized(source?.[key]);
      if (found) texts[key] = found;
    }
  } catch {
    // A broken engine-texts file is the content check's to report; the handoff keeps its own words.
  }
  return texts;
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}
