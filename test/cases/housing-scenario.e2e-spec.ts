import { randomUUID } from 'node:crypto';
import { caseWorkflowId, SA_STATUS } from '@lienthong/contracts';
import { dateInHcm } from '@lienthong/domain';
import { TemporalClient } from '@lienthong/temporal';
import { recordHistory } from '../support/history-fixtures';
import { casesApi, demoMemberId, demoUnitId, housingBody } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

/**
 * The "done when", over HTTP with the demo users, through the real API, Temporal, worker and
 * PostgreSQL: a housing case from Chi hội 1 climbs ward and district, is built, paid and handed over.
 */
describe('housing support over HTTP, end to end', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  const token: Record<string, string> = {};
  let ch1: string;

  beforeAll(async () => {
    apps = await startTestApps();
    api = casesApi(apps);
    for (const u of ['ngocthuy.ch1', 'ngocthuy.ch2', 'ngocthuy', 'ngocthuy.pho', 'phucdong', 'phucdong.ch1', 'longbien', 'longbien.pho']) {
      token[u] = await apps.login(u);
    }
    ch1 = await demoUnitId(apps.dataSource, 'ngocthuy.ch1');
  });
  afterAll(async () => {
    await apps?.close();
  });

  const inboxIds = async (user: string) => ((await api.inbox(token[user]).expect(200)).body.items as { id: string }[]).map((i) => i.id);
  const count = async (sql: string, params: unknown[]) => ((await apps.dataSource.query(sql, params))[0] as { n: number }).n;
  const today = () => dateInHcm(Date.now());

  it('runs the demo scenario: branch submits, ward approves, district approves an amount, build, pay, hand over', async () => {
    const memberId = await demoMemberId(apps.dataSource, 'Nguyễn Văn Hùng');
    const body = housingBody(ch1, {
      beneficiary: { name: 'Nguyễn Văn Hùng', address: 'Tổ dân phố 1, phường Ngọc Thụy', memberId },
    });
    const created = await api.create(token['ngocthuy.ch1'], body).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'pending',
      processType: 'housing-support',
      currentStep: { id: 'ward-verification', levelCode: 'ward' },
      requestedAmount: 60_000_000,
      allowedActions: ['cancel'],
    });

    // In the ward's inboxes, and nobody else's.
    expect(await inboxIds('ngocthuy')).toContain(id);
    expect(await inboxIds('ngocthuy.pho')).toContain(id);
    for (const other of ['phucdong', 'longbien', 'ngocthuy.ch1']) expect(await inboxIds(other)).not.toContain(id);

    // Another ward cannot see it or decide on it; the initiator cannot approve their own case.
    await api.detail(token.phucdong, id).expect(404);
    await api.decide(token.phucdong, id, { action: 'approve' }).expect(404);
    const own = await api.decide(token['ngocthuy.ch1'], id, { action: 'approve' }).expect(403);
    expect(own.body.message).toMatch(/Hội CCB phường Ngọc Thụy/);
    const wardView = await api.detail(token.ngocthuy, id).expect(200);
    expect(wardView.body.allowedActions).toEqual(expect.arrayContaining(['approve', 'return', 'reject']));

    const wardApproved = await api.decide(token.ngocthuy, id, { action: 'approve', comment: 'Đã khảo sát thực tế, đúng hoàn cảnh' }).expect(200);
    expect(wardApproved.body).toMatchObject({ status: 'pending', currentStep: { id: 'district-approval', levelCode: 'district' } });
    // One person, one decision: not again at the ward, not at the district either.
    const twice = await api.decide(token.ngocthuy, id, { action: 'approve' });
    expect([403, 409]).toContain(twice.status);
    expect(await inboxIds('longbien')).toContain(id);
    expect(await inboxIds('ngocthuy')).not.toContain(id);

    const noAmount = await api.decide(token.longbien, id, { action: 'approve' }).expect(422);
    expect(noAmount.body.message).toMatch(/approvedAmount/);
    await api.decide(token.longbien, id, { action: 'approve', data: { approvedAmount: 60_000_001, fundingSource: 'Quỹ' } }).expect(422);
    await api.decide(token.longbien, id, { action: 'approve', data: { approvedAmount: 1.5, fundingSource: 'Quỹ' } }).expect(422);
    const approved = await api
      .decide(token.longbien, id, { action: 'approve', data: { approvedAmount: 50_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' } })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'in_progress', approvedAmount: 50_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' });

    // Disbursements: only the district, never beyond the approved amount, and a refusal writes nothing.
    await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/disbursements`, { amount: 10_000_000, date: today() }).expect(403);
    await api.post(token.longbien, `/api/cases/${id}/disbursements`, { amount: 30_000_000, date: today(), note: 'Đợt 1' }).expect(200);
    const eventsBefore = await count(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [id]);
    const tooMuch = await api
      .post(token['longbien.pho'], `/api/cases/${id}/disbursements`, { amount: 30_000_000, date: today(), note: 'Đợt 2' })
      .expect(422);
    expect(tooMuch.body.message).toMatch(/20\.?000\.?000|20000000/);
    expect(await count(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [id])).toBe(eventsBefore);
    expect(await count(`SELECT count(*)::int AS n FROM ledger_entries WHERE case_id = $1`, [id])).toBe(1);
    await api.post(token['longbien.pho'], `/api/cases/${id}/disbursements`, { amount: 20_000_000, date: today(), note: 'Đợt 2' }).expect(200);

    // Milestones in order: the branch records the works, the ward confirms the handover, which closes
    // the case (the approved amount is paid in full by now).
    await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/milestones`, { kind: 'handed-over', date: today() }).expect(422);
    await api.post(token.longbien, `/api/cases/${id}/milestones`, { kind: 'construction-started', date: today() }).expect(403);
    await api.post(token.ngocthuy, `/api/cases/${id}/milestones`, { kind: 'construction-started', date: today() }).expect(403);
    await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/milestones`, { kind: 'construction-started', date: today(), note: 'Khởi công' }).expect(200);
    await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/milestones`, { kind: 'construction-completed', date: today() }).expect(200);
    await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/milestones`, { kind: 'handed-over', date: today() }).expect(403);
    const closed = await api
      .post(token.ngocthuy, `/api/cases/${id}/milestones`, { kind: 'handed-over', date: today(), note: 'Bàn giao nhà cho gia đình' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'completed', disbursedAmount: 50_000_000, allowedActions: [] });

    // The timeline: every step with its actor and time, in order.
    const detail = await api.detail(token.longbien, id).expect(200);
    const timeline = detail.body.timeline as { seq: number; action: string; actor: { displayName: string } | null; at: string }[];
    expect(timeline.map((e) => [e.action, e.actor?.displayName])).toEqual([
      ['submitted', 'Nguyễn Văn Thành'],
      ['approved', 'Trần Văn Đức'],
      ['approved', 'Nguyễn Huy Hoàng'],
      ['disbursement', 'Nguyễn Huy Hoàng'],
      ['disbursement', 'Vũ Đình Long'],
      ['milestone', 'Nguyễn Văn Thành'],
      ['milestone', 'Nguyễn Văn Thành'],
      ['milestone', 'Trần Văn Đức'],
    ]);
    expect(timeline.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(detail.body.ledger.map((l: { amount: number }) => l.amount)).toEqual([30_000_000, 20_000_000]);
    await api.decide(token.longbien, id, { action: 'approve' }).expect(409);

    // Notifications reached the people who had to act.
    const notes = await api.get(token.ngocthuy, '/api/notifications').expect(200);
    const needed = (notes.body.items as { kind: string; caseId: string; id: string; message: string }[]).find(
      (n) => n.caseId === id && n.kind === 'decision_needed',
    )!;
    expect(needed.message).toMatch(/chờ bạn quyết định/);
    await api.post(token.ngocthuy, `/api/notifications/${needed.id}/read`, {}).expect(200);
    await api.post(token.phucdong, `/api/notifications/${needed.id}/read`, {}).expect(404);
    const initiatorNotes = await api.get(token['ngocthuy.ch1'], '/api/notifications').expect(200);
    expect(initiatorNotes.body.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['case_approved', 'case_completed']));

    // Operators find it in Temporal by its search attributes.
    const handle = apps.api.get(TemporalClient).workflow.getHandle(caseWorkflowId(id));
    expect((await handle.describe()).typedSearchAttributes.get(SA_STATUS)).toBe('completed');
    await recordHistory(handle, 'api-housing-handover');
  });

  it('answers a repeated Idempotency-Key with the same result, and refuses it for another request', async () => {
    const key = randomUUID();
    const body = housingBody(ch1);
    const first = await api.create(token['ngocthuy.ch1'], body, key).expect(201);
    const again = await api.create(token['ngocthuy.ch1'], body, key).expect(201);
    expect(again.body.id).toBe(first.body.id);
    const reused = await api.create(token['ngocthuy.ch1'], { ...body, title: 'Một hồ sơ khác' }, key).expect(422);
    expect(reused.body.code).toBe('idempotency.key_reused');
    await apps.http().post('/api/cases').set('authorization', `Bearer ${token['ngocthuy.ch1']}`).send(body).expect(400);

    const id = first.body.id as string;
    const decisionKey = randomUUID();
    const decided = await api.decide(token.ngocthuy, id, { action: 'approve' }, decisionKey).expect(200);
    const repeated = await api.decide(token.ngocthuy, id, { action: 'approve' }, decisionKey).expect(200);
    expect(repeated.body.currentStep).toEqual(decided.body.currentStep);
    await api.decide(token.ngocthuy, id, { action: 'reject', comment: 'Khác' }, decisionKey).expect(422);
    expect(await count(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action = 'approved'`, [id])).toBe(1);

    // The decision that closes the case ends its workflow; a retry of it still gets the same answer.
    const closingKey = randomUUID();
    const rejection = { action: 'reject', comment: 'Gia đình không thuộc diện hỗ trợ' };
    const rejected = await api.decide(token.longbien, id, rejection, closingKey).expect(200);
    expect(rejected.body.status).toBe('rejected');
    const retried = await api.decide(token.longbien, id, rejection, closingKey).expect(200);
    expect(retried.body).toMatchObject({ id, status: 'rejected' });
    await api.decide(token.longbien, id, { ...rejection, comment: 'Khác' }, closingKey).expect(422);
    await api.decide(token.longbien, id, rejection).expect(409);
    expect(await count(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action = 'rejected'`, [id])).toBe(1);
  });

  it('of 20 concurrent approvals of one step, exactly one is taken and the rest get 409', async () => {
    const id = (await api.create(token['ngocthuy.ch1'], housingBody(ch1)).expect(201)).body.id as string;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.decide(i % 2 ? token['ngocthuy.pho'] : token.ngocthuy, id, { action: 'approve', expectedStep: 'ward-verification' }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await count(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action = 'approved'`, [id])).toBe(1);
    await recordHistory(apps.api.get(TemporalClient).workflow.getHandle(caseWorkflowId(id)), 'api-concurrent-approvals');
  });

  it('returns a case for revision, takes the revision from the initiator only, and lets them cancel before any approval', async () => {
    const id = (await api.create(token['ngocthuy.ch1'], housingBody(ch1)).expect(201)).body.id as string;
    await api.decide(token['ngocthuy.pho'], id, { action: 'return' }).expect(422);
    const returned = await api.decide(token['ngocthuy.pho'], id, { action: 'return', comment: 'Bổ sung ảnh hiện trạng và biên bản họp chi hội' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', allowedActions: [] });
    const mine = await api.detail(token['ngocthuy.ch1'], id).expect(200);
    expect(mine.body.allowedActions.sort()).toEqual(['cancel', 'resubmit']);

    const revised = housingBody(ch1, { requestedAmount: 55_000_000 }).payload;
    await api.post(token.ngocthuy, `/api/cases/${id}/resubmit`, { payload: revised }).expect(403);
    await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/resubmit`, { payload: { ...revised, requestedAmount: '55000000' } }).expect(400);
    const resubmitted = await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/resubmit`, { payload: revised, comment: 'Đã bổ sung' }).expect(200);
    expect(resubmitted.body).toMatchObject({ status: 'pending', requestedAmount: 55_000_000, currentStep: { id: 'ward-verification' } });

    await api.post(token.ngocthuy, `/api/cases/${id}/cancel`, {}).expect(403);
    const cancelled = await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/cancel`, { comment: 'Gia đình đã được doanh nghiệp hỗ trợ' }).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted', 'returned', 'resubmitted', 'cancelled']);
    await api.decide(token.ngocthuy, id, { action: 'approve' }).expect(409);
    await recordHistory(apps.api.get(TemporalClient).workflow.getHandle(caseWorkflowId(id)), 'api-return-resubmit-cancel');
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM cases`, []);
    const bad = await api.create(token['ngocthuy.ch1'], housingBody(ch1, { requestedAmount: 1.5, kind: 'castle' })).expect(400);
    const fields = (bad.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['payload.requestedAmount', 'payload.kind']));
    await api.create(token['ngocthuy.ch1'], housingBody(ch1, { requestedAmount: Number.MAX_SAFE_INTEGER + 2 })).expect(400);
    const above = await api.create(token['ngocthuy.ch1'], housingBody(ch1, { requestedAmount: 130_000_000 })).expect(422);
    expect(above.body.code).toBe('housing.requested_above_estimate');
    const foreignMember = await demoMemberId(apps.dataSource, 'Bùi Quang Vinh');
    await api
      .create(token['ngocthuy.ch1'], housingBody(ch1, { beneficiary: { name: 'Bùi Quang Vinh', address: 'Phúc Đồng', memberId: foreignMember } }))
      .expect(422);
    await api.create(token['ngocthuy.ch1'], { ...housingBody(ch1), processType: 'xay-cau' }).expect(422);
    await api.create(token['ngocthuy.ch2'], housingBody(ch1)).expect(404);
    const english = await api.create(token['ngocthuy.ch1'], housingBody(ch1, { requestedAmount: 130_000_000 })).set('accept-language', 'en').expect(422);
    expect(english.body.message).toMatch(/requested amount/i);
    expect(await count(`SELECT count(*)::int AS n FROM cases`, [])).toBe(before);
  });

  it('finds cases by name without diacritics, only within what the caller may see, and keeps Vietnamese intact', async () => {
    const decomposed = 'Sửa nhà cho bà Lê Thị Hoa'.normalize('NFD');
    const body = { ...housingBody(ch1, { beneficiary: { name: 'Lê Thị Hoa', address: 'Tổ dân phố 2' }, kind: 'repair' }), title: decomposed };
    const id = (await api.create(token['ngocthuy.ch1'], body).expect(201)).body.id as string;
    const found = await api.get(token.ngocthuy, '/api/cases?q=le thi hoa').expect(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(found.body.items.find((c: { id: string }) => c.id === id).title).toBe('Sửa nhà cho bà Lê Thị Hoa'.normalize('NFC'));
    const filtered = await api.get(token.longbien, `/api/cases?q=LE THI&status=pending&processType=housing-support&unitId=${ch1}`).expect(200);
    expect(filtered.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const elsewhere = await api.get(token.phucdong, '/api/cases?q=le thi hoa').expect(200);
    expect(elsewhere.body.items).toHaveLength(0);
    const closedOnly = await api.get(token.ngocthuy, '/api/cases?status=completed&q=le thi hoa').expect(200);
    expect(closedOnly.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
  });
});
