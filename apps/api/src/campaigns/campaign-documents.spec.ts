import { contentDisposition } from './campaign-documents.controller';
import { headerOf, receiptNumber } from './campaign-documents.service';

const unit = (id: string, parentId: string | null, name: string, levelCode: string) => ({ id, parentId, organizationId: 'org', name, levelCode });
const UNITS = [
  unit('d', null, 'Hội CCB quận Long Biên', 'district'),
  unit('w', 'd', 'Hội CCB phường Ngọc Thụy', 'ward'),
  unit('b', 'w', 'Chi hội 1', 'branch'),
];

describe('campaign papers', () => {
  it('names a file for every client: ASCII without diacritics, and the Vietnamese name as filename*', () => {
    expect(contentDisposition('inline', 'Biên nhận 0007-VD-2026-0001 - Chi hội Đồng Tâm.pdf')).toBe(
      `inline; filename="Bien-nhan-0007-VD-2026-0001-Chi-hoi-Dong-Tam.pdf"; ` +
        `filename*=UTF-8''Bi%C3%AAn%20nh%E1%BA%ADn%200007-VD-2026-0001%20-%20Chi%20h%E1%BB%99i%20%C4%90%E1%BB%93ng%20T%C3%A2m.pdf`,
    );
    // Quotes and the characters RFC 5987 keeps out of attr-char cannot break the header.
    expect(contentDisposition('attachment', `Công khai "Quỹ (2026)" it's.xlsx`)).toBe(
      `attachment; filename="Cong-khai-Quy-2026-it-s.xlsx"; filename*=UTF-8''C%C3%B4ng%20khai%20%22Qu%E1%BB%B9%20%282026%29%22%20it%27s.xlsx`,
    );
    // Decomposed (NFD) input is sent composed.
    expect(contentDisposition('inline', 'Thụy.pdf'.normalize('NFD'))).toContain(`filename*=UTF-8''${encodeURIComponent('Thụy.pdf'.normalize('NFC'))}`);
  });

  it('heads a paper with the unit above and the place of the nearest ward or district', () => {
    expect(headerOf(UNITS, UNITS[2])).toEqual({ organization: 'HỘI CCB PHƯỜNG NGỌC THỤY', unit: 'CHI HỘI 1', place: 'Ngọc Thụy' });
    expect(headerOf(UNITS, UNITS[1])).toEqual({ organization: 'HỘI CCB QUẬN LONG BIÊN', unit: 'HỘI CCB PHƯỜNG NGỌC THỤY', place: 'Ngọc Thụy' });
    expect(headerOf(UNITS, UNITS[0])).toEqual({ organization: 'HỘI CCB QUẬN LONG BIÊN', unit: 'HỘI CCB QUẬN LONG BIÊN', place: 'Long Biên' });
    expect(headerOf([unit('x', null, 'Chi hội Đồng Tâm', 'branch')], unit('x', null, 'Chi hội Đồng Tâm', 'branch'))).not.toHaveProperty('place');
  });

  it('numbers a receipt by the unit’s gap-free number and the campaign', () => {
    expect(receiptNumber(7, 'VD-2026-0001')).toBe('0007/VD-2026-0001');
    expect(receiptNumber(12_345, 'VD-2026-0001')).toBe('12345/VD-2026-0001');
  });
});
