/** The three languages every resident-facing text exists in. */
export type Lang = 'fi' | 'sv' | 'en';
export const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];
export type Localized = Record<Lang, string>;

/** "sv-FI" → "sv"; anything unknown → null (so a caller can fall back to detection or a default). */
export function langFromLocale(locale: string | undefined | null): Lang | null {
  if (!locale) return null;
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : null;
}
