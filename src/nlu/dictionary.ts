/**
 * Words of a language that are spelled right, whether or not Opastin's own content uses them:
 * typo correction leaves them as typed. Without it the corrector only knew the words of the
 * training content, and "corrected" everyday words into content words: "miksi" (why) into
 * "öiksi", "våningen" (the floor) into "åringen", "helpotus" (relief) into "helpota" (blind set
 * S). A wrong correction is worse than none: the risk rules and topics then read a word the
 * resident never wrote.
 *
 * The lists are content/nlu/dictionary/<lang>.txt, one word a line, made by
 * `npm run nlu:dictionary` from a public word-frequency list of film subtitles (its README gives
 * the source, the licence and the date): subtitles hold spoken forms ("tohon", "mitä sä teet")
 * that a written-language dictionary lacks. A missing list is no error: correction then works as
 * before, from the content alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fold } from './fold';
import { LANGS, Lang } from './types';

/** The words and their ä/ö/å-folded forms: "paivaa" typed without ä is the word "päivää". */
export type Dictionary = ReadonlySet<string>;

export const dictionaryFile = (nluDir: string, lang: Lang): string => path.join(nluDir, 'dictionary', `${lang}.txt`);

/** One list's words (lower case, NFC) with their folded forms. */
export function parseDictionary(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const w = line.trim().toLowerCase().normalize('NFC');
    if (!w || w.startsWith('#')) continue;
    out.add(w);
    out.add(fold(w));
  }
  return out;
}

/** Every language's list found under `nluDir`; a language without one gets an empty set. */
export function readDictionaries(nluDir: string): Map<Lang, Dictionary> {
  return new Map(
    LANGS.map((lang) => {
      const file = dictionaryFile(nluDir, lang);
      return [lang, existsSync(file) ? parseDictionary(readFileSync(file, 'utf8')) : new Set<string>()];
    }),
  );
}
