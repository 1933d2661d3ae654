/**
 * User-facing messages, Vietnamese first (the default), English second. Codes are stable: clients may
 * switch on them; the texts may be improved at any time. `{name}` placeholders are filled from params.
 */
export const MESSAGES = {
  'auth.invalid_credentials': {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Invalid username or password.',
  },
  'auth.too_many_attempts': {
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
    en: 'Too many failed sign-in attempts. Try again in {seconds} seconds.',
  },
  'auth.token_missing': {
    vi: 'Bạn cần đăng nhập để sử dụng chức năng này.',
    en: 'You need to sign in to use this.',
  },
  'auth.token_invalid': {
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session is invalid or has expired. Please sign in again.',
  },
  'unit.not_found': { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' },
  'smoke.not_found': { vi: 'Không tìm thấy lần kiểm tra này.', en: 'Smoke ping not found.' },
  'validation.failed': { vi: 'Dữ liệu không hợp lệ: {fields}.', en: 'Invalid input: {fields}.' },
  'request.malformed': { vi: 'Yêu cầu không hợp lệ: {reason}', en: 'Malformed request: {reason}' },
  'route.not_found': { vi: 'Không tìm thấy đường dẫn {path}.', en: 'No route {path}.' },
  'temporal.unavailable': {
    vi: 'Máy chủ quy trình (Temporal) tạm thời không phản hồi. Vui lòng thử lại sau.',
    en: 'The workflow server (Temporal) is not responding. Please try again later.',
  },
  internal: {
    vi: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
    en: 'Something went wrong on our side. Please try again later.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;
export type Language = 'vi' | 'en';
export const DEFAULT_LANGUAGE: Language = 'vi';

export function translate(code: MessageCode, language: Language, params: Record<string, string | number> = {}): string {
  // NFC so that composed and decomposed diacritics in params (user input) come out the same.
  return MESSAGES[code][language].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`)).normalize('NFC');
}

/** Picks vi or en from an Accept-Language header (`en-US,en;q=0.9` → en); Vietnamese unless English is preferred. */
export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'vi' || tag.startsWith('vi-')) return 'vi';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}
