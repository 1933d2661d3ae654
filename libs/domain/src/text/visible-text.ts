import { z } from 'zod';

/**
 * Text that is blank to the eye. A title, a required reason or a name made only of zero-width spaces,
 * joiners, the word joiner, byte-order marks, soft hyphens, non-breaking or ideographic spaces looks
 * empty on every screen but passes a `\S` check. Every required text, in the API's DTOs and in the
 * workflow rules, is judged by this one helper so the two never disagree.
 *
 * Invisible here: white space of any kind (`\s` covers NBSP, U+2000–U+200A, U+3000, U+FEFF), control
 * characters, format characters (Cf: U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+00AD…), every
 * default-ignorable code point (Hangul fillers, variation selectors, U+180E, tags) and the blank
 * braille pattern. Inside a text they are kept (a ZWJ joins an emoji); only the ends are trimmed.
 */
const INVISIBLE = '[\\s\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}\\u2800]';
const EDGES = new RegExp(`^${INVISIBLE}+|${INVISIBLE}+$`, 'gu');
const ANY = new RegExp(INVISIBLE, 'gu');

/** NFC, without invisible characters at either end: the form in which a text is kept. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(EDGES, '');
}

/** True when there is nothing to see: not a string, empty, or only invisible characters. */
export function isBlankText(text: unknown): boolean {
  return typeof text !== 'string' || text.replace(ANY, '').length === 0;
}

/**
 * The same judgement for process payloads (zod): kept cleaned (NFC, no invisible ends), so text blank
 * to the eye becomes '' and fails `min(1)`. `overwrite` keeps the schema representable in OpenAPI.
 */
export const requiredText = (max: number) => z.string().overwrite(cleanText).min(1).max(max);
/** Optional free text in a payload, cleaned the same way. */
export const optionalText = (max: number) => z.string().overwrite(cleanText).max(max);
