/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, spaces collapsed. "Nguyễn Văn"
 * and "nguyen  van" fold to the same string. Stored beside the text and used on the query, so the
 * database needs no unaccent configuration.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
