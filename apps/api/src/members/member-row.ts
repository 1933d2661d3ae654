import { GENERATED_MEMBER_CODE, type MemberGender, type MemberStatus } from '@lienthong/domain';

/**
 * One line of a members workbook (template, export and import share these columns) and the checks a
 * row passes before it may touch the register. Pure: no database, no Nest; unit-tested beside.
 */
export interface MemberRowValues {
  memberCode: string | null;
  fullName: string;
  birthYear: number;
  gender: MemberGender | null;
  address: string | null;
  phone: string | null;
  /** 'YYYY-MM-DD' */
  joinDate: string | null;
  partyMember: boolean;
  status: MemberStatus;
  statusDate: string | null;
  /** The unit as the file names it (blank: the unit imported into, or where the member already is). */
  unitName: string | null;
}

export type MemberColumnKey = keyof MemberRowValues;

/** The workbook's columns, in order; imports find them by header, so a reordered file still reads. */
export const MEMBER_COLUMNS: readonly { key: MemberColumnKey; header: string; width: number }[] = [
  { key: 'memberCode', header: 'Mã hội viên', width: 14 },
  { key: 'fullName', header: 'Họ và tên', width: 28 },
  { key: 'birthYear', header: 'Năm sinh', width: 10 },
  { key: 'gender', header: 'Giới tính', width: 10 },
  { key: 'address', header: 'Địa chỉ', width: 40 },
  { key: 'phone', header: 'Số điện thoại', width: 15 },
  { key: 'joinDate', header: 'Ngày vào hội', width: 14 },
  { key: 'partyMember', header: 'Đảng viên', width: 10 },
  { key: 'status', header: 'Trạng thái', width: 16 },
  { key: 'statusDate', header: 'Ngày chuyển đi/từ trần', width: 20 },
  { key: 'unitName', header: 'Đơn vị', width: 36 },
];

export const GENDER_LABELS: Record<MemberGender, string> = { male: 'Nam', female: 'Nữ' };
export const STATUS_LABELS: Record<MemberStatus, string> = { active: 'Đang sinh hoạt', moved: 'Đã chuyển đi', deceased: 'Đã từ trần' };
export const PARTY_LABELS = { yes: 'Có', no: 'Không' } as const;

/** The template's example row carries this in place of a code; an import skips it. */
export const EXAMPLE_ROW_MARK = 'VÍ DỤ';

/** Text compared loosely: NFC, lower case, spaces collapsed (diacritics kept: Nguyễn is not Nguyên). */
export function looseText(text: string): string {
  return cleanText(text).toLowerCase();
}

/** The key of "the same person" when a file names no code: name (loose) and birth year, within one unit. */
export function personKey(unitId: string, fullName: string, birthYear: number | null): string {
  return `${unitId}|${looseText(fullName)}|${birthYear ?? ''}`;
}

/** NFC, invisible characters (zero-width, BOM, NBSP) as spaces, spaces collapsed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00A0\u200B-\u200D\u2060\uFEFF]+/g, ' ')
    .trim();
}

const fold = (text: string) =>
  cleanText(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** A cell as exceljs hands it over: a value, a Date, or an object (rich text, formula, hyperlink…). */
export type RawCell = unknown;

/** Text of a cell whatever Excel stored (rich text, a formula's result, a hyperlink's text), or null if blank. */
export function cellText(value: RawCell): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return null;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return blankToNull(v.richText.map((r) => r.text).join(''));
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    return null;
  }
  return blankToNull(String(value));
}

const blankToNull = (text: string): string | null => {
  const clean = cleanText(text);
  return clean === '' ? null : clean;
};

const unwrap = (value: RawCell): RawCell =>
  value && typeof value === 'object' && !(value instanceof Date) && 'result' in (value as object) ? (value as { result: unknown }).result : value;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function realDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return iso(y, m, d);
}

/**
 * A date from a cell: a real Excel date (exceljs gives a Date at UTC midnight of the day shown), an
 * Excel serial number, or text dd/MM/yyyy (d/M/yyyy and dashes or dots too). 'YYYY-MM-DD', or
 * undefined if the cell holds something that is no date; null if blank.
 */
export function cellDate(value: RawCell): string | null | undefined {
  const v = unwrap(value);
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    // Excel keeps no time zone: the day shown is the UTC day exceljs decodes (a time part is dropped).
    return iso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1 || v > 2958465) return undefined;
    const date = new Date(Date.UTC(1899, 11, 30) + v * 86_400_000);
    return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const text = cellText(v);
  if (text === null) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!m) return undefined;
  return realDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy', as the workbook and the messages show dates. */
export function vnDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** Vietnamese phone numbers: 0 and 9–10 digits, or +84 and 9–10 digits; spaces, dots and dashes allowed between. */
const PHONE = /^(0\d{9,10}|\+84\d{9,10})$/;

export interface RowCheck {
  /** The spreadsheet's own row number (the header is row 1 in the template). */
  row: number;
  values?: MemberRowValues;
  errors: string[];
}

/**
 * Checks one row (cells by column key) and returns its values, or the reasons (in Vietnamese) it is
 * refused. `today` ('YYYY-MM-DD', Vietnam time) bounds birth years and dates.
 */
export function checkMemberRow(row: number, cells: Partial<Record<MemberColumnKey, RawCell>>, today: string): RowCheck {
  const errors: string[] = [];
  const thisYear = Number(today.slice(0, 4));

  const memberCode = cellText(cells.memberCode);
  if (memberCode !== null && memberCode.length > 32) errors.push('Mã hội viên dài quá 32 ký tự.');

  const fullName = cellText(cells.fullName);
  if (fullName === null) errors.push('Thiếu họ và tên.');
  else if (fullName.length > 200) errors.push('Họ và tên dài quá 200 ký tự.');

  let birthYear: number | null = null;
  const birthRaw = unwrap(cells.birthYear);
  const birthText = birthRaw instanceof Date ? String(birthRaw.getUTCFullYear()) : cellText(birthRaw);
  if (birthText === null) errors.push('Thiếu năm sinh.');
  else if (!/^\d{4}$/.test(birthText) || Number(birthText) < 1900 || Number(birthText) > thisYear) {
    errors.push(`Năm sinh "${birthText}" không hợp lệ (phải từ 1900 đến ${thisYear}).`);
  } else birthYear = Number(birthText);

  let gender: MemberGender | null = null;
  const genderText = cellText(cells.gender);
  if (genderText !== null) {
    const g = fold(genderText);
    if (g === 'nam' || g === 'male') gender = 'male';
    else if (g === 'nu' || g === 'female') gender = 'female';
    else errors.push(`Giới tính "${genderText}" không hợp lệ (Nam hoặc Nữ).`);
  }

  const address = cellText(cells.address);
  if (address !== null && address.length > 500) errors.push('Địa chỉ dài quá 500 ký tự.');

  let phone: string | null = null;
  const phoneRaw = unwrap(cells.phone);
  // A number cell lost its leading 0 (Excel stores 0912345678 as 912345678).
  const phoneText = typeof phoneRaw === 'number' && Number.isInteger(phoneRaw) ? `0${phoneRaw}` : cellText(phoneRaw);
  if (phoneText !== null) {
    if (!PHONE.test(phoneText.replace(/[\s.-]/g, '')) || phoneText.length > 20) {
      errors.push(`Số điện thoại "${phoneText}" không hợp lệ (10–11 chữ số, bắt đầu bằng 0 hoặc +84).`);
    } else phone = phoneText;
  }

  const joinDate = cellDate(cells.joinDate);
  if (joinDate === undefined) errors.push(`Ngày vào hội "${cellText(cells.joinDate) ?? ''}" không hợp lệ (dd/MM/yyyy).`);
  else if (joinDate !== null && joinDate > today) errors.push(`Ngày vào hội ${vnDate(joinDate)} ở tương lai.`);
  else if (joinDate !== null && birthYear !== null && Number(joinDate.slice(0, 4)) < birthYear) {
    errors.push(`Ngày vào hội ${vnDate(joinDate)} trước năm sinh.`);
  }

  let partyMember = false;
  const partyText = cellText(cells.partyMember);
  if (partyText !== null) {
    const p = fold(partyText);
    if (['co', 'x', 'yes', 'true', '1', 'dang vien'].includes(p)) partyMember = true;
    else if (!['khong', 'no', 'false', '0'].includes(p)) errors.push(`Đảng viên "${partyText}" không hợp lệ (Có hoặc Không).`);
  }

  let status: MemberStatus = 'active';
  const statusText = cellText(cells.status);
  if (statusText !== null) {
    const s = fold(statusText);
    if (['dang sinh hoat', 'active', 'sinh hoat'].includes(s)) status = 'active';
    else if (['da chuyen di', 'chuyen di', 'moved'].includes(s)) status = 'moved';
    else if (['da tu tran', 'tu tran', 'da mat', 'deceased'].includes(s)) status = 'deceased';
    else errors.push(`Trạng thái "${statusText}" không hợp lệ (Đang sinh hoạt, Đã chuyển đi hoặc Đã từ trần).`);
  }

  const statusDate = cellDate(cells.statusDate);
  if (statusDate === undefined) errors.push(`Ngày chuyển đi/từ trần "${cellText(cells.statusDate) ?? ''}" không hợp lệ (dd/MM/yyyy).`);
  else if (status === 'active' && statusDate !== null) errors.push('Hội viên đang sinh hoạt không có ngày chuyển đi/từ trần.');
  else if (status !== 'active' && statusDate === null && statusText !== null) {
    errors.push(`Trạng thái "${STATUS_LABELS[status]}" cần ngày chuyển đi/từ trần.`);
  } else if (statusDate !== null && statusDate > today) errors.push(`Ngày chuyển đi/từ trần ${vnDate(statusDate)} ở tương lai.`);
  else if (statusDate !== null && joinDate && statusDate < joinDate) errors.push(`Ngày chuyển đi/từ trần ${vnDate(statusDate)} trước ngày vào hội.`);

  const unitName = cellText(cells.unitName);

  if (memberCode !== null && GENERATED_MEMBER_CODE.test(memberCode) && memberCode !== memberCode.toUpperCase()) {
    errors.push(`Mã hội viên "${memberCode}" không hợp lệ.`);
  }

  if (errors.length > 0 || fullName === null || birthYear === null || statusDate === undefined || joinDate === undefined) return { row, errors };
  return {
    row,
    errors,
    values: { memberCode, fullName, birthYear, gender, address, phone, joinDate, partyMember, status, statusDate, unitName },
  };
}

/** Finds each column by its header (loosely: case, spaces and diacritics aside); the name column is required. */
export function columnsFromHeader(headers: readonly RawCell[]): Partial<Record<MemberColumnKey, number>> | null {
  const byFold = new Map(MEMBER_COLUMNS.map((c) => [fold(c.header), c.key]));
  // Common variants seen in wards' own files.
  byFold.set(fold('Họ tên'), 'fullName');
  byFold.set(fold('Mã HV'), 'memberCode');
  byFold.set(fold('Điện thoại'), 'phone');
  byFold.set(fold('Ngày chuyển đi/từ trần (dd/mm/yyyy)'), 'statusDate');
  byFold.set(fold('Chi hội'), 'unitName');
  const found: Partial<Record<MemberColumnKey, number>> = {};
  headers.forEach((cell, index) => {
    const text = cellText(cell);
    const key = text === null ? undefined : byFold.get(fold(text));
    if (key && found[key] === undefined) found[key] = index;
  });
  return found.fullName === undefined ? null : found;
}

/** The fields of the register that an import compares (what "unchanged" means). */
export const COMPARED_FIELDS = ['fullName', 'birthYear', 'gender', 'address', 'phone', 'joinDate', 'partyMember', 'status', 'statusDate'] as const;
