/**
 * The three languages every resident-facing text exists in, defined once for every layer. A leaf
 * module: it imports nothing, so engine, content, nlu and state can use it without reaching up.
 */
export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

export function isLang(x: unknown): x is Lang {
  return x === 'fi' || x === 'sv' || x === 'en';
}

/** "sv-FI" → "sv"; anything unknown → null (so a caller can fall back to detection or a default). */
export function langFromLocale(locale: string | undefined | null): Lang | null {
  if (!locale) return null;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : null;
}
