/**
 * Generators for hostile input: odd Unicode (NUL, bidi overrides, combining marks, zero-width,
 * emoji sequences, lone surrogates), HTML, glob characters, wrong types for every field, deep
 * nesting and huge values. Shared by the CI fuzz suite and `npm run fuzz`.
 */
import fc from 'fast-check';

export const ODD_PIECES = [
  '\u0000', '\u0007', '\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\u200f', '\ufeff', 'e\u0301', 'a\u0308\u0308\u0308',
  '😀', '👩‍👩‍👧‍👦', '🇫🇮', '\ud800', '\udfff', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))',
  '"', "'", '\\', '%00', '%', '*', '?', '[a-z]', '{', '}', '\r\n', '\t', 'ä', 'ö', 'å', 'ß', 'ı', 'İ', '010101-123N', '040 123 4567',
  '../../etc/passwd', '__proto__', 'constructor', 'toString', 'null', 'undefined', 'NaN', '-1', '1e400',
];

export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.oneof(fc.constantFrom(...ODD_PIECES), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join('')),
);

export function nested(depth: number, key = 'a'): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

export const deepValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 20, max: 3000 }).map((n) => nested(n)),
  fc.integer({ min: 20, max: 3000 }).map((n) => {
    let v: unknown = [];
    for (let i = 0; i < n; i++) v = [v];
    return v;
  }),
);

export const hugeString: fc.Arbitrary<string> = fc.integer({ min: 4_001, max: 20_000 }).map((n) => 'å'.repeat(n));

/** Any JSON-ish value, weighted towards the nasty ones. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
  { arbitrary: oddString, weight: 3 },
  { arbitrary: deepValue, weight: 1 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, '', [], {}), weight: 2 },
  { arbitrary: fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), weight: 1 },
);

/** Mostly the valid value, sometimes a wrong type, sometimes missing. */
export function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: anyValue, weight: 2 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

/** An object with these fields (each maybe wrong or missing) plus a few random extra keys. */
export function looseRecord(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields).map(([k, arb]) => [k, mostly(arb)] as const);
  return fc
    .tuple(fc.record(Object.fromEntries(entries)), fc.dictionary(oddString, anyValue, { maxKeys: 3 }))
    .map(([known, extra]) => {
      const out: Record<string, unknown> = { ...extra };
      for (const [k, v] of Object.entries(known)) if (v !== undefined) out[k] = v;
      return out;
    });
}

/** Raw bodies that are not (valid) JSON, or are JSON of the wrong shape. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  oddString,
  fc.constantFrom('{', '[', '{"type":', '{"a":1}}', 'null', '"x"', '1', 'true', '[]', '{"__proto__":{"polluted":1}}', '\u0000{}'),
  fc.integer({ min: 1, max: 80 }).map((n) => '['.repeat(n * 100)),
  fc.integer({ min: 60, max: 120 }).map((kb) => `{"type":"message","text":"${'x'.repeat(kb * 1024)}"}`),
);

export const locale = fc.constantFrom('fi-FI', 'sv-FI', 'en-US', 'fi', 'sv', 'en', 'xx', 'FI-fi', 'de-DE');
