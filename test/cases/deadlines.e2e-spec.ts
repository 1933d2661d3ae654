import { waitFor } from '../../tools/stack/ports';
import { casesApi, demoUnitId, housingBody } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

/**
 * Deadlines through the whole system, with a "day" of one second (CASE_DAY_SECONDS=1): the ward's
 * 7 days run out after 7 s, escalation follows 3 "days" later. Overdue cases show in the list filter
 * and in the deciders' notifications; the unit above hears of the escalation.
 */
describe('deadlines: overdue, reminders and escalation over HTTP', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;

  beforeAll(async () => {
    apps = await startTestApps({ env: { CASE_DAY_SECONDS: '1' } });
    api = casesApi(apps);
  });
  afterAll(async () => {
    await apps?.close();
  });

  it('flags a late ward step, reminds its deciders, then alerts the district', async () => {
    const [branch, ward, district] = await Promise.all(['ngocthuy.ch1', 'ngocthuy', 'longbien'].map((u) => apps.login(u)));
    const created = await api.create(branch, housingBody(await demoUnitId(apps.dataSource, 'ngocthuy.ch1'))).expect(201);
    const id = created.body.id as string;
    const submittedAt = Date.parse(created.body.createdAt);
    expect(Date.parse(created.body.dueAt) - submittedAt).toBeGreaterThanOrEqual(7_000);
    expect(created.body.overdue).toBe(false);

    const notificationKinds = async (token: string) =>
      ((await api.get(token, '/api/notifications').expect(200)).body.items as { kind: string; caseId: string }[])
        .filter((n) => n.caseId === id)
        .map((n) => n.kind);

    await waitFor(
      'the case to fall overdue',
      async () => ((await api.get(ward, '/api/cases?overdue=true').expect(200)).body.items as { id: string }[]).some((c) => c.id === id),
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(await notificationKinds(ward)).toContain('case_overdue');
    expect((await api.get(ward, '/api/cases?overdue=false').expect(200)).body.items.map((c: { id: string }) => c.id)).not.toContain(id);

    await waitFor('the district to be alerted', async () => (await notificationKinds(district)).includes('case_escalated'), {
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    const detail = await api.detail(ward, id).expect(200);
    expect(detail.body).toMatchObject({ overdue: true, escalated: true, status: 'pending' });
    expect(detail.body.timeline.map((e: { action: string; actor: unknown }) => [e.action, e.actor])).toEqual([
      ['submitted', expect.objectContaining({ displayName: 'Nguyễn Văn Thành' })],
      ['overdue', null],
      ['escalated', null],
    ]);
    // Escalation informs; the decision stays with the ward, whose late approval moves the case on with a fresh deadline.
    const approved = await api.decide(ward, id, { action: 'approve' }).expect(200);
    expect(approved.body).toMatchObject({ overdue: false, escalated: false, currentStep: { id: 'district-approval' } });
  });
});
