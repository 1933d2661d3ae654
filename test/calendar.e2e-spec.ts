import { ProcessDefinition, resolveChain } from '@lienthong/domain';
import { housingSupportDefinition } from '@lienthong/processes';
import { CalendarDaysService } from '@lienthong/persistence';
import { startTestApps, TestApps } from './support/test-apps';

interface DayBody {
  date: string;
  kind: 'holiday' | 'working';
  name: string;
  weekend: boolean;
  updatedBy: { id: string; displayName: string } | null;
}

/** The working-day calendar over HTTP, against the seeded table (real PostgreSQL, migrations run at boot). */
describe('calendar: everyone reads it, admins correct it', () => {
  let apps: TestApps;
  let admin: string;
  let officer: string;
  const get = (year: number | string, token: string) => apps.http().get(`/api/calendar/${year}`).auth(token, { type: 'bearer' });
  const put = (date: string, body: object, token: string) =>
    apps.http().put(`/api/calendar/days/${date}`).auth(token, { type: 'bearer' }).send(body);

  beforeAll(async () => {
    apps = await startTestApps({ worker: false });
    [admin, officer] = await Promise.all([apps.login('admin'), apps.login('ngocthuy.ch1')]);
  });
  afterAll(() => apps.close());

  it('GET /api/calendar/:year gives any signed-in user the year’s holidays and make-up days, in Vietnamese', async () => {
    const res = await get(2027, officer).expect(200);
    const days = res.body.days as DayBody[];
    expect(res.body.year).toBe(2027);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch', weekend: false, updatedBy: null }),
        expect.objectContaining({ date: '2027-02-06', kind: 'holiday', name: 'Tết Nguyên đán', weekend: true }),
        expect.objectContaining({ date: '2027-02-10', kind: 'holiday', name: 'Nghỉ bù Tết Nguyên đán', weekend: false }),
        expect.objectContaining({ date: '2027-09-02', kind: 'holiday', name: 'Quốc khánh (2/9)' }),
      ]),
    );
    // 2025 has its make-up Saturday for the 30/4–1/5 break.
    const y2025 = (await get(2025, officer).expect(200)).body.days as DayBody[];
    expect(y2025.find((d) => d.kind === 'working')).toMatchObject({ date: '2025-04-26', name: 'Làm bù cho ngày nghỉ 02/05/2025', weekend: true });
    // 261 weekdays in 2027, less 11 holidays and days off that fall on weekdays.
    expect(res.body.workingDays).toBe(250);
  });

  it('needs a signed-in user, and a real year', async () => {
    await apps.http().get('/api/calendar/2027').expect(401);
    const res = await get('20x7', officer).expect(400);
    expect(res.body).toMatchObject({ code: 'validation.failed', details: [{ field: 'year' }] });
    await get(1999, officer).expect(400);
  });

  it('lets an admin make a day off and a worked Saturday, which everyone then sees with who set them', async () => {
    const off = await put('2027-02-12', { kind: 'holiday', name: 'Nghỉ hoán đổi Tết (làm bù thứ Bảy 20/02/2027)' }, admin).expect(200);
    expect(off.body).toMatchObject({
      date: '2027-02-12',
      working: false,
      day: { kind: 'holiday', name: 'Nghỉ hoán đổi Tết (làm bù thứ Bảy 20/02/2027)', updatedBy: { displayName: expect.any(String) } },
    });
    const worked = await put('2027-02-20', { kind: 'working', name: 'Làm bù cho ngày nghỉ 12/02/2027' }, admin).expect(200);
    expect(worked.body).toMatchObject({ working: true, day: { kind: 'working', weekend: true } });

    const days = (await get(2027, officer).expect(200)).body.days as DayBody[];
    expect(days.filter((d) => d.date === '2027-02-12' || d.date === '2027-02-20').map((d) => [d.date, d.kind])).toEqual([
      ['2027-02-12', 'holiday'],
      ['2027-02-20', 'working'],
    ]);
    // A correction of a seeded day keeps one row per date.
    await put('2027-02-10', { kind: 'holiday', name: 'Nghỉ bù Tết Nguyên đán (theo thông báo)' }, admin).expect(200);
    expect(((await get(2027, officer)).body.days as DayBody[]).filter((d) => d.date === '2027-02-10')).toHaveLength(1);
  });

  it('reaches the calendar the next case freezes (the days from its submission to two years later)', async () => {
    const working: ProcessDefinition = {
      ...housingSupportDefinition,
      steps: [{ ...housingSupportDefinition.steps[0], deadline: { days: 5, unit: 'working', escalateAfterDays: 2 } }],
    };
    const path = [{ id: 'u-1', name: 'Chi hội 1', levelCode: 'branch', levelName: 'Chi hội' }, { id: 'u-2', name: 'Phường', levelCode: 'ward', levelName: 'Phường' }];
    const resolved = resolveChain(working, path);
    if (!('chain' in resolved)) throw new Error(resolved.code);
    const days = apps.api.get(CalendarDaysService);
    const frozen = await days.forCase(resolved.chain, Date.parse('2027-02-01T03:00:00Z'));
    expect(frozen!.nonWorking).toEqual(expect.arrayContaining(['2027-02-05', '2027-02-12']));
    expect(frozen!.working).toContain('2027-02-20');
    expect(frozen!.nonWorking.every((d) => d >= '2027-02-01' && d <= '2029-02-01')).toBe(true);
    // The housing process counts calendar days: its cases carry no calendar.
    const housing = resolveChain(housingSupportDefinition, [...path, { id: 'u-3', name: 'Quận', levelCode: 'district', levelName: 'Quận' }]);
    expect('chain' in housing && (await days.forCase(housing.chain, Date.now()))).toBeUndefined();
  });

  it('refuses an officer with 403 in Vietnamese (English on request)', async () => {
    const res = await put('2027-03-08', { kind: 'holiday', name: 'Ngày Quốc tế Phụ nữ' }, officer).expect(403);
    expect(res.body).toMatchObject({ code: 'calendar.admin_only', message: 'Chỉ quản trị viên mới được sửa lịch ngày nghỉ lễ và ngày làm bù.' });
    const en = await put('2027-03-08', { kind: 'holiday', name: 'Ngày Quốc tế Phụ nữ' }, officer).set('accept-language', 'en').expect(403);
    expect(en.body.message).toBe('Only an admin may change the calendar of holidays and make-up working days.');
    await apps.http().delete('/api/calendar/days/2027-02-12').auth(officer, { type: 'bearer' }).expect(403);
    expect(((await get(2027, officer)).body.days as DayBody[]).some((d) => d.date === '2027-03-08')).toBe(false);
  });

  it.each(['2027-02-30', '2027-2-12', '12/02/2027', '1999-12-31'])('answers 400 naming the field for the date %p', async (date) => {
    const res = await put(encodeURIComponent(date), { kind: 'holiday', name: 'Nghỉ' }, admin).expect(400);
    expect(res.body).toMatchObject({ code: 'validation.failed', message: 'Dữ liệu không hợp lệ: date.' });
    expect(res.body.details).toEqual([{ field: 'date', messages: [expect.stringContaining('YYYY-MM-DD')] }]);
  });

  it('answers 400 naming the body field for a missing name or an unknown kind, and 422 for a weekday made "làm bù"', async () => {
    const noName = await put('2027-03-08', { kind: 'holiday' }, admin).expect(400);
    expect(noName.body.details.map((d: { field: string }) => d.field)).toEqual(['name']);
    const blank = await put('2027-03-08', { kind: 'holiday', name: '   ' }, admin).expect(400);
    expect(blank.body.details.map((d: { field: string }) => d.field)).toEqual(['name']);
    const kind = await put('2027-03-08', { kind: 'weekend', name: 'X' }, admin).expect(400);
    expect(kind.body.details.map((d: { field: string }) => d.field)).toEqual(['kind']);
    const weekday = await put('2027-03-08', { kind: 'working', name: 'Làm bù' }, admin).expect(422);
    expect(weekday.body).toMatchObject({
      code: 'calendar.working_on_weekday',
      message: 'Ngày 08/03/2027 là ngày làm việc bình thường; chỉ thứ Bảy hoặc Chủ nhật mới có thể là ngày làm bù.',
    });
  });

  it('makes a day ordinary again with kind "normal" or DELETE, idempotently', async () => {
    await put('2027-04-16', { kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, admin).expect(200);
    const normal = await put('2027-04-16', { kind: 'normal' }, admin).expect(200);
    expect(normal.body).toEqual({ date: '2027-04-16', day: null, working: true });
    await apps.http().delete('/api/calendar/days/2027-02-20').auth(admin, { type: 'bearer' }).expect(204);
    await apps.http().delete('/api/calendar/days/2027-02-20').auth(admin, { type: 'bearer' }).expect(204);
    const days = (await get(2027, officer)).body.days as DayBody[];
    expect(days.some((d) => d.date === '2027-04-16' || d.date === '2027-02-20')).toBe(false);
  });
});
