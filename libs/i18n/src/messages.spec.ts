import { languageFrom, translate } from './messages';

describe('languageFrom', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['vi-VN,vi;q=0.9', 'vi'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.3, vi;q=0.8', 'vi'],
    ['de', 'vi'],
    ['en;q=0', 'vi'],
  ])('%p → %s', (header, expected) => {
    expect(languageFrom(header)).toBe(expected);
  });
});

describe('translate', () => {
  it('writes amounts as people do in each language', () => {
    const params = { amount: 30_000_000, remaining: 20_000_000, cap: 50_000_000 };
    expect(translate('case.disbursement_exceeds', 'vi', params)).toContain('chỉ còn 20.000.000 đồng');
    expect(translate('case.disbursement_exceeds', 'en', params)).toContain('20,000,000 VND remain');
  });

  it('fills parameters and returns NFC even for decomposed input', () => {
    const decomposed = 'Thụy'.normalize('NFD');
    const text = translate('route.not_found', 'vi', { path: decomposed });
    expect(text).toBe('Không tìm thấy đường dẫn Thụy.');
    expect(text).toBe(text.normalize('NFC'));
    expect(translate('auth.too_many_attempts', 'en', { seconds: 42 })).toBe('Too many failed sign-in attempts. Try again in 42 seconds.');
  });
});
