import { numberInWords, vndInWords } from './vnd-in-words';

describe('vndInWords', () => {
  it.each([
    // Figures from the seed reports (/work/shared/seeds) and the GLOSSARY.
    [86_791_000, 'Tám mươi sáu triệu bảy trăm chín mươi mốt nghìn đồng'],
    [102_350_000, 'Một trăm linh hai triệu ba trăm năm mươi nghìn đồng'],
    [150_000_000, 'Một trăm năm mươi triệu đồng'],
    [950_160_000, 'Chín trăm năm mươi triệu một trăm sáu mươi nghìn đồng'],
    [18_890_000, 'Mười tám triệu tám trăm chín mươi nghìn đồng'],
    [9_580_000, 'Chín triệu năm trăm tám mươi nghìn đồng'],
    [2_400_000, 'Hai triệu bốn trăm nghìn đồng'],
    [777_000, 'Bảy trăm bảy mươi bảy nghìn đồng'],
    [50_000_000, 'Năm mươi triệu đồng'],
    [60_000_000, 'Sáu mươi triệu đồng'],
    [500_000, 'Năm trăm nghìn đồng'],
  ])('%d → %s', (amount, words) => {
    expect(vndInWords(amount)).toBe(words);
  });

  it.each([
    [0, 'Không đồng'],
    [1, 'Một đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [55, 'Năm mươi lăm đồng'],
    [91, 'Chín mươi mốt đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [104, 'Một trăm linh bốn đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [111, 'Một trăm mười một đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [121, 'Một trăm hai mươi mốt đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_001, 'Một nghìn không trăm linh một đồng'],
    [1_010, 'Một nghìn không trăm mười đồng'],
    [1_025, 'Một nghìn không trăm hai mươi lăm đồng'],
    [10_000, 'Mười nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [2_024_024, 'Hai triệu không trăm hai mươi tư nghìn không trăm hai mươi tư đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
    [1_005_000_000, 'Một tỷ không trăm linh năm triệu đồng'],
    [2_500_000_000, 'Hai tỷ năm trăm triệu đồng'],
    [25_000_000_000, 'Hai mươi lăm tỷ đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [
      1_234_567_890_123,
      'Một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu tám trăm chín mươi nghìn một trăm hai mươi ba đồng',
    ],
    [1_000_000_000_000_000, 'Một triệu tỷ đồng'],
  ])('%d → %s', (amount, words) => {
    expect(vndInWords(amount)).toBe(words);
  });

  it('reads the largest exact integer', () => {
    expect(vndInWords(Number.MAX_SAFE_INTEGER)).toBe(
      'Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi mốt đồng',
    );
  });

  it('comes out in NFC, as the PDFs and the API compare it', () => {
    const words = vndInWords(86_791_000);
    expect(words).toBe(words.normalize('NFC'));
  });

  it('refuses what is not a whole, non-negative amount of đồng', () => {
    expect(() => vndInWords(-1)).toThrow(RangeError);
    expect(() => vndInWords(1.5)).toThrow(RangeError);
    expect(() => vndInWords(Number.NaN)).toThrow(RangeError);
    expect(() => vndInWords(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => vndInWords(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it('reads bare numbers in lower case for counts', () => {
    expect(numberInWords(0)).toBe('không');
    expect(numberInWords(812)).toBe('tám trăm mười hai');
    expect(() => numberInWords(-3)).toThrow(RangeError);
  });
});
