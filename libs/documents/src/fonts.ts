/**
 * The font every PDF embeds: Noto Sans (Regular, Bold, Italic), from the npm package
 * @expo-google-fonts/noto-sans — the Google Fonts build, full Vietnamese coverage, SIL Open Font License 1.1
 * (the package's wrapper code is MIT). The standard PDF fonts cannot write "Hường" or "Thụy", so the
 * TTF travels in the PDF (subset by pdfkit to the glyphs used).
 *
 * Resolved through the package, never by a path relative to this file, so the same code finds it from
 * libs/ under jest and from dist/ after the build. No download at run time.
 */
export const FONT_PACKAGE = '@expo-google-fonts/noto-sans';

export const FONT_FILES = {
  regular: `${FONT_PACKAGE}/400Regular/NotoSans_400Regular.ttf`,
  bold: `${FONT_PACKAGE}/700Bold/NotoSans_700Bold.ttf`,
  italic: `${FONT_PACKAGE}/400Regular_Italic/NotoSans_400Regular_Italic.ttf`,
  boldItalic: `${FONT_PACKAGE}/700Bold_Italic/NotoSans_700Bold_Italic.ttf`,
} as const;

export type FontStyle = keyof typeof FONT_FILES;

/** Absolute paths of the TTF files, resolved once. */
export function fontPaths(): Record<FontStyle, string> {
  return {
    regular: require.resolve(FONT_FILES.regular),
    bold: require.resolve(FONT_FILES.bold),
    italic: require.resolve(FONT_FILES.italic),
    boldItalic: require.resolve(FONT_FILES.boldItalic),
  };
}
