import { cellDate, checkMemberRow, columnsFromHeader, MEMBER_COLUMNS, personKey } from './member-row';

const TODAY = '2026-12-02';
const ok = (cells: Parameters<typeof checkMemberRow>[1]) => {
  const check = checkMemberRow(5, cells, TODAY);
  expect(check.errors).toEqual([]);
  return check.values!;
};
const refused = (cells: Parameters<typeof checkMemberRow>[1]) => {
  const check = checkMemberRow(5, cells, TODAY);
  expect(check.values).toBeUndefined();
  return check.errors.join(' ');
};

describe('member rows: what an import takes and why it refuses', () => {
  it('reads a full row: labels to codes, dates to ISO, phone as typed', () => {
    expect(
      ok({
        memberCode: ' CH1-001 ',
        fullName: 'Nguye\u0302\u0303n Văn  An', // decomposed ~ and two spaces
        birthYear: '1955',
        gender: 'nữ',
        address: 'Tổ 3',
        phone: '0912 345 678',
        joinDate: '27/7/2010',
        partyMember: 'Có',
        status: 'Đã từ trần',
        statusDate: new Date(Date.UTC(2024, 1, 15)),
        unitName: 'Chi hội 1',
      }),
    ).toEqual({
      memberCode: 'CH1-001',
      fullName: 'Nguyễn Văn An',
      birthYear: 1955,
      gender: 'female',
      address: 'Tổ 3',
      phone: '0912 345 678',
      joinDate: '2010-07-27',
      partyMember: true,
      status: 'deceased',
      statusDate: '2024-02-15',
      unitName: 'Chi hội 1',
    });
  });

  it('takes the defaults for blanks: active, not a party member, no code', () => {
    expect(ok({ fullName: 'Lê Văn B', birthYear: 1950 })).toMatchObject({
      memberCode: null,
      gender: null,
      partyMember: false,
      status: 'active',
      statusDate: null,
      joinDate: null,
    });
  });

  it('gives back the leading zero Excel drops from a phone stored as a number, and accepts +84', () => {
    expect(ok({ fullName: 'A', birthYear: 1950, phone: 912345678 }).phone).toBe('0912345678');
    expect(ok({ fullName: 'A', birthYear: 1950, phone: '+84 912 345 678' }).phone).toBe('+84 912 345 678');
  });

  it.each([
    [{ birthYear: 1950 }, 'Thiếu họ và tên.'],
    [{ fullName: '\u200B ' }, 'Thiếu họ và tên.'],
    [{ fullName: 'A' }, 'Thiếu năm sinh.'],
    [{ fullName: 'A', birthYear: 1899 }, 'Năm sinh "1899" không hợp lệ (phải từ 1900 đến 2026).'],
    [{ fullName: 'A', birthYear: 2027 }, 'Năm sinh "2027" không hợp lệ'],
    [{ fullName: 'A', birthYear: '19a0' }, 'Năm sinh "19a0" không hợp lệ'],
    [{ fullName: 'A', birthYear: 1950, gender: 'khác' }, 'Giới tính "khác" không hợp lệ'],
    [{ fullName: 'A', birthYear: 1950, phone: '091234' }, 'Số điện thoại "091234" không hợp lệ'],
    [{ fullName: 'A', birthYear: 1950, joinDate: '31/02/2010' }, 'Ngày vào hội "31/02/2010" không hợp lệ (dd/MM/yyyy).'],
    [{ fullName: 'A', birthYear: 1950, joinDate: '2010-02-01' }, 'Ngày vào hội "2010-02-01" không hợp lệ'],
    [{ fullName: 'A', birthYear: 1950, joinDate: '03/12/2026' }, 'Ngày vào hội 03/12/2026 ở tương lai.'],
    [{ fullName: 'A', birthYear: 1950, joinDate: '01/01/1949' }, 'Ngày vào hội 01/01/1949 trước năm sinh.'],
    [{ fullName: 'A', birthYear: 1950, partyMember: 'có thể' }, 'Đảng viên "có thể" không hợp lệ'],
    [{ fullName: 'A', birthYear: 1950, status: 'nghỉ' }, 'Trạng thái "nghỉ" không hợp lệ'],
    [{ fullName: 'A', birthYear: 1950, status: 'Đã chuyển đi' }, 'Trạng thái "Đã chuyển đi" cần ngày chuyển đi/từ trần.'],
    [{ fullName: 'A', birthYear: 1950, statusDate: '01/01/2020' }, 'Hội viên đang sinh hoạt không có ngày chuyển đi/từ trần.'],
    [{ fullName: 'A', birthYear: 1950, joinDate: '01/01/2000', status: 'Đã từ trần', statusDate: '01/01/1999' }, 'trước ngày vào hội'],
  ])('refuses %j: %s', (cells, message) => {
    expect(refused(cells)).toContain(message);
  });

  it('names every problem of a row at once', () => {
    expect(refused({ birthYear: 1800, phone: 'abc' })).toMatch(/Thiếu họ và tên\..*Năm sinh.*Số điện thoại/);
  });

  it('reads dates as typed, as real Excel dates and as Excel serial numbers', () => {
    expect(cellDate('05.03.2001')).toBe('2001-03-05');
    expect(cellDate(new Date(Date.UTC(2001, 2, 5, 13)))).toBe('2001-03-05');
    expect(cellDate(36955)).toBe('2001-03-05');
    expect(cellDate({ formula: 'DATE(2001,3,5)', result: new Date(Date.UTC(2001, 2, 5)) })).toBe('2001-03-05');
    expect(cellDate(null)).toBeNull();
    expect(cellDate('  ')).toBeNull();
    expect(cellDate('hôm qua')).toBeUndefined();
  });

  it('finds the columns by header whatever their order, case or diacritics; without a name column there is no header', () => {
    expect(columnsFromHeader(['STT', 'ho va ten', 'NĂM SINH', 'Mã HV'])).toEqual({ fullName: 1, birthYear: 2, memberCode: 3 });
    expect(columnsFromHeader(MEMBER_COLUMNS.map((c) => c.header))).toEqual(Object.fromEntries(MEMBER_COLUMNS.map((c, i) => [c.key, i])));
    expect(columnsFromHeader(['Tên', 'Tuổi'])).toBeNull();
  });

  it('matches a person by name (case, spaces and composition aside, diacritics kept) and birth year within a unit', () => {
    expect(personKey('u1', 'NGUYỄN  văn An', 1950)).toBe(personKey('u1', 'Nguye\u0302\u0303n Văn An', 1950));
    expect(personKey('u1', 'Nguyễn Văn An', 1950)).not.toBe(personKey('u1', 'Nguyên Văn An', 1950));
    expect(personKey('u1', 'Nguyễn Văn An', 1950)).not.toBe(personKey('u2', 'Nguyễn Văn An', 1950));
  });
});
