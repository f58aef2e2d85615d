/**
 * Residents' words are health-adjacent personal data. Logs must never carry message text,
 * Finnish personal identity codes (henkilötunnus), phone numbers or e-mail addresses.
 *
 * Two layers: keys that hold free text are dropped whole (we never want them, redacted or not),
 * and every other string is scrubbed for identifiers in case one slips into an error message.
 */

/** Keys whose values are resident free text or credentials: removed, not scrubbed. */
export const DROPPED_KEYS = new Set([
  'text',
  'speak',
  'value',
  'attachments',
  'entities',
  'summary',
  'transcript',
  'authorization',
  'cookie',
  'password',
  'body',
]);

// Henkilötunnus: DDMMYY, century sign (- + A–F, or the 2023 additions U–Y), 3 digits, check char.
const IDENTITY_CODE = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// Phone numbers: optional +, then 7+ digits possibly split by spaces, dashes or parentheses.
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s()-]{5,}\d(?![\p{L}\p{N}])/gu;

export function scrubString(value: string): string {
  return value
    .replace(IDENTITY_CODE, '[identity-code]')
    .replace(EMAIL, '[email]')
    .replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 7 ? '[phone]' : match));
}

/** Returns a copy safe to log. Depth-limited so a cyclic or huge object cannot stall logging. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[truncated]';
  if (value instanceof Error) {
    return { type: value.name, message: scrubString(value.message), stack: value.stack ? scrubString(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => scrubValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = DROPPED_KEYS.has(key.toLowerCase()) ? '[dropped]' : scrubValue(inner, depth + 1);
  }
  return out;
}
