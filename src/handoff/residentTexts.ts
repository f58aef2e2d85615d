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
    sv: 'Du står i kön till {queue}. Din plats i kön: {position}.',
    en: 'You are in the queue: {queue}. Your place in the queue: {position}.',
  },
  queuedEstimate: {
    fi: 'Arvioitu odotusaika on noin {minutes} min.',
    sv: 'Den uppskattade väntetiden är cirka {minutes} min.',
    en: 'The estimated wait is about {minutes} min.',
  },
  queuedNoEstimate: {
    fi: 'Emme vielä pysty arvioimaan odotusaikaa. Saat viestin tähän, kun työntekijä vastaa.',
    sv: 'Vi kan inte uppskatta väntetiden ännu. Du får ett meddelande här när en anställd svarar.',
    en: 'We cannot estimate the wait yet. You will get a message here when a staff member answers.',
  },
  joined: {
    fi: '{name} liittyi keskusteluun.',
    sv: '{name} anslöt sig till samtalet.',
    en: '{name} joined the conversation.',
  },
  transferred: {
    fi: 'Keskustelusi siirrettiin jonoon: {queue}. Odota hetki, seuraava vapaa työntekijä vastaa.',
    sv: 'Ditt samtal flyttades till kön till {queue}. Vänta en stund, nästa lediga anställda svarar.',
    en: 'Your conversation was moved to the queue: {queue}. Please wait, the next free staff member will answer.',
  },
  timedOut: {
    fi: 'Valitettavasti kukaan työntekijä ei ehtinyt vastata tällä kertaa. Voit jatkaa keskustelua Opastimen kanssa tai yrittää myöhemmin uudelleen. Jos olet vaarassa, soita 112.',
    sv: 'Tyvärr hann ingen anställd svara den här gången. Du kan fortsätta chatta med Opastin eller försöka igen senare. Om du är i fara, ring 112.',
    en: 'Unfortunately no staff member was free to answer this time. You can keep chatting with Opastin or try again later. If you are in danger, call 112.',
  },
  returnedToQueue: {
    fi: 'Työntekijän yhteys katkesi, joten keskustelusi palasi jonoon: {queue}. Olet jonossa paikalla {position}, ja keskustelu jatkuu, kun työntekijä vastaa. Sillä välin voit jatkaa keskustelua Opastimen kanssa.',
    sv: 'Den anställdas anslutning bröts, så ditt samtal gick tillbaka till kön till {queue}. Du har plats {position} i kön, och samtalet fortsätter när en anställd svarar. Under tiden kan du fortsätta chatta med Opastin.',
    en: "The staff member's connection was lost, so your conversation is back in the queue: {queue}. You are number {position} in the queue, and the conversation will continue when a staff member answers. Meanwhile you can keep chatting with Opastin.",
  },
  cancelLostToAccept: {
    fi: '{name} ehti juuri vastata, joten odotusta ei peruttu. Voit kirjoittaa työntekijälle tai lopettaa keskustelun.',
    sv: '{name} hann precis svara, så väntan avbröts inte. Du kan skriva till den anställda eller avsluta samtalet.',
    en: '{name} answered just as you cancelled, so the wait was not cancelled. You can write to the staff member or end the conversation.',
  },
  endedBackToBot: {
    fi: 'Työntekijä lopetti keskustelun. Voit jatkaa keskustelua Opastimen kanssa.',
    sv: 'Den anställda avslutade samtalet. Du kan fortsätta chatta med Opastin.',
    en: 'The staff member ended the conversation. You can keep chatting with Opastin.',
  },
  closed: {
    fi: 'Työntekijä lopetti keskustelun. Kiitos yhteydenotosta!',
    sv: 'Den anställda avslutade samtalet. Tack för att du tog kontakt!',
    en: 'The staff member ended the conversation. Thank you for getting in touch!',
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
