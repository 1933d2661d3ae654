/**
 * Amounts in words, as a receipt or a report writes them under the figures: 50.000.000 → "Năm mươi triệu
 * đồng". The reading follows what Vietnamese accountants write (and what the GLOSSARY quotes):
 * - "nghìn" (not "ngàn"), "linh" (not "lẻ") for a zero ten: 105 → "một trăm linh năm";
 * - "mười" for ten, "mươi" for the other tens; after "mươi" 1 reads "mốt", 4 "tư", 5 "lăm" (21 → "hai
 *   mươi mốt", 24 → "hai mươi tư", 25 → "hai mươi lăm"), and after "mười" 5 reads "lăm" (15 → "mười lăm");
 * - a group after the leading one is read in full, "không trăm" included (1.005.000 → "một triệu không trăm
 *   linh năm nghìn"), and a group of three zeros is skipped;
 * - past a billion the count of tỷ is read as a number of its own: 1.234.000.000.000 → "một nghìn hai trăm
 *   ba mươi tư tỷ" (never "một nghìn tỷ hai trăm … tỷ").
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
/** Scales inside a block below one tỷ, by group index from the right. */
const SCALES = ['', 'nghìn', 'triệu'] as const;
const BILLION = 1_000_000_000;

/**
 * The Vietnamese reading of a whole amount of đồng, capitalized, ending in "đồng". Refuses what is not
 * money: negative amounts, fractions, and integers past what a JavaScript number holds exactly.
 */
export function vndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`vndInWords: ${amount} is not a whole number of đồng`);
  if (amount < 0) throw new RangeError(`vndInWords: ${amount} is negative; write a reversal as its own amount`);
  return capitalize(`${numberInWords(amount)} đồng`);
}

/** The reading of a non-negative safe integer, lower case, without "đồng": 21 → "hai mươi mốt". */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`numberInWords: ${n} is not a non-negative integer`);
  if (n === 0) return DIGITS[0];
  return readWords(n, true).join(' ');
}

/** `leading`: nothing is read before this number, so it starts without "không trăm" / "linh". */
function readWords(n: number, leading: boolean): string[] {
  if (n >= BILLION) {
    const high = Math.floor(n / BILLION);
    const low = n % BILLION;
    return [...readWords(high, leading), 'tỷ', ...(low > 0 ? readBelowBillion(low, false) : [])];
  }
  return readBelowBillion(n, leading);
}

function readBelowBillion(n: number, leading: boolean): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  let top = groups.length - 1;
  while (top > 0 && groups[top] === 0) top--;
  const words: string[] = [];
  for (let i = top; i >= 0; i--) {
    if (groups[i] === 0) continue;
    words.push(...readGroup(groups[i], leading && i === top));
    if (SCALES[i]) words.push(SCALES[i]);
  }
  return words;
}

/** Three digits; a non-leading group is read in full ("không trăm linh năm"). */
function readGroup(group: number, leading: boolean): string[] {
  const hundreds = Math.floor(group / 100);
  const tens = Math.floor(group / 10) % 10;
  const units = group % 10;
  const words: string[] = [];
  const readHundreds = !leading || hundreds > 0;
  if (readHundreds) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0) {
      if (readHundreds) words.push('linh');
      words.push(DIGITS[units]);
    }
  } else if (tens === 1) {
    words.push('mười');
    if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGITS[units]);
  } else {
    words.push(DIGITS[tens], 'mươi');
    if (units === 1) words.push('mốt');
    else if (units === 4) words.push('tư');
    else if (units === 5) words.push('lăm');
    else if (units > 0) words.push(DIGITS[units]);
  }
  return words;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
