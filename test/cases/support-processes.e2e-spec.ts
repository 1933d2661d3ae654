import { caseWorkflowId } from '@lienthong/contracts';
import { dateInHcm } from '@lienthong/domain';
import { TemporalClient } from '@lienthong/temporal';
import { recordHistory } from '../support/history-fixtures';
import { casesApi, demoMemberId, demoUnitId } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

/**
 * The small support work every ward reports, as process modules over HTTP: a visit recorded by a
 * branch and confirmed by the ward, and an interest-free loan from approval to its last repayment.
 */
describe('support visits and interest-free loans over HTTP', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  const token: Record<string, string> = {};
  let ch1: string;
  let ward: string;
  const today = () => dateInHcm(Date.now());

  beforeAll(async () => {
    apps = await startTestApps();
    api = casesApi(apps);
    for (const u of ['ngocthuy.ch1', 'ngocthuy', 'ngocthuy.pho', 'phucdong', 'longbien']) token[u] = await apps.login(u);
    ch1 = await demoUnitId(apps.dataSource, 'ngocthuy.ch1');
    ward = await demoUnitId(apps.dataSource, 'ngocthuy');
  });
  afterAll(async () => {
    await apps?.close();
  });

  const visit = (payload: Record<string, unknown> = {}, unitId = ch1) => ({
    processType: 'support-visit',
    unitId,
    title: 'Phúng viếng hội viên Trần Đình Thắng',
    payload: { kind: 'condolence', recipient: { name: 'Gia đình ông Trần Đình Thắng' }, date: today(), amount: 2_000_000, ...payload },
  });

  it('records a visit at the branch; the ward confirms it, and the case is complete', async () => {
    const memberId = await demoMemberId(apps.dataSource, 'Trần Đình Thắng');
    const created = await api.create(token['ngocthuy.ch1'], visit({ recipient: { name: 'Trần Đình Thắng', memberId } })).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      processType: 'support-visit',
      status: 'pending',
      requestedAmount: 2_000_000,
      currentStep: { id: 'ward-confirmation', unitId: ward },
      execution: null,
    });
    const inbox = await api.inbox(token.ngocthuy).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const found = await api.get(token.ngocthuy, '/api/cases?q=tran dinh thang&processType=support-visit').expect(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toContain(id);

    const view = await api.detail(token.ngocthuy, id).expect(200);
    expect(view.body.allowedActions).toEqual(['approve', 'return']);
    await api.decide(token.ngocthuy, id, { action: 'reject', comment: 'Không' }).expect(422);
    const confirmed = await api.decide(token.ngocthuy, id, { action: 'approve', comment: 'Đã xác nhận' }).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'completed', allowedActions: [] });
    const notes = await api.get(token['ngocthuy.ch1'], '/api/notifications').expect(200);
    expect(notes.body.items.find((n: { caseId: string; kind: string }) => n.caseId === id && n.kind === 'case_approved')).toBeDefined();
    await recordHistory(apps.api.get(TemporalClient).workflow.getHandle(caseWorkflowId(id)), 'api-support-visit');
  });

  it('takes a visit without money, recorded at the ward and confirmed by another ward officer', async () => {
    const created = await api.create(token['ngocthuy.pho'], visit({ kind: 'sick-visit', amount: 0 }, ward)).expect(201);
    const id = created.body.id as string;
    expect(created.body.currentStep).toMatchObject({ unitId: ward });
    await api.decide(token['ngocthuy.pho'], id, { action: 'approve' }).expect(403);
    const returned = await api.decide(token.ngocthuy, id, { action: 'return', comment: 'Ghi rõ ngày thăm' }).expect(200);
    expect(returned.body.status).toBe('returned');
    await api.post(token['ngocthuy.pho'], `/api/cases/${id}/resubmit`, { payload: visit({ kind: 'sick-visit', amount: 0 }).payload }).expect(200);
    await api.decide(token.ngocthuy, id, { action: 'approve' }).expect(200);
  });

  it('refuses a visit in the future, an unknown kind, a negative amount or a member of another branch, and writes nothing', async () => {
    const before = Number((await apps.dataSource.query('SELECT count(*) AS n FROM cases'))[0].n);
    const future = await api.create(token['ngocthuy.ch1'], visit({ date: '2099-01-01' })).expect(422);
    expect(future.body).toMatchObject({ code: 'visit.date_in_future', message: 'Ngày thăm hỏi (2099-01-01) không được ở tương lai.' });
    const bad = await api.create(token['ngocthuy.ch1'], visit({ kind: 'party', amount: -1 })).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['payload.kind', 'payload.amount']));
    const foreign = await demoMemberId(apps.dataSource, 'Bùi Quang Vinh');
    await api.create(token['ngocthuy.ch1'], visit({ recipient: { name: 'Bùi Quang Vinh', memberId: foreign } })).expect(422);
    await api.create(token.longbien, { ...visit(), unitId: await demoUnitId(apps.dataSource, 'longbien') }).expect(422);
    expect(Number((await apps.dataSource.query('SELECT count(*) AS n FROM cases'))[0].n)).toBe(before);
  });

  it('lends from the fund at the ward, pays out, takes repayments, and completes when repaid in full', async () => {
    const memberId = await demoMemberId(apps.dataSource, 'Phạm Văn Bình');
    const body = {
      processType: 'interest-free-loan',
      unitId: ch1,
      title: 'Cho hội viên Phạm Văn Bình vay vốn chăn nuôi',
      payload: { borrower: { name: 'Phạm Văn Bình', memberId }, amount: 15_000_000, termMonths: 12, purpose: 'Mua bò giống' },
    };
    await api.create(token['ngocthuy.ch1'], { ...body, payload: { ...body.payload, borrower: { name: 'Phạm Văn Bình' } } }).expect(400);
    const id = (await api.create(token['ngocthuy.ch1'], body).expect(201)).body.id as string;

    await api.decide(token['ngocthuy.pho'], id, { action: 'approve', data: { approvedAmount: 16_000_000, fundingSource: 'Quỹ hội' } }).expect(422);
    const approved = await api
      .decide(token['ngocthuy.pho'], id, { action: 'approve', data: { approvedAmount: 10_000_000, fundingSource: 'Quỹ hỗ trợ hội viên phường' } })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'in_progress',
      approvedAmount: 10_000_000,
      fundingSource: 'Quỹ hỗ trợ hội viên phường',
      execution: { cap: 10_000_000, disbursed: 0, repaid: 0, outstanding: 0, repaymentDueDate: null },
    });
    expect((await api.detail(token.ngocthuy, id).expect(200)).body.allowedActions).toEqual(['disbursement', 'settlement']);
    expect((await api.detail(token['ngocthuy.ch1'], id).expect(200)).body.allowedActions).toEqual([]);

    await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/disbursements`, { amount: 10_000_000, date: today() }).expect(403);
    await api.post(token.ngocthuy, `/api/cases/${id}/repayments`, { amount: 1_000_000, date: today() }).expect(409);
    const paidOut = await api.post(token.ngocthuy, `/api/cases/${id}/disbursements`, { amount: 10_000_000, date: today(), note: 'Giải ngân' }).expect(200);
    const [y, m, d] = today().split('-').map(Number);
    expect(paidOut.body.execution).toMatchObject({ disbursed: 10_000_000, outstanding: 10_000_000, remaining: 0 });
    expect(paidOut.body.execution.repaymentDueDate).toMatch(new RegExp(`^${y + 1}-${String(m).padStart(2, '0')}-`));
    expect(Number(paidOut.body.execution.repaymentDueDate.slice(8))).toBeLessThanOrEqual(d);
    expect(paidOut.body.allowedActions).toEqual(['repayment']);

    await api.post(token.ngocthuy, `/api/cases/${id}/repayments`, { amount: 4_000_000, date: today(), note: 'Trả đợt 1' }).expect(200);
    const tooMuch = await api.post(token.ngocthuy, `/api/cases/${id}/repayments`, { amount: 7_000_000, date: today() }).expect(422);
    expect(tooMuch.body).toMatchObject({ code: 'case.repayment_exceeds', message: expect.stringMatching(/6\.000\.000/) });
    await api.post(token.ngocthuy, `/api/cases/${id}/milestones`, { kind: 'handed-over', date: today() }).expect(422);
    const repaid = await api.post(token['ngocthuy.pho'], `/api/cases/${id}/repayments`, { amount: 6_000_000, date: today() }).expect(200);
    expect(repaid.body).toMatchObject({ status: 'completed', execution: { repaid: 10_000_000, outstanding: 0 }, allowedActions: [] });
    expect(repaid.body.ledger.map((l: { kind: string; amount: number }) => [l.kind, l.amount])).toEqual([
      ['disbursement', 10_000_000],
      ['repayment', 4_000_000],
      ['repayment', 6_000_000],
    ]);
    const listed = await api.get(token.longbien, '/api/cases?processType=interest-free-loan&status=completed').expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);
    await recordHistory(apps.api.get(TemporalClient).workflow.getHandle(caseWorkflowId(id)), 'api-loan-repaid');
  });
});
