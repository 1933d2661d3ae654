import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { FONT_PACKAGE, fontPaths } from './fonts';
import { PdfLayout } from './pdf-layout';
import { extractPdfText } from './pdf-text.testing';

/** Every letter of the Vietnamese alphabet with every tone, lower and upper case (NFC), and đ/Đ. */
function vietnameseLetters(): string[] {
  const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const lower = [...vowels.flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))), 'đ'];
  return [...lower, ...lower.map((l) => l.toUpperCase())];
}

describe('fonts', () => {
  it('come from the Noto Sans npm package (OFL), found through module resolution, not a relative path', () => {
    const paths = fontPaths();
    for (const path of Object.values(paths)) {
      expect(existsSync(path)).toBe(true);
      expect(path).toContain(`${sep}node_modules${sep}@expo-google-fonts${sep}noto-sans${sep}`);
      expect(readFileSync(path).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0])); // a TrueType file
    }
    const licence = readFileSync(join(dirname(require.resolve(`${FONT_PACKAGE}/package.json`)), 'LICENSE_FONT'), 'utf8');
    expect(licence).toContain('SIL Open Font License, Version 1.1');
  });
});

describe('PdfLayout', () => {
  it('writes every Vietnamese letter and tone so that a reader extracts it back, in every style and across documents', async () => {
    const letters = vietnameseLetters();
    expect(letters).toHaveLength(146);
    // A first document with other text: glyphs met there must not lose their characters in the next one.
    const first = PdfLayout.start({ title: 'Trước' });
    first.title('Ế Ề Ể Ễ Ệ Ố Ồ Ổ Ỗ Ộ Ớ Ờ Ở Ỡ Ợ Ứ Ừ Ử Ữ Ự').paragraph('ấp ầu ẩn ẫu ậu ắt ằn ẳn ẵn ặt', { style: 'boldItalic' });
    await first.end();

    const line = letters.join(' ');
    const pdf = PdfLayout.start({ title: 'Bảng chữ cái' });
    pdf.paragraph(line);
    pdf.paragraph(line, { style: 'bold' });
    pdf.paragraph(line, { style: 'italic' });
    pdf.paragraph(line, { style: 'boldItalic' });
    const [page] = extractPdfText(await pdf.end());
    const extracted = page.replace(/\s+/g, '');
    expect(extracted).toBe(extracted.normalize('NFC'));
    expect(extracted).toBe(letters.join('').repeat(4));
  });

  it('breaks long tables across pages, repeats the header, and numbers the pages', async () => {
    const pdf = PdfLayout.start({ title: 'Dài' });
    pdf.title('DANH SÁCH');
    pdf.table(
      [{ header: 'Họ và tên', weight: 3 }, { header: 'Số tiền', align: 'right' }],
      Array.from({ length: 150 }, (_, i) => [`Hội viên thứ ${i + 1}`, `${i + 1}.000 đ`]),
      ['Tổng cộng', '11.325.000 đ'],
    );
    const pages = extractPdfText(await pdf.end());
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain('Họ và tên');
      expect(page).toContain(`Trang ${i + 1}/${pages.length}`);
    });
    const all = pages.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('Hội viên thứ 150 150.000 đ');
    expect(pages[pages.length - 1]).toContain('Tổng cộng');
  });

  it('keeps a one-page paper unnumbered', async () => {
    const pdf = PdfLayout.start({ title: 'Ngắn' });
    pdf.paragraph('Một dòng.');
    const pages = extractPdfText(await pdf.end());
    expect(pages).toHaveLength(1);
    expect(pages[0]).not.toContain('Trang');
  });
});
