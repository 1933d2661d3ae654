import { extractPdfText, pdfText } from './pdf-text.testing';
import { type ReceiptData, receiptPdf } from './receipt.pdf';

const base: ReceiptData = {
  header: { organization: 'HỘI CCB QUẬN LONG BIÊN', unit: 'HỘI CCB PHƯỜNG NGỌC THỤY', place: 'Ngọc Thụy' },
  receiptNo: 'CH1-000012',
  campaign: { title: 'Ủng hộ Quỹ "Vì người nghèo" năm 2025', fundName: 'Quỹ Vì người nghèo', code: 'VD-2025-007' },
  unitName: 'Chi hội 1',
  donor: { kind: 'member', name: 'Nguyễn Thị Hường' },
  amount: 50_000_000,
  method: 'transfer',
  date: '2025-10-17',
  recordedBy: { name: 'Trần Văn Thụy', title: 'Chi hội trưởng' },
};

describe('receiptPdf', () => {
  it('writes a one-page biên nhận whose Vietnamese text a reader extracts intact', async () => {
    const pdf = await receiptPdf(base);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = extractPdfText(pdf);
    expect(pages).toHaveLength(1);
    const text = pdfText(pdf);
    expect(text).toBe(text.normalize('NFC'));
    for (const expected of [
      'HỘI CCB QUẬN LONG BIÊN',
      'HỘI CCB PHƯỜNG NGỌC THỤY',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Ngọc Thụy, ngày 17 tháng 10 năm 2025',
      'BIÊN NHẬN',
      'Số: CH1-000012',
      'Ủng hộ Quỹ "Vì người nghèo" năm 2025',
      'Quỹ Vì người nghèo',
      'Chi hội 1',
      'Nguyễn Thị Hường (Hội viên)',
      '50.000.000 đ',
      'Năm mươi triệu đồng',
      'Chuyển khoản',
      '17/10/2025',
      'Trần Văn Thụy (Chi hội trưởng)',
      'NGƯỜI NỘP TIỀN',
      'NGƯỜI NHẬN TIỀN',
      '(Ký, ghi rõ họ tên)',
    ]) {
      expect(text).toContain(expected);
    }
    // A small file: the font is subset to the glyphs used.
    expect(pdf.length).toBeLessThan(60_000);
  });

  it('names no one for an anonymous gift, and reads decomposed input as NFC', async () => {
    const text = pdfText(
      await receiptPdf({
        ...base,
        donor: { kind: 'anonymous', name: 'should not print' },
        amount: 1_005_000,
        method: 'cash',
        unitName: 'Chi hội 2'.normalize('NFD'),
        recordedBy: { name: 'Lê Thị Ngọc Thủy'.normalize('NFD') },
      }),
    );
    expect(text).toContain('Người ủng hộ không nêu tên');
    expect(text).not.toContain('should not print');
    expect(text).toContain('1.005.000 đ');
    expect(text).toContain('Một triệu không trăm linh năm nghìn đồng');
    expect(text).toContain('Tiền mặt');
    expect(text).toContain('Lê Thị Ngọc Thủy');
  });

  it('refuses an amount that is not money received', async () => {
    await expect(receiptPdf({ ...base, amount: 0 })).rejects.toThrow(RangeError);
    await expect(receiptPdf({ ...base, amount: -50_000 })).rejects.toThrow(RangeError);
    await expect(receiptPdf({ ...base, amount: 10.5 })).rejects.toThrow(RangeError);
  });
});
