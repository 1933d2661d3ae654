import { cleanText, isBlankText } from './visible-text';

describe('text blank to the eye', () => {
  it.each([
    ['empty', ''],
    ['spaces and tabs', ' \t\n '],
    ['zero-width space', '\u200B'],
    ['zero-width non-joiner and joiner', '\u200C\u200D'],
    ['word joiner and BOM', '\u2060\uFEFF'],
    ['no-break and ideographic spaces', '\u00A0\u3000\u202F'],
    ['soft hyphen and Mongolian vowel separator', '\u00AD\u180E'],
    ['bidi marks and overrides', '\u200E\u200F\u202A\u202E'],
    ['Hangul filler and blank braille', '\u3164\u2800'],
    ['a mix', ' \u200B\u00A0\uFEFF\u2060 '],
  ])('is blank: %s', (_, text) => {
    expect(isBlankText(text)).toBe(true);
    expect(cleanText(text)).toBe('');
  });

  it('is not blank when anything shows, and keeps invisible characters inside the text', () => {
    expect(isBlankText('a')).toBe(false);
    expect(isBlankText('\u200B.\u200B')).toBe(false);
    expect(isBlankText('👨\u200D👩')).toBe(false);
    expect(cleanText('\u200B👨\u200D👩\u00A0')).toBe('👨\u200D👩');
  });

  it('treats what is not a string as blank', () => {
    expect(isBlankText(undefined)).toBe(true);
    expect(isBlankText(null)).toBe(true);
    expect(isBlankText(42)).toBe(true);
  });

  it('composes Vietnamese to NFC and trims invisible characters at the ends', () => {
    const nfd = 'Nguyễn Văn Hùng'.normalize('NFD');
    expect(cleanText(`\uFEFF\u200B ${nfd}\u00A0\u2060`)).toBe('Nguyễn Văn Hùng'.normalize('NFC'));
  });
});
