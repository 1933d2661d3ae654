import { foldVietnamese } from './fold';

describe('foldVietnamese', () => {
  it('lower-cases and removes diacritics, đ included', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldVietnamese('Hội phường Ngọc Thụy')).toBe('hoi phuong ngoc thuy');
    expect(foldVietnamese('ĐẶNG ĐÌNH ỨNG, đường Bồ Đề')).toBe('dang dinh ung, duong bo de');
  });

  it('folds every vowel with every tone to its base letter', () => {
    expect(foldVietnamese('àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ')).toBe(
      'aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy',
    );
  });

  it('folds precomposed (NFC) and decomposed (NFD) input the same', () => {
    const name = 'Nguyễn Thị Thủy, Phường Phúc Đồng';
    const nfc = name.normalize('NFC');
    const nfd = name.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
    expect(foldVietnamese(nfd)).toBe('nguyen thi thuy, phuong phuc dong');
  });

  it('collapses and trims whitespace of any kind', () => {
    expect(foldVietnamese('  Trần\t\tThị \n Hoa  ')).toBe('tran thi hoa');
    expect(foldVietnamese('Lê\u00a0Văn   Tám')).toBe('le van tam');
    expect(foldVietnamese('   ')).toBe('');
  });

  it('makes a query match the stored text', () => {
    expect(foldVietnamese('nguyen  van duc')).toBe(foldVietnamese('Nguyễn Văn Đức'));
  });

  it('is idempotent', () => {
    const once = foldVietnamese('Hội Cựu chiến binh quận Long Biên');
    expect(foldVietnamese(once)).toBe(once);
  });
});
