/**
 * Provenance of county facts: every phone number, address, URL and opening-hours block in a
 * real (non-example) region pack says where it was read (`source:`, a URL) and when (`read:`).
 * A county editor re-checks a fact by opening that page; `content:check` warns when a fact was
 * read longer ago than the staleness setting (default six months), so nothing silently ages.
 *
 *   channels:
 *     - type: phone
 *       phone: "02 623 4380"
 *       source: https://satakunnanhyvinvointialue.fi/...
 *       read: 2026-12-01
 *       hours: { always: true }        # inherits the channel's source and read
 */
import { DateTime } from 'luxon';
import { readDate, readUrl, type AnyNode, type Ctx, type Field } from './read';
import type { Channel, IsoDate, Service } from './types';
import type { Reporter, YamlSource } from './yamlSource';

export interface Provenance {
  /** The page the fact was read from. */
  source: string;
  /** When it was read: the page's own date when it shows one, else the day an editor read it. */
  read: IsoDate;
}

/** Collected while reading, with the nodes diagnostics point at. */
export interface ProvenanceNodes {
  source?: string;
  read?: IsoDate;
  readNode?: AnyNode;
  /** Set when either field was written, so a half-filled pair can be reported. */
  keyNode?: AnyNode;
}

export const DEFAULT_STALE_MONTHS = 6;

export function readProvenance(ctx: Ctx, f: Map<string, Field>, what: string, into: ProvenanceNodes): void {
  const s = f.get('source');
  const r = f.get('read');
  if (s) {
    into.keyNode = s.key;
    const url = readUrl(ctx, s.value, `${what}.source`);
    if (url) into.source = url;
  }
  if (r) {
    into.keyNode ??= r.key;
    into.readNode = r.value;
    const date = readDate(ctx, r.value, `${what}.read`);
    if (date) into.read = date;
  }
}

export function complete(p: ProvenanceNodes | undefined): Provenance | undefined {
  return p?.source && p.read ? { source: p.source, read: p.read } : undefined;
}

/** Whole months between `read` and `now` (local calendar), for "read 7 months ago". */
export function monthsSince(read: IsoDate, now: Date): number {
  const d = DateTime.fromISO(read, { zone: 'Europe/Helsinki' });
  const n = DateTime.fromJSDate(now, { zone: 'Europe/Helsinki' });
  return Math.floor(n.diff(d, 'months').months);
}

export function isStale(read: IsoDate, now: Date, staleAfterMonths: number): boolean {
  return monthsSince(read, now) >= staleAfterMonths;
}

export interface ProvenanceNodesOfChannel {
  channel: Channel;
  node: AnyNode;
  own: ProvenanceNodes;
  hours: ProvenanceNodes;
}

export interface ProvenanceOptions {
  now: Date;
  staleAfterMonths: number;
}

/**
 * CAT033 when a real pack's channel lacks a source or a read date (its phone, address or URL
 * would be a fact nobody can re-check); CAT034 (warning) when a fact is older than the setting.
 * Example entries carry made-up data on purpose and are skipped.
 */
export function checkProvenance(
  service: Service,
  channels: ProvenanceNodesOfChannel[],
  src: YamlSource,
  rep: Reporter,
  options: ProvenanceOptions,
): void {
  if (service.example) return;
  for (const { channel, node, own, hours } of channels) {
    const fact = channel.phone ? 'phone number' : channel.address ? 'address' : 'URL';
    const where = own.keyNode ?? node;
    if (!own.source || !own.read) {
      const missing = [!own.source && 'source:', !own.read && 'read:'].filter(Boolean).join(' and ');
      rep.at(src, where, 'CAT033', `expected source: and read: on the ${fact} of this ${channel.type} channel in "${service.id}", found no ${missing}`,
        'add source: with the page the fact was read from and read: with the date (the page\'s own date if it shows one)');
      continue;
    }
    const checks: { p: ProvenanceNodes; what: string }[] = [{ p: own, what: `${fact} (${channel.type})` }];
    if (hours.source || hours.read) checks.push({ p: hours, what: `opening hours (${channel.type})` });
    for (const { p, what } of checks) {
      if (p.read && isStale(p.read, options.now, options.staleAfterMonths)) {
        rep.at(src, p.readNode ?? where, 'CAT034',
          `expected the ${what} of "${service.id}" to have been read within ${options.staleAfterMonths} months, found read: ${p.read} (${monthsSince(p.read, options.now)} months ago)`,
          `open ${p.source ?? own.source} and check the fact, then update read:`, 'warning');
      }
    }
  }
}
