/**
 * Facts, not inventions. National phone numbers may appear only if they are in the checked
 * reference list (/work/shared/reference/national-contacts.md, "late 2026"); example data must
 * use numbers and addresses nobody can reach by accident, and real data must not carry them.
 */

/** Checked national numbers, as published in the reference file (checked on 2026-11-01). */
export const REFERENCE_PHONES: readonly string[] = [
  '112',
  '116117',
  '09 2525 0111',
  '09 2525 0112',
  '0800 147 111',
  '09 471 977',
  '080 005 005',
  '116 016',
  '0800 900 45',
  '116 006',
];

/** Hosts of national services named in the reference file; example entries may link to them. */
export const REFERENCE_HOSTS: readonly string[] = ['omaolo.fi', 'mieli.fi', 'nollalinja.fi', 'sekasin.fi'];

/** Digits only, with +358 turned into the domestic leading 0, so spacing never matters. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+358')) return `0${digits.slice(4)}`;
  if (digits.startsWith('00358')) return `0${digits.slice(5)}`;
  return digits.replace(/\+/g, '');
}

const REFERENCE_SET = new Set(REFERENCE_PHONES.map(normalisePhone));

export function isReferencePhone(phone: string): boolean {
  return REFERENCE_SET.has(normalisePhone(phone));
}

/** "+358 0 000 0000" and the like: all zeros after the trunk prefix, unreachable by design. */
export function isPlaceholderPhone(phone: string): boolean {
  return /^0+$/.test(normalisePhone(phone));
}

/** Reserved names (RFC 2606/6761) can never resolve to somebody's real site. */
export function isReservedUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return /\.(invalid|example|test|localhost)$/.test(host) || host === 'invalid' || /^(www\.)?example\.(com|net|org)$/.test(host);
  } catch {
    return false;
  }
}

export function isReferenceUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
    return REFERENCE_HOSTS.includes(host);
  } catch {
    return false;
  }
}

/** A dialable form for links (tel:), e.g. "09 2525 0111" → "+358925250111"; short numbers stay. */
export function telUri(phone: string): string {
  const n = normalisePhone(phone);
  if (n.startsWith('0') && n.length > 6) return `tel:+358${n.slice(1)}`;
  return `tel:${n}`;
}
