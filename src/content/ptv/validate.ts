/**
 * Checks that an export has the shape the importer needs, listing every problem at once
 * ("services[2].serviceNames: expected a list, found a string") so one run shows what to fix.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { PTV_EXPORT_SCHEMA } from './ptvSchema';
import type { PtvExport } from './types';

/** PTV's own rules (ptvSchema.ts), checked once the basic shape is right. */
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('date-time', (v: string) => !Number.isNaN(Date.parse(v)));
const schemaCheck = ajv.compile(PTV_EXPORT_SCHEMA);

/** "/serviceChannels/0/phoneNumbers/1/number" → "serviceChannels[0].phoneNumbers[1].number". */
function where(e: ErrorObject): string {
  return e.instancePath.split('/').slice(1).reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '') || 'file';
}

function schemaErrors(input: unknown): string[] {
  if (schemaCheck(input)) return [];
  return (schemaCheck.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => `${where(e)}: expected ${e.message ?? 'a valid value'} (PTV v11 schema), found ${JSON.stringify(e.data)?.slice(0, 60) ?? 'nothing'}`);
}

const CHANNEL_TYPES = ['EChannel', 'Phone', 'PrintableForm', 'ServiceLocation', 'WebPage'];
const HOUR_TYPES = ['DaysOfTheWeek', 'Exceptional', 'OverMidnight'];

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function validatePtvExport(input: unknown): { ok: true; value: PtvExport } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const expect = (cond: boolean, where: string, what: string, found: unknown): boolean => {
    if (!cond) errors.push(`${where}: expected ${what}, found ${kind(found)}`);
    return cond;
  };
  const texts = (v: unknown, where: string, required: boolean): void => {
    if (v === undefined && !required) return;
    if (!expect(Array.isArray(v), where, 'a list of {language, value}', v)) return;
    (v as unknown[]).forEach((t, i) => {
      const ok = isObj(t) && typeof t.language === 'string' && typeof t.value === 'string';
      expect(ok, `${where}[${i}]`, 'an object with text "language" and "value"', t);
    });
  };
  if (!expect(isObj(input), 'file', 'a JSON object { services, serviceChannels }', input)) return { ok: false, errors };
  const root = input as Record<string, unknown>;
  if (expect(Array.isArray(root.services), 'services', 'a list', root.services)) {
    (root.services as unknown[]).forEach((s, i) => {
      const w = `services[${i}]`;
      if (!expect(isObj(s), w, 'an object', s) || !isObj(s)) return;
      expect(typeof s.id === 'string' && s.id !== '', `${w}.id`, 'a non-empty text id', s.id);
      texts(s.serviceNames, `${w}.serviceNames`, true);
      texts(s.serviceDescriptions, `${w}.serviceDescriptions`, false);
      if (s.serviceChannels !== undefined && expect(Array.isArray(s.serviceChannels), `${w}.serviceChannels`, 'a list', s.serviceChannels)) {
        (s.serviceChannels as unknown[]).forEach((c, j) => {
          const ok = isObj(c) && isObj(c.serviceChannel) && typeof c.serviceChannel.id === 'string';
          expect(ok, `${w}.serviceChannels[${j}]`, 'an object { serviceChannel: { id } }', c);
        });
      }
    });
  }
  if (expect(Array.isArray(root.serviceChannels), 'serviceChannels', 'a list', root.serviceChannels)) {
    (root.serviceChannels as unknown[]).forEach((c, i) => {
      const w = `serviceChannels[${i}]`;
      if (!expect(isObj(c), w, 'an object', c) || !isObj(c)) return;
      expect(typeof c.id === 'string' && c.id !== '', `${w}.id`, 'a non-empty text id', c.id);
      if (!CHANNEL_TYPES.includes(c.serviceChannelType as string)) {
        errors.push(`${w}.serviceChannelType: expected one of ${CHANNEL_TYPES.join(', ')}, found ${JSON.stringify(c.serviceChannelType)}`);
      }
      texts(c.serviceChannelNames, `${w}.serviceChannelNames`, false);
      if (c.phoneNumbers !== undefined && expect(Array.isArray(c.phoneNumbers), `${w}.phoneNumbers`, 'a list', c.phoneNumbers)) {
        (c.phoneNumbers as unknown[]).forEach((p, j) =>
          expect(isObj(p) && typeof p.number === 'string', `${w}.phoneNumbers[${j}]`, 'an object with text "number"', p));
      }
      if (c.webPages !== undefined && expect(Array.isArray(c.webPages), `${w}.webPages`, 'a list', c.webPages)) {
        (c.webPages as unknown[]).forEach((p, j) =>
          expect(isObj(p) && typeof p.url === 'string', `${w}.webPages[${j}]`, 'an object with text "url"', p));
      }
      if (c.serviceHours !== undefined && expect(Array.isArray(c.serviceHours), `${w}.serviceHours`, 'a list', c.serviceHours)) {
        (c.serviceHours as unknown[]).forEach((h, j) => {
          const hw = `${w}.serviceHours[${j}]`;
          if (!expect(isObj(h), hw, 'an object', h) || !isObj(h)) return;
          if (!HOUR_TYPES.includes(h.serviceHourType as string)) {
            errors.push(`${hw}.serviceHourType: expected one of ${HOUR_TYPES.join(', ')}, found ${JSON.stringify(h.serviceHourType)}`);
          }
          if (h.openingHour !== undefined) {
            if (expect(Array.isArray(h.openingHour), `${hw}.openingHour`, 'a list of {dayFrom, dayTo, from, to}', h.openingHour)) {
              (h.openingHour as unknown[]).forEach((o, k) =>
                expect(isObj(o) && typeof o.dayFrom === 'string', `${hw}.openingHour[${k}]`, 'an object with text "dayFrom"', o));
            }
          }
        });
      }
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const strict = schemaErrors(input);
  return strict.length > 0 ? { ok: false, errors: strict } : { ok: true, value: input as unknown as PtvExport };
}
