import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { caseWorkflowId, CaseWorkflowInput, submittedUpdate } from '@lienthong/contracts';
import { dateInHcm, resolveChain } from '@lienthong/domain';
import { CaseProjectionService } from '@lienthong/persistence';
import { housingSupportDefinitionV1 } from '@lienthong/processes';
import { TemporalClient } from '@lienthong/temporal';
import { casesApi, demoPath, demoUnitId, housingBody } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

/**
 * Housing's rules as an officer or an auditor expects them, over HTTP: the money is paid in full (or
 * settled with a reason) before a house is "Hoàn thành", a revision that changes the money goes back
 * to the ward, and a case opened before these rules finishes under the rules it was opened with.
 */
describe('housing rules over HTTP', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  const token: Record<string, string> = {};
  let ch1: string;
  const today = () => dateInHcm(Date.now());

  beforeAll(async () => {
    apps = await startTestApps();
    api = casesApi(apps);
    for (const u of ['ngocthuy.ch1', 'ngocthuy', 'ngocthuy.pho', 'longbien', 'longbien.pho']) token[u] = await apps.login(u);
    ch1 = await demoUnitId(apps.dataSource, 'ngocthuy.ch1');
  });
  afterAll(async () => {
    await apps?.close();
  });

  const approved = async (amount = 50_000_000) => {
    const id = (await api.create(token['ngocthuy.ch1'], housingBody(ch1)).expect(201)).body.id as string;
    await api.decide(token.ngocthuy, id, { action: 'approve' }).expect(200);
    await api.decide(token.longbien, id, { action: 'approve', data: { approvedAmount: amount, fundingSource: 'Quỹ Nghĩa tình đồng đội' } }).expect(200);
    return id;
  };
  const milestone = (who: string, id: string, kind: string) => api.post(token[who], `/api/cases/${id}/milestones`, { kind, date: today() });

  it('keeps a handed-over house open until the approved amount is paid in full', async () => {
    const id = await approved();
    await api.post(token.longbien, `/api/cases/${id}/disbursements`, { amount: 30_000_000, date: today() }).expect(200);
    await milestone('ngocthuy.ch1', id, 'construction-started').expect(200);
    await milestone('ngocthuy.ch1', id, 'construction-completed').expect(200);
    const handedOver = await milestone('ngocthuy', id, 'handed-over').expect(200);
    expect(handedOver.body).toMatchObject({ status: 'in_progress', disbursedAmount: 30_000_000, execution: { remaining: 20_000_000 } });
    expect(handedOver.body.allowedActions).toEqual([]);
    expect((await api.detail(token.longbien, id).expect(200)).body.allowedActions).toEqual(['disbursement', 'settlement']);
    const paid = await api.post(token['longbien.pho'], `/api/cases/${id}/disbursements`, { amount: 20_000_000, date: today() }).expect(200);
    expect(paid.body).toMatchObject({ status: 'completed', disbursedAmount: 50_000_000, execution: { remaining: 0 } });
  });

  it('or until the district settles the rest with a reason', async () => {
    const id = await approved();
    await api.post(token.longbien, `/api/cases/${id}/disbursements`, { amount: 45_000_000, date: today() }).expect(200);
    await api.post(token.ngocthuy, `/api/cases/${id}/settlement`, { date: today(), reason: 'Chi phí thấp hơn' }).expect(403);
    const blank = await api.post(token.longbien, `/api/cases/${id}/settlement`, { date: today(), reason: '   ' }).expect(400);
    expect(blank.body.details.map((d: { field: string }) => d.field)).toContain('reason');
    const settled = await api
      .post(token.longbien, `/api/cases/${id}/settlement`, { date: today(), reason: 'Chi phí thực tế thấp hơn dự toán 5.000.000 đồng' })
      .expect(200);
    expect(settled.body.execution).toMatchObject({ remaining: 0, settlement: { waived: 5_000_000, reason: 'Chi phí thực tế thấp hơn dự toán 5.000.000 đồng' } });
    await api.post(token.longbien, `/api/cases/${id}/disbursements`, { amount: 1_000_000, date: today() }).expect(409);
    await milestone('ngocthuy.ch1', id, 'construction-started').expect(200);
    await milestone('ngocthuy.ch1', id, 'construction-completed').expect(200);
    await milestone('ngocthuy.ch1', id, 'handed-over').expect(403);
    const closed = await milestone('ngocthuy.pho', id, 'handed-over').expect(200);
    expect(closed.body.status).toBe('completed');
    expect(closed.body.timeline.map((e: { action: string }) => e.action)).toContain('settlement');
  });

  it('sends a revision that changes the money back to the ward; an unchanged one resumes where it was returned', async () => {
    const id = (await api.create(token['ngocthuy.ch1'], housingBody(ch1)).expect(201)).body.id as string;
    await api.decide(token.ngocthuy, id, { action: 'approve', comment: 'Đã khảo sát' }).expect(200);
    await api.decide(token.longbien, id, { action: 'return', comment: 'Bổ sung ảnh hiện trạng' }).expect(200);
    const same = housingBody(ch1, { situation: 'Nhà cấp bốn xây năm 1985, tường nứt; đã bổ sung ảnh hiện trạng.' }).payload;
    const resumed = await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/resubmit`, { payload: same }).expect(200);
    expect(resumed.body.currentStep).toMatchObject({ id: 'district-approval' });

    await api.decide(token.longbien, id, { action: 'return', comment: 'Giảm số tiền đề nghị' }).expect(200);
    const changed = housingBody(ch1, { requestedAmount: 45_000_000 }).payload;
    const restarted = await api.post(token['ngocthuy.ch1'], `/api/cases/${id}/resubmit`, { payload: changed }).expect(200);
    expect(restarted.body).toMatchObject({ status: 'pending', currentStep: { id: 'ward-verification' }, requestedAmount: 45_000_000 });
    expect(restarted.body.chain.map((s: { state: string }) => s.state)).toEqual(['pending', 'upcoming']);
    const last = restarted.body.timeline.at(-1);
    expect(last).toMatchObject({ action: 'resubmitted', data: { restarted: true, changed: ['requestedAmount'] } });
    expect((await api.inbox(token.ngocthuy).expect(200)).body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('finishes a case opened before these rules under its own: the branch records the handover, which closes it unpaid', async () => {
    // Started exactly as the API started housing cases before process modules: the old workflow type,
    // definition version 1, and its projection written by the caller.
    const { path, orgId } = await demoPath(apps.dataSource);
    const resolved = resolveChain(housingSupportDefinitionV1, path);
    if ('code' in resolved) throw new Error(resolved.code);
    const users = Object.fromEntries(
      ((await apps.dataSource.query('SELECT id, username, display_name FROM users')) as { id: string; username: string; display_name: string }[]).map(
        (u) => [u.username, u],
      ),
    );
    const caseId = randomUUID();
    const input: CaseWorkflowInput = {
      caseId,
      processType: 'housing-support',
      definitionVersion: 1,
      organizationId: orgId,
      originUnitId: path[0].id,
      title: 'Hồ sơ mở trước khi có quy định mới',
      payload: housingBody(ch1).payload,
      initiator: { userId: users['ngocthuy.ch1'].id, displayName: users['ngocthuy.ch1'].display_name },
      chain: resolved.chain,
      plan: resolved.plan,
      resubmitTo: 'returning-step',
      requestHash: 'b'.repeat(64),
      callerProjects: true,
    };
    const client = apps.api.get(TemporalClient);
    const result = await client.workflow.executeUpdateWithStart(submittedUpdate, {
      args: [{ requestHash: input.requestHash }],
      updateId: 'submitted',
      startWorkflowOperation: new WithStartWorkflowOperation('housingSupportWorkflow', {
        workflowId: caseWorkflowId(caseId),
        taskQueue: apps.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
    await apps.api.get(CaseProjectionService).apply(result.projection!);

    await api.decide(token.ngocthuy, caseId, { action: 'approve' }).expect(200);
    await api.decide(token.longbien, caseId, { action: 'approve', data: { approvedAmount: 50_000_000, fundingSource: 'Quỹ hội' } }).expect(200);
    await api.post(token.longbien, `/api/cases/${caseId}/disbursements`, { amount: 10_000_000, date: today() }).expect(200);
    expect((await api.detail(token.longbien, caseId).expect(200)).body.allowedActions).toEqual(['disbursement']);
    await milestone('ngocthuy.pho', caseId, 'construction-started').expect(200);
    await milestone('ngocthuy.ch1', caseId, 'construction-completed').expect(200);
    const closed = await milestone('ngocthuy.ch1', caseId, 'handed-over').expect(200);
    expect(closed.body).toMatchObject({ status: 'completed', disbursedAmount: 10_000_000 });
    expect(await client.workflow.getHandle(caseWorkflowId(caseId)).result()).toEqual({ caseId, status: 'completed' });
  });
});
