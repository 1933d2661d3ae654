import { z } from 'zod';
import { ProcessDefinition, ProcessModule, ProcessRegistry } from '@lienthong/domain';
import { PROCESSES } from '@lienthong/processes';
import { casesApi, demoUnitId, housingBody } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

/**
 * The chain features over HTTP, through the real API, Temporal, worker and PostgreSQL: housing's
 * support cap refused in Vietnamese with its date; and a test-only commendation process whose ward
 * council votes (more than half of its members), whose ward chair then signs at the same unit (having
 * voted), and which goes on to the district chair only for a district-level award.
 */

const COMMENDATION = 'test-commendation';
const commendationDefinition: ProcessDefinition = {
  processType: COMMENDATION,
  version: 1,
  name: { vi: 'Đề nghị khen thưởng (thử nghiệm)', en: 'Commendation (test)' },
  originLevels: ['branch'],
  payloadSchema: z.strictObject({
    nominee: z.string().trim().min(1).max(200),
    achievement: z.string().trim().min(1).max(2000),
    awardLevel: z.enum(['ward', 'district']),
  }),
  searchFields: ['nominee'],
  steps: [
    {
      id: 'ward-council',
      name: { vi: 'Hội đồng thi đua phường', en: 'Ward emulation council' },
      levels: ['ward'],
      deciders: { council: true },
      actions: ['approve', 'reject', 'return'],
      commentRequiredFor: ['reject', 'return'],
      deadline: { days: 10, escalateAfterDays: null },
    },
    {
      id: 'ward-signing',
      name: { vi: 'Chủ tịch phường ký', en: 'Ward chair signs' },
      sameUnitAsPrevious: true,
      deciders: { roles: ['chair'] },
      allowEarlierDeciders: true,
      actions: ['approve', 'return'],
      commentRequiredFor: ['return'],
      deadline: { days: 5, escalateAfterDays: null },
    },
    {
      id: 'district-signing',
      name: { vi: 'Chủ tịch quận ký', en: 'District chair signs' },
      levels: ['district'],
      when: { field: 'awardLevel', in: ['district'] },
      deciders: { roles: ['chair'] },
      actions: ['approve', 'reject', 'return'],
      commentRequiredFor: ['reject', 'return'],
      deadline: { days: 10, escalateAfterDays: null },
    },
  ],
  resubmitTo: 'returning-step',
};
const commendation: ProcessModule = {
  processType: COMMENDATION,
  definitions: [commendationDefinition],
  phase: null,
  ownWords: [],
  messages: {},
  example: { title: 'Khen thưởng', payload: { nominee: 'Đặng Văn Bình', achievement: 'Vận động xây nhà đồng đội', awardLevel: 'ward' } },
};

describe('chain features over HTTP', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  const token: Record<string, string> = {};
  let ch1: string;
  let ward: string;
  const users: Record<string, string> = {};

  beforeAll(async () => {
    apps = await startTestApps({ processes: new ProcessRegistry([...PROCESSES.modules, commendation]) });
    api = casesApi(apps);
    ch1 = await demoUnitId(apps.dataSource, 'ngocthuy.ch1');
    ward = await demoUnitId(apps.dataSource, 'ngocthuy');
    // A council member who holds no acting role: a member of the ward, with the demo password.
    await apps.dataSource.query(
      `INSERT INTO users (username, display_name, password_hash) SELECT 'ngocthuy.uv', 'Đỗ Thị Mai', password_hash FROM users WHERE username = 'ngocthuy'`,
    );
    for (const row of await apps.dataSource.query<{ id: string; username: string }[]>('SELECT id, username FROM users')) users[row.username] = row.id;
    await apps.dataSource.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'member')`, [users['ngocthuy.uv'], ward]);
    // The ward's council: its chair, its officer and the member (three: two votes pass).
    for (const u of ['ngocthuy', 'ngocthuy.pho', 'ngocthuy.uv']) {
      await apps.dataSource.query('INSERT INTO council_members (unit_id, user_id) VALUES ($1, $2)', [ward, users[u]]);
    }
    for (const u of ['ngocthuy.ch1', 'ngocthuy', 'ngocthuy.pho', 'ngocthuy.uv', 'phucdong.ch1', 'longbien', 'longbien.pho']) {
      token[u] = await apps.login(u);
    }
  });
  afterAll(async () => {
    await apps?.close();
  });

  const inboxIds = async (user: string) => ((await api.inbox(token[user]).expect(200)).body.items as { id: string }[]).map((i) => i.id);
  const nomination = (awardLevel: 'ward' | 'district') => ({
    processType: COMMENDATION,
    unitId: ch1,
    title: 'Đề nghị khen thưởng hội viên Đặng Văn Bình',
    payload: { nominee: 'Đặng Văn Bình', achievement: 'Vận động xây 3 nhà đồng đội', awardLevel },
  });
  const notified = async (caseId: string, kind: string) =>
    (
      await apps.dataSource.query<{ username: string }[]>(
        `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.case_id = $1 AND n.kind = $2 ORDER BY u.username`,
        [caseId, kind],
      )
    ).map((r) => r.username);

  it('refuses a housing approval above the support per house, in Vietnamese naming the cap and its date, and shows the cap', async () => {
    const body = housingBody(ch1, { kind: 'new-build', estimatedCost: 120_000_000, requestedAmount: 80_000_000 });
    const id = (await api.create(token['ngocthuy.ch1'], body).expect(201)).body.id as string;
    await api.decide(token.ngocthuy, id, { action: 'approve', comment: 'Đã khảo sát' }).expect(200);

    const detail = await api.detail(token.longbien, id).expect(200);
    expect(detail.body.chain[1].approveData[0]).toEqual({
      name: 'approvedAmount',
      type: 'vnd',
      maxFromPayload: 'requestedAmount',
      cap: { amount: 60_000_000, since: '2024-11-10', setting: 'supportCap' },
    });
    const fund = 'Quỹ Nghĩa tình đồng đội quận';
    const refused = await api.decide(token.longbien, id, { action: 'approve', data: { approvedAmount: 70_000_000, fundingSource: fund } }).expect(422);
    expect(refused.body).toMatchObject({
      statusCode: 422,
      code: 'case.amount_above_cap',
      message: 'Số tiền duyệt vượt mức hỗ trợ tối đa 60.000.000 đồng (áp dụng từ 10/11/2024).',
    });
    const english = await api
      .decide(token.longbien, id, { action: 'approve', data: { approvedAmount: 60_000_001, fundingSource: fund } })
      .set('accept-language', 'en')
      .expect(422);
    expect(english.body.message).toBe('The approved amount exceeds the maximum support of 60,000,000 VND (in force since 10/11/2024).');
    // Nothing was written by the refusals.
    const events = await apps.dataSource.query(`SELECT action FROM case_events WHERE case_id = $1 ORDER BY seq`, [id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'approved']);

    const approved = await api.decide(token.longbien, id, { action: 'approve', data: { approvedAmount: 60_000_000, fundingSource: fund } }).expect(200);
    expect(approved.body).toMatchObject({ status: 'in_progress', approvedAmount: 60_000_000 });
    const [row] = await apps.dataSource.query(`SELECT state->'settings' AS settings FROM cases WHERE id = $1`, [id]);
    expect(row.settings).toEqual({ supportCap: { value: { 'new-build': 60_000_000, repair: 30_000_000 }, since: '2024-11-10' } });
  });

  it('a council votes, its chair signs at the same unit, and a district award goes on to the district chair alone', async () => {
    const created = await api.create(token['ngocthuy.ch1'], nomination('district')).expect(201);
    const id = created.body.id as string;
    expect(created.body.chain.map((s: { id: string; unitName: string }) => [s.id, s.unitName])).toEqual([
      ['ward-council', 'Hội CCB phường Ngọc Thụy'],
      ['ward-signing', 'Hội CCB phường Ngọc Thụy'],
      ['district-signing', 'Hội CCB quận Long Biên'],
    ]);
    expect(created.body.chain[0]).toMatchObject({ votesRequired: { approve: 2, reject: 2 } });
    expect(created.body.chain[0].deciderRoles).toBeUndefined();
    expect(created.body.chain[0].council.map((p: { displayName: string }) => p.displayName).sort()).toEqual(
      ['Trần Văn Đức', 'Phạm Thị Hằng', 'Đỗ Thị Mai'].sort(),
    );
    expect(created.body.chain[1]).toMatchObject({ deciderRoles: ['chair'] });
    expect(created.body.chain[1].council).toBeUndefined();

    // The council votes: its three members are asked, whatever their role; the district is not.
    for (const u of ['ngocthuy', 'ngocthuy.pho', 'ngocthuy.uv']) expect(await inboxIds(u)).toContain(id);
    for (const u of ['longbien', 'longbien.pho', 'ngocthuy.ch1']) expect(await inboxIds(u)).not.toContain(id);
    expect(await notified(id, 'decision_needed')).toEqual(['ngocthuy', 'ngocthuy.pho', 'ngocthuy.uv']);
    const member = await api.detail(token['ngocthuy.uv'], id).expect(200);
    expect(member.body.allowedActions).toEqual(['approve', 'reject', 'return']);
    const outsider = await api.decide(token.longbien, id, { action: 'approve' }).expect(403);
    expect(outsider.body).toMatchObject({
      code: 'case.not_council_member',
      message: 'Chỉ thành viên hội đồng của Hội CCB phường Ngọc Thụy mới được biểu quyết ở bước này.',
    });

    // The chair votes first: one vote of the two needed; they are no longer asked at this step.
    const first = await api.decide(token.ngocthuy, id, { action: 'approve', comment: 'Nhất trí' }).expect(200);
    expect(first.body.currentStep).toMatchObject({ id: 'ward-council' });
    expect(first.body.chain[0].votes.map((v: { displayName: string }) => v.displayName)).toEqual(['Trần Văn Đức']);
    expect(await inboxIds('ngocthuy')).not.toContain(id);
    expect(await inboxIds('ngocthuy.uv')).toContain(id);
    // The member without an acting role casts the second: the council has passed it.
    const second = await api.decide(token['ngocthuy.uv'], id, { action: 'approve', comment: 'Nhất trí' }).expect(200);
    expect(second.body.currentStep).toMatchObject({ id: 'ward-signing' });

    // The chair signs, though they voted; the officer who sits on the council may not.
    expect(await inboxIds('ngocthuy')).toContain(id);
    expect(await inboxIds('ngocthuy.pho')).not.toContain(id);
    const officer = await api.decide(token['ngocthuy.pho'], id, { action: 'approve' }).expect(403);
    expect(officer.body).toMatchObject({ code: 'case.chair_only', message: 'Chỉ Chủ tịch Hội CCB phường Ngọc Thụy mới được quyết định ở bước này.' });
    const signingNotes = await apps.dataSource.query(
      `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.case_id = $1 AND n.kind = 'decision_needed' AND n.params->>'stepId' = 'ward-signing'`,
      [id],
    );
    expect(signingNotes.map((r: { username: string }) => r.username)).toEqual(['ngocthuy']);
    const signed = await api.decide(token.ngocthuy, id, { action: 'approve', comment: 'Đồng ý đề nghị' }).expect(200);
    expect(signed.body.currentStep).toMatchObject({ id: 'district-signing' });

    // At the district only the chair.
    expect(await inboxIds('longbien')).toContain(id);
    expect(await inboxIds('longbien.pho')).not.toContain(id);
    const districtOfficer = await api.decide(token['longbien.pho'], id, { action: 'approve' }).set('accept-language', 'en').expect(403);
    expect(districtOfficer.body.message).toBe('Only the chair of Hội CCB quận Long Biên may decide at this step.');
    const done = await api.decide(token.longbien, id, { action: 'approve' }).expect(200);
    expect(done.body.status).toBe('completed');
    expect(done.body.timeline.map((e: { action: string; actor: { displayName: string } | null }) => [e.action, e.actor?.displayName])).toEqual([
      ['submitted', 'Nguyễn Văn Thành'],
      ['approved', 'Trần Văn Đức'],
      ['approved', 'Đỗ Thị Mai'],
      ['approved', 'Trần Văn Đức'],
      ['approved', 'Nguyễn Huy Hoàng'],
    ]);
  });

  it('a ward award stops at the ward; revised into a district award, it takes the district step and starts over', async () => {
    const id = (await api.create(token['ngocthuy.ch1'], nomination('ward')).expect(201)).body.id as string;
    const detail = await api.detail(token.ngocthuy, id).expect(200);
    expect(detail.body.chain.map((s: { id: string }) => s.id)).toEqual(['ward-council', 'ward-signing']);
    await api.decide(token['ngocthuy.pho'], id, { action: 'approve' }).expect(200);
    await api.decide(token['ngocthuy.uv'], id, { action: 'approve' }).expect(200);
    await api.decide(token.ngocthuy, id, { action: 'return', comment: 'Thành tích đủ để đề nghị cấp quận' }).expect(200);

    const revised = { ...nomination('district').payload };
    const resubmitted = await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/resubmit`, { payload: revised, comment: 'Đề nghị cấp quận' }).expect(200);
    expect(resubmitted.body.chain.map((s: { id: string; state: string }) => [s.id, s.state])).toEqual([
      ['ward-council', 'pending'],
      ['ward-signing', 'upcoming'],
      ['district-signing', 'upcoming'],
    ]);
    expect(resubmitted.body.timeline.at(-1)).toMatchObject({
      action: 'resubmitted',
      stepId: 'ward-council',
      data: { restarted: true, changed: [], steps: ['ward-council', 'ward-signing', 'district-signing'] },
    });
    // The earlier votes no longer stand: the council votes again.
    for (const u of ['ngocthuy.pho', 'ngocthuy.uv']) expect(await inboxIds(u)).toContain(id);

    // A revision that keeps the route resumes where it was returned, earlier steps standing.
    await api.decide(token['ngocthuy.pho'], id, { action: 'approve' }).expect(200);
    await api.decide(token['ngocthuy.uv'], id, { action: 'approve' }).expect(200);
    await api.decide(token.ngocthuy, id, { action: 'return', comment: 'Bổ sung thành tích' }).expect(200);
    const again = await api
      .post(token['ngocthuy.ch1'], `/api/cases/${id}/resubmit`, { payload: { ...revised, achievement: 'Vận động xây 4 nhà đồng đội' } })
      .expect(200);
    expect(again.body.currentStep).toMatchObject({ id: 'ward-signing' });
    expect(again.body.chain.map((s: { state: string }) => s.state)).toEqual(['approved', 'pending', 'upcoming']);
  });

  it('refuses a council step at a unit without a council, naming the unit', async () => {
    const other = await demoUnitId(apps.dataSource, 'phucdong.ch1');
    const refused = await api.create(token['phucdong.ch1'], { ...nomination('ward'), unitId: other }).expect(422);
    expect(refused.body).toMatchObject({ code: 'case.no_council', message: 'Hội CCB phường Phúc Đồng chưa có hội đồng để biểu quyết hồ sơ loại này.' });
  });
});
