/**
 * One PTV service (+ its channels) → one region-pack service entry, as plain data ready for
 * YAML. Nothing is invented: what PTV does not say (topic, anonymity) is left at a safe default
 * and reported; texts in languages the bot does not speak are kept under otherLanguages.
 */
import { LANGS, type Channel, type Lang, type LocalizedText, type Topic } from '../catalogue/types';
import { convertHours } from './hours';
import { guessTopic, type TopicMap } from './topicMap';
import type { PtvServiceChannel, PtvService, PtvText } from './types';

export interface ConvertOptions {
  regionId: string;
  checkedOn: string;
  example: boolean;
  topicMap: TopicMap;
}

/** A service as it will be written: field order matches docs/catalogue.md. */
export type ServiceYaml = Record<string, unknown> & { id: string; topic: Topic };

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äå]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .replace(/[_\s-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
}

/** Picks one text per language, preferring the given types in order (Name before AlternativeName). */
function byLanguage(texts: PtvText[] | undefined, preferTypes: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const rank = (t: PtvText): number => {
    const i = preferTypes.indexOf(t.type ?? '');
    return i === -1 ? preferTypes.length : i;
  };
  for (const t of [...(texts ?? [])].sort((a, b) => rank(a) - rank(b))) {
    if (t.value.trim() && !out.has(t.language)) out.set(t.language, t.value.trim());
  }
  return out;
}

function localized(m: Map<string, string>): Partial<LocalizedText> {
  const out: Partial<LocalizedText> = {};
  for (const l of LANGS) if (m.has(l)) out[l] = m.get(l)!;
  return out;
}

/** PTV descriptions can be long; a card wants the first sentence or two (≤ 200 chars). */
function short(text: string): string {
  if (text.length <= 200) return text;
  const cut = text.slice(0, 200);
  const end = cut.lastIndexOf('. ');
  return end > 60 ? cut.slice(0, end + 1) : `${cut.slice(0, 197).trimEnd()}...`;
}

/** v11 values, and the v7-and-older ones some exports still carry. */
const CHARGE: Record<string, Channel['charge']> = { FreeOfCharge: 'free', Chargeable: 'normal', Free: 'free', Charged: 'normal', Other: 'unknown' };

/** Where a channel's facts can be re-read: PTV's public read API for that channel. */
export function ptvChannelUrl(id: string): string {
  return `https://api.palvelutietovaranto.suomi.fi/api/v11/ServiceChannel/${id}`;
}

function convertChannel(ch: PtvServiceChannel, where: string, warn: (m: string) => void, read: string): Channel[] {
  const names = localized(byLanguage(ch.serviceChannelNames, ['Name']));
  const label = names.fi && names.sv ? { fi: names.fi, sv: names.sv, en: names.en ?? names.fi } : undefined;
  if (!label && (names.fi || names.sv)) warn(`${where}: channel name "${names.fi ?? names.sv}" lacks fi or sv and was not used as a label`);
  const hours = convertHours(ch.serviceHours ?? [], where, warn);
  // Field order as editors read it: type, label, contact, hours, the rest.
  const withCommon = (c: Channel): Channel => {
    const { type, ...rest } = c;
    // Provenance: every imported fact cites the PTV channel it came from and the export date.
    return { type, ...(label ? { label } : {}), ...rest, source: ptvChannelUrl(ch.id), read, ...(hours ? { hours } : {}) } as Channel;
  };
  switch (ch.serviceChannelType) {
    case 'Phone':
      if (!ch.phoneNumbers?.length) warn(`${where}: phone channel without phone numbers was skipped`);
      return (ch.phoneNumbers ?? []).map((p) => {
        const phone = p.prefixNumber ? `${p.prefixNumber} ${p.number}` : p.number;
        const c: Channel = { type: 'phone', phone };
        if (p.serviceChargeType && CHARGE[p.serviceChargeType]) c.charge = CHARGE[p.serviceChargeType]!;
        if (p.language && (LANGS as readonly string[]).includes(p.language)) c.languages = [p.language as Lang];
        if (p.additionalInformation) warn(`${where}: phone ${phone} has additional information "${p.additionalInformation}"; add it to notes if residents need it`);
        return withCommon(c);
      });
    case 'WebPage':
    case 'EChannel':
    case 'PrintableForm': {
      const page = ch.webPages?.find((w) => w.language === 'fi') ?? ch.webPages?.[0];
      if (!page) {
        warn(`${where}: ${ch.serviceChannelType} channel without a web page was skipped`);
        return [];
      }
      const isChat = /chat|chatt/i.test(Object.values(names).join(' '));
      return [withCommon({ type: isChat ? 'chat' : 'web', url: page.url })];
    }
    case 'ServiceLocation': {
      const a = ch.addresses?.find((x) => (x.type ?? 'Visiting') === 'Visiting')?.streetAddress;
      const street = byLanguage(a?.street, []);
      const office = byLanguage(a?.postOffice, []);
      const line = (l: string): string | undefined => {
        const s = street.get(l) ?? street.get('fi');
        const o = office.get(l) ?? office.get('fi');
        return s ? `${s}${a?.streetNumber ? ` ${a.streetNumber}` : ''}, ${a?.postalCode ?? ''} ${o ?? ''}`.trim() : undefined;
      };
      const fi = line('fi');
      if (!fi) {
        warn(`${where}: service location without a visiting address was skipped`);
        return [];
      }
      return [withCommon({ type: 'walk-in', address: { fi, sv: line('sv') ?? fi, en: line('en') ?? fi } })];
    }
    default:
      return [];
  }
}

export function convertService(
  s: PtvService,
  channelsById: Map<string, PtvServiceChannel>,
  id: string,
  opts: ConvertOptions,
  warn: (m: string) => void,
): ServiceYaml {
  const where = `service ${s.id}`;
  const names = byLanguage(s.serviceNames, ['Name', 'AlternativeName']);
  const descs = byLanguage(s.serviceDescriptions, ['Summary', 'Description']);
  for (const l of ['fi', 'sv'] as const) {
    if (!names.has(l)) warn(`${where}: no ${l} name in PTV; content:check will fail (CAT011) until you add one`);
  }
  const words = [...names.values(), ...descs.values(), ...(s.ontologyTerms ?? []).flatMap((t) => (t.name ?? []).map((n) => n.value))];
  const topic = guessTopic(s.id, words, opts.topicMap);
  if (topic === 'unknown') warn(`${where} ("${names.get('fi') ?? id}"): no topic matched; set "topic:" in ${id}.yaml (CAT032)`);

  const channels: Channel[] = [];
  for (const link of s.serviceChannels ?? []) {
    const ch = channelsById.get(link.serviceChannel.id);
    if (!ch) {
      warn(`${where}: channel ${link.serviceChannel.id} is not in the export and was skipped`);
      continue;
    }
    channels.push(...convertChannel(ch, `channel ${ch.id}`, warn, opts.checkedOn));
  }
  if (channels.length === 0) warn(`${where}: no usable channels; content:check will report CAT004`);

  const other: Record<string, { name?: string; description?: string }> = {};
  for (const [lang, value] of names) if (!(LANGS as readonly string[]).includes(lang)) other[lang] = { name: value };
  for (const [lang, value] of descs) {
    if (!(LANGS as readonly string[]).includes(lang)) other[lang] = { ...(other[lang] ?? {}), description: short(value) };
  }

  const out: ServiceYaml = { id, topic };
  if (opts.example) out.example = true;
  out.name = localized(names);
  out.description = Object.fromEntries(Object.entries(localized(descs)).map(([l, v]) => [l, short(v as string)]));
  out.channels = channels;
  out.anonymous = false;
  out.checkedOn = opts.checkedOn;
  out.source = `Suomi.fi PTV service ${s.id}`;
  if (Object.keys(other).length > 0) out.otherLanguages = other;
  return out;
}
