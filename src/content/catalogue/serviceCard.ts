/**
 * What a resident sees about one service: plain text with light markdown (bold title, "- "
 * list), or the same facts as structured data for an adaptive card. No HTML: the text goes
 * to web chat, Teams and SMS-like channels alike.
 *
 * Every channel is listed, in the order the editor wrote them: a phone line or a visiting
 * address is never dropped in favour of a digital channel.
 */
import { telUri } from './contacts';
import { describeOpening, describeWeekly } from './describeOpening';
import { CHANNEL_NAMES, CHARGE_NAMES, LANGUAGE_NAMES, MARKERS, formatDate } from './labels';
import { MinuteCache } from './minuteCache';
import { DEFAULT_TIMEZONE, openingStatus, type OpeningStatus } from './openingHours';
import type { Catalogue, ChannelType, Lang, Service } from './types';

export interface ChannelCardData {
  type: ChannelType;
  /** The editor's label, or the channel kind ("Puhelin", "Chatt", "Online"). */
  title: string;
  phone?: string;
  /** "tel:+358…" for a tap-to-call button. */
  tel?: string;
  url?: string;
  address?: string;
  status?: OpeningStatus;
  /** "Avoinna nyt, klo 16.00 asti". */
  statusText?: string;
  /** "ma–pe klo 9.00–20.00"; empty for always/unknown. */
  weeklyText?: string;
  chargeText?: string;
  /** Set only when the channel does not serve the reader's language: "suomi, englanti". */
  languagesText?: string;
  /** "betjänar på svenska" when the channel says it serves the (non-Finnish) reader's language. */
  servesText?: string;
  notes?: string;
  /** Omaolo only: "Valitse Omaolossa: Hengitystietulehdus, …" (the county's enabled assessments). */
  pickText?: string;
}

export interface ServiceCardData {
  id: string;
  title: string;
  description: string;
  example: boolean;
  /** "(esimerkkitieto)" etc. when `example`. */
  exampleLabel?: string;
  anonymous: boolean;
  anonymousText?: string;
  checkedOn: string;
  checkedOnText: string;
  channels: ChannelCardData[];
  notes?: string;
  /** "Neuvonta: Perheneuvonta — Avoinna nyt … — voit jättää yhteydenottopyynnön" (a counsellor queue). */
  queueText?: string;
  /** Where to find a contact the county has not published (the service's `findContact`). */
  findContactText?: string;
  /** A draft pack's own service: its facts are not yet confirmed by the county. */
  draftText?: string;
}

export function renderServiceCardData(
  service: Service,
  lang: Lang,
  now: Date,
  timezone: string = DEFAULT_TIMEZONE,
): ServiceCardData {
  const m = MARKERS[lang];
  const channels = service.channels.map((c): ChannelCardData => {
    const d: ChannelCardData = { type: c.type, title: c.label?.[lang] ?? CHANNEL_NAMES[lang][c.type] };
    if (c.phone) {
      d.phone = c.phone;
      d.tel = telUri(c.phone);
    }
    if (c.url) d.url = c.url;
    if (c.address) d.address = c.address[lang];
    if (c.hours) {
      d.status = openingStatus(c.hours, now, timezone);
      d.statusText = describeOpening(c.hours, lang, now, timezone);
      const weekly = describeWeekly(c.hours, lang);
      if (weekly) d.weeklyText = weekly;
    }
    const charge = c.charge ? CHARGE_NAMES[lang][c.charge] : '';
    if (charge) d.chargeText = charge;
    if (c.languages && c.languages.length > 0 && !c.languages.includes(lang)) {
      d.languagesText = c.languages.map((l) => LANGUAGE_NAMES[lang][l]).join(', ');
    } else if (c.languages?.includes(lang) && m.servesInYourLanguage) {
      d.servesText = m.servesInYourLanguage;
    }
    if (c.notes) d.notes = c.notes[lang];
    return d;
  });
  const data: ServiceCardData = {
    id: service.id,
    title: service.name[lang],
    description: service.description[lang],
    example: service.example === true,
    anonymous: service.anonymous,
    checkedOn: service.checkedOn,
    checkedOnText: `${m.checkedOn} ${formatDate(service.checkedOn, lang)}`,
    channels,
  };
  if (data.example) data.exampleLabel = m.example;
  if (service.anonymous) data.anonymousText = m.anonymous;
  if (service.notes) data.notes = service.notes[lang];
  return data;
}

function channelLine(c: ChannelCardData, lang: Lang): string {
  const contact = c.phone ?? c.url ?? c.address ?? '';
  const parts = [`- ${c.title}: ${contact}`];
  if (c.statusText) parts.push(c.weeklyText ? `${c.statusText} (${c.weeklyText})` : c.statusText);
  if (c.chargeText) parts.push(c.chargeText);
  if (c.languagesText) parts.push(`${MARKERS[lang].languages}: ${c.languagesText}`);
  if (c.servesText) parts.push(c.servesText);
  if (c.notes) parts.push(c.notes);
  return parts.join(' — ');
}

const cardCache = new MinuteCache<Catalogue, Readonly<ServiceCardData>>();

/**
 * The card as data with everything the text version says (Omaolo's assessments, the counsellor
 * queue): what a rich client renders as a structured block (it travels in channelData). Built once
 * per clock minute per catalogue, service and language (minuteCache.ts): opening status changes
 * once a minute at most, and luxon's time-zone work was the largest item of a profiled turn.
 */
export function serviceCardFor(service: Service, lang: Lang, now: Date, catalogue: Catalogue): ServiceCardData {
  return cardCache.get(catalogue, now, `${service.id} ${lang}`, (minuteStart) => buildCardData(service, lang, minuteStart, catalogue)) as ServiceCardData;
}

function buildCardData(service: Service, lang: Lang, now: Date, catalogue: Catalogue): ServiceCardData {
  const timezone = catalogue.region.timezone;
  const data = renderServiceCardData(service, lang, now, timezone);
  const m = MARKERS[lang];
  data.channels.forEach((c, i) => {
    // Omaolo has no deep links per assessment: name the ones this county has enabled.
    if (service.channels[i]?.type === 'omaolo' && catalogue.omaolo.enabled.length > 0) {
      const names = catalogue.omaolo.enabled.map((id) => catalogue.omaolo.assessments.get(id)?.name[lang]).filter(Boolean);
      c.pickText = `${m.omaoloPick}: ${names.join(', ')}`;
    }
  });
  const queue = service.queue ? catalogue.queues.get(service.queue) : undefined;
  if (queue) {
    const bits = [`${m.queue}: ${queue.name[lang]}`, describeOpening(queue.hours, lang, now, timezone)];
    if (queue.acceptsContactRequests) bits.push(m.contactRequests);
    data.queueText = bits.join(' — ');
  }
  if (service.findContact) data.findContactText = service.findContact[lang];
  // A draft pack's facts are public but not yet confirmed by the county: say so, gently.
  if (catalogue.region.status === 'draft' && service.origin === catalogue.region.id) data.draftText = m.draft;
  return data;
}

export function renderServiceCard(service: Service, lang: Lang, now: Date, catalogue: Catalogue): string {
  return serviceCardText(serviceCardFor(service, lang, now, catalogue), lang);
}

/** The plain-text (light markdown) card, for channels that show text only. */
export function serviceCardText(data: ServiceCardData, lang: Lang): string {
  const lines: string[] = [];
  lines.push(data.exampleLabel ? `**${data.title}** ${data.exampleLabel}` : `**${data.title}**`);
  lines.push(data.description);
  for (const c of data.channels) {
    lines.push(channelLine(c, lang));
    if (c.pickText) lines.push(`  ${c.pickText}`);
  }
  if (data.queueText) lines.push(data.queueText);
  if (data.findContactText) lines.push(data.findContactText);
  if (data.anonymousText) lines.push(data.anonymousText);
  if (data.notes) lines.push(data.notes);
  lines.push(`${data.checkedOnText}.`);
  if (data.draftText) lines.push(`_${data.draftText}_`);
  return lines.join('\n');
}
