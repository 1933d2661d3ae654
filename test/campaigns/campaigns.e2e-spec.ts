import { randomUUID } from 'node:crypto';
import { campaignStateQuery, campaignWorkflowId } from '@lienthong/contracts';
import { dateInHcm, shiftDate } from '@lienthong/domain';
import { CampaignLifecycleService } from '@lienthong/persistence';
import { TemporalClient } from '@lienthong/temporal';
import { demoMemberId, demoUnitId } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

interface Node {
  unit: { id: string; name: string; levelCode: string };
  quota: number | null;
  collected: number;
  percent: number | null;
  onPace: boolean | null;
  children: Node[];
}

/** Every node's `collected` is its own entries plus its children's: checked at every level. */
function checkAddsUp(node: Node, own: Map<string, number>): void {
  const sum = node.children.reduce((s, c) => s + c.collected, own.get(node.unit.id) ?? 0);
  expect({ unit: node.unit.name, collected: node.collected }).toEqual({ unit: node.unit.name, collected: sum });
  node.children.forEach((c) => checkAddsUp(c, own));
}

/**
 * Fund campaigns over HTTP, through the real API, worker, Temporal and PostgreSQL: the demo ward Ngọc
 * Thụy launches a campaign, hands quotas to Chi hội 1 and 2, the branches record contributions (one
 * reversed) and the progress tree adds up at every level; another ward sees and touches nothing;
 * retries and concurrent requests never count money twice; the close refuses late entries.
 */
describe('fund campaigns (API, real Temporal and PostgreSQL)', () => {
  let apps: TestApps;
  const tokens: Record<string, string> = {};
  const units: Record<string, string> = {};
  const today = dateInHcm(Date.now());
  const endDate = shiftDate(today, 30);

  const post = (who: string, path: string, body: object, key: string = randomUUID()) =>
    apps.http().post(`/api${path}`).set('authorization', `Bearer ${tokens[who]}`).set('idempotency-key', key).send(body);
  const put = (who: string, path: string, body: object) => apps.http().put(`/api${path}`).set('authorization', `Bearer ${tokens[who]}`).send(body);
  const get = (who: string, path: string) => apps.http().get(`/api${path}`).set('authorization', `Bearer ${tokens[who]}`);

  const campaignBody = (overrides: Record<string, unknown> = {}) => ({
    unitId: units.ngocthuy,
    title: 'Ủng hộ đồng bào bị bão lũ năm 2026',
    fundName: 'Quỹ Vì người nghèo',
    purpose: 'Hỗ trợ hội viên và nhân dân các tỉnh miền Trung khắc phục hậu quả bão.',
    target: 10_000_000,
    startDate: today,
    endDate,
    suggestion: 100_000,
    ...overrides,
  });
  const contribution = (unit: string, amount: number, donor: Record<string, unknown>, method = 'cash') => ({
    unitId: units[unit],
    donor,
    amount,
    date: today,
    method,
  });

  /** Creates and launches a campaign of the ward; returns its id. */
  async function launchedCampaign(overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await post('ngocthuy', '/campaigns', campaignBody(overrides)).expect(201);
    await post('ngocthuy', `/campaigns/${created.body.id}/launch`, {}).expect(200);
    return created.body.id as string;
  }

  beforeAll(async () => {
    apps = await startTestApps();
    for (const who of ['ngocthuy', 'ngocthuy.pho', 'ngocthuy.ch1', 'ngocthuy.ch2', 'phucdong', 'phucdong.ch1', 'longbien']) {
      tokens[who] = await apps.login(who);
    }
    for (const key of ['ngocthuy', 'ngocthuy.ch1', 'ngocthuy.ch2', 'phucdong', 'phucdong.ch1', 'longbien']) {
      units[key] = await demoUnitId(apps.dataSource, key);
    }
  });
  afterAll(async () => {
    await apps?.close();
  });

  it('runs a campaign through: launch, quotas, contributions and a reversal; progress adds up at every level', async () => {
    // Created in draft, numbered per year, its workflow started.
    const key = randomUUID();
    const created = await post('ngocthuy', '/campaigns', campaignBody(), key).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'draft',
      target: 10_000_000,
      collected: 0,
      daysLeft: 30,
      unit: { id: units.ngocthuy, name: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward' },
      allowedActions: ['launch', 'cancel', 'setQuota', 'viewContributions'],
    });
    expect(created.body.code).toMatch(new RegExp(`^VD-${today.slice(0, 4)}-\\d{4}$`));
    // The same key and body: the same campaign; another body under the key: 422.
    expect((await post('ngocthuy', '/campaigns', campaignBody(), key).expect(201)).body.id).toBe(id);
    expect((await post('ngocthuy', '/campaigns', campaignBody({ target: 1 }), key).expect(422)).body.code).toBe('idempotency.key_reused');

    // A draft is not the branches' to see yet.
    expect((await get('ngocthuy.ch1', `/campaigns/${id}`).expect(404)).body.code).toBe('campaign.not_found');
    expect((await get('ngocthuy.ch1', '/campaigns').expect(200)).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await post('ngocthuy', `/campaigns/${id}/contributions`, contribution('ngocthuy', 1_000, { kind: 'anonymous' })).expect(409)).body.code).toBe(
      'campaign.not_open',
    );

    // Quotas handed down by the ward; each change is an event.
    expect((await put('ngocthuy', `/campaigns/${id}/quotas/${units['ngocthuy.ch1']}`, { amount: 6_000_000 }).expect(200)).body).toEqual({
      unitId: units['ngocthuy.ch1'],
      amount: 6_000_000,
    });
    await put('ngocthuy', `/campaigns/${id}/quotas/${units['ngocthuy.ch2']}`, { amount: 4_000_000 }).expect(200);
    await put('ngocthuy.pho', `/campaigns/${id}/quotas/${units['ngocthuy.ch2']}`, { amount: 5_000_000 }).expect(200);
    await put('ngocthuy.pho', `/campaigns/${id}/quotas/${units['ngocthuy.ch2']}`, { amount: 5_000_000 }).expect(200); // unchanged: no event
    expect((await put('ngocthuy', `/campaigns/${id}/quotas/${units.ngocthuy}`, { amount: 1 }).expect(422)).body.code).toBe('campaign.quota_root');

    // Launch: the launching unit only; the branches are told.
    const launchKey = randomUUID();
    expect((await post('ngocthuy', `/campaigns/${id}/launch`, {}, launchKey).expect(200)).body).toEqual({ id, status: 'open' });
    expect((await post('ngocthuy', `/campaigns/${id}/launch`, {}, launchKey).expect(200)).body).toEqual({ id, status: 'open' });
    expect((await post('ngocthuy', `/campaigns/${id}/launch`, {}).expect(409)).body.code).toBe('campaign.already_open');
    expect((await post('ngocthuy.ch1', `/campaigns/${id}/launch`, {}).expect(403)).body.code).toBe('campaign.not_launching_unit');
    // The workflow started at creation holds the lifecycle; contributions never reach it.
    const workflow = apps.api.get(TemporalClient).workflow.getHandle(campaignWorkflowId(id));
    expect(await workflow.query(campaignStateQuery)).toMatchObject({ status: 'open', endDate, remindersSent: [] });
    const notified = (await get('ngocthuy.ch1', '/notifications').expect(200)).body.items.find((n: { campaignId: string }) => n.campaignId === id);
    expect(notified).toMatchObject({ kind: 'campaign_launched', caseId: null });
    expect(notified.message).toContain('Hội CCB phường Ngọc Thụy phát động cuộc vận động "Ủng hộ đồng bào bị bão lũ năm 2026"');
    expect((await get('ngocthuy', '/notifications').expect(200)).body.items.some((n: { campaignId: string }) => n.campaignId === id)).toBe(false);

    // A branch sets no quota, not even its own.
    expect((await put('ngocthuy.ch1', `/campaigns/${id}/quotas/${units['ngocthuy.ch1']}`, { amount: 1 }).expect(403)).body.code).toBe(
      'campaign.not_parent_officer',
    );

    // Contributions, numbered per unit.
    const hung = await demoMemberId(apps.dataSource, 'Nguyễn Văn Hùng');
    const c1 = await post('ngocthuy.ch1', `/campaigns/${id}/contributions`, contribution('ngocthuy.ch1', 500_000, { kind: 'member', memberId: hung })).expect(201);
    expect(c1.body).toMatchObject({ receiptNo: 1, amount: 500_000, donor: { kind: 'member', name: 'Nguyễn Văn Hùng', memberId: hung }, reverses: null });
    const c2 = await post(
      'ngocthuy.ch1',
      `/campaigns/${id}/contributions`,
      contribution('ngocthuy.ch1', 1_000_000, { kind: 'resident', name: 'Bà Trần Thị Mai' }, 'transfer'),
    ).expect(201);
    const c3 = await post('ngocthuy.ch1', `/campaigns/${id}/contributions`, contribution('ngocthuy.ch1', 200_000, { kind: 'anonymous' })).expect(201);
    expect([c2.body.receiptNo, c3.body.receiptNo]).toEqual([2, 3]);
    const d1 = await post('ngocthuy.ch2', `/campaigns/${id}/contributions`, contribution('ngocthuy.ch2', 300_000, { kind: 'organization', name: 'Công ty Hòa Bình' })).expect(201);
    const d2 = await post('ngocthuy.ch2', `/campaigns/${id}/contributions`, contribution('ngocthuy.ch2', 700_000, { kind: 'member', name: 'Hoàng Minh Tuấn' }, 'in-kind')).expect(201);
    expect([d1.body.receiptNo, d2.body.receiptNo]).toEqual([1, 2]);
    await post('ngocthuy', `/campaigns/${id}/contributions`, contribution('ngocthuy', 250_000, { kind: 'anonymous' })).expect(201);

    // Refusals, each coded.
    const refusals: [string, Record<string, unknown>, number, string][] = [
      ['ngocthuy.ch1', contribution('ngocthuy.ch1', 1_000, { kind: 'anonymous', name: 'X' }), 422, 'campaign.donor_anonymous_named'],
      ['ngocthuy.ch1', contribution('ngocthuy.ch1', 1_000, { kind: 'resident' }), 422, 'campaign.donor_name_required'],
      ['ngocthuy.ch1', { ...contribution('ngocthuy.ch1', 1_000, { kind: 'anonymous' }), date: shiftDate(today, 1) }, 422, 'campaign.contribution_date_future'],
      ['ngocthuy.ch1', { ...contribution('ngocthuy.ch1', 1_000, { kind: 'anonymous' }), date: shiftDate(today, -1) }, 422, 'campaign.contribution_date_outside'],
      ['ngocthuy.ch1', contribution('ngocthuy.ch1', 0, { kind: 'anonymous' }), 400, 'validation.failed'],
      ['ngocthuy.ch1', contribution('ngocthuy.ch2', 1_000, { kind: 'anonymous' }), 404, 'unit.not_found'],
      ['ngocthuy.ch2', contribution('ngocthuy.ch2', 1_000, { kind: 'member', memberId: hung }), 422, 'campaign.member_not_in_unit'],
      ['ngocthuy.pho', contribution('ngocthuy.ch1', 1_000, { kind: 'anonymous' }), 403, 'campaign.not_unit_officer'],
    ];
    for (const [who, body, status, code] of refusals) {
      const res = await post(who, `/campaigns/${id}/contributions`, body);
      expect({ code: res.body.code, status: res.status }).toEqual({ code, status });
      expect(res.body.message).toMatch(/[ăâđêôơưạảãáàậẩẫấầếềểễệịỉĩíìọỏõóòộổỗốồờởỡớợụủũúùựửữứừỳỷỹýỵ]/i);
    }

    // A reversal: the opposite entry; the original stays; once only; not of a reversal; only by its unit.
    const reversalKey = randomUUID();
    const reversal = await post('ngocthuy.ch1', `/campaigns/${id}/contributions/${c2.body.id}/reversal`, { reason: 'Ghi nhầm đơn vị' }, reversalKey).expect(201);
    expect(reversal.body).toMatchObject({ amount: -1_000_000, reverses: c2.body.id, receiptNo: null, note: 'Ghi nhầm đơn vị', unitId: units['ngocthuy.ch1'] });
    expect((await post('ngocthuy.ch1', `/campaigns/${id}/contributions/${c2.body.id}/reversal`, { reason: 'Ghi nhầm đơn vị' }, reversalKey).expect(201)).body.id).toBe(
      reversal.body.id,
    );
    expect((await post('ngocthuy.ch1', `/campaigns/${id}/contributions/${c2.body.id}/reversal`, { reason: 'Lần nữa' }).expect(409)).body.code).toBe(
      'campaign.already_reversed',
    );
    expect((await post('ngocthuy.ch1', `/campaigns/${id}/contributions/${reversal.body.id}/reversal`, { reason: 'x' }).expect(422)).body.code).toBe(
      'campaign.reversal_of_reversal',
    );
    expect((await post('ngocthuy.ch2', `/campaigns/${id}/contributions/${c1.body.id}/reversal`, { reason: 'x' }).expect(404)).body.code).toBe(
      'campaign.contribution_not_found',
    );

    // The ledger is append-only in the database itself.
    await expect(apps.dataSource.query('UPDATE contributions SET amount = 1 WHERE id = $1', [c1.body.id])).rejects.toThrow(/append-only/);
    await expect(apps.dataSource.query('DELETE FROM contributions WHERE id = $1', [c1.body.id])).rejects.toThrow(/append-only/);
    await expect(apps.dataSource.query('DELETE FROM campaign_events WHERE campaign_id = $1', [id])).rejects.toThrow(/append-only/);

    // Progress: every level adds up exactly, against the ledger's own sums.
    const own = new Map<string, number>(
      (
        await apps.dataSource.query<{ unit_id: string; net: string }[]>(
          'SELECT unit_id, sum(amount)::text AS net FROM contributions WHERE campaign_id = $1 GROUP BY unit_id',
          [id],
        )
      ).map((r) => [r.unit_id, Number(r.net)]),
    );
    const tree = (await get('ngocthuy.ch1', `/campaigns/${id}/progress`).expect(200)).body as Node;
    checkAddsUp(tree, own);
    expect(tree).toMatchObject({ unit: { id: units.ngocthuy }, quota: 10_000_000, collected: 1_950_000, percent: 19.5 });
    expect(tree.children.map((c) => [c.unit.name, c.quota, c.collected, c.percent])).toEqual([
      ['Chi hội 1', 6_000_000, 700_000, 11.7],
      ['Chi hội 2', 5_000_000, 1_000_000, 20],
    ]);
    expect(typeof tree.onPace).toBe('boolean');

    // The detail: totals, timeline, what each may do.
    const detail = (await get('ngocthuy', `/campaigns/${id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'open', collected: 1_950_000, entries: 7, percent: 19.5, daysLeft: 30 });
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['created', 'quota_set', 'quota_set', 'quota_set', 'launched', 'reversal']);
    expect(detail.timeline[3]).toMatchObject({ action: 'quota_set', unitId: units['ngocthuy.ch2'], data: { amount: 5_000_000, previous: 4_000_000 } });
    expect(detail.allowedActions).toEqual(['cancel', 'setQuota', 'contribute', 'viewContributions']);
    expect((await get('ngocthuy.ch1', `/campaigns/${id}`).expect(200)).body.allowedActions).toEqual([
      'contribute',
      'viewContributions',
      'remit',
      'requestExtension',
    ]);
    expect((await get('longbien', `/campaigns/${id}`).expect(200)).body.allowedActions).toEqual([]);

    // Entries: a unit's own for its officers, the subtree for the ward, paged and capped.
    const ch1List = (await get('ngocthuy.ch1', `/campaigns/${id}/contributions?unitId=${units['ngocthuy.ch1']}`).expect(200)).body;
    expect(ch1List).toMatchObject({ total: 4, collected: 700_000, page: 1 });
    expect(ch1List.items[0]).toMatchObject({ id: reversal.body.id, recordedBy: { displayName: expect.any(String) } });
    expect(ch1List.items.find((e: { id: string }) => e.id === c2.body.id).reversedBy).toBe(reversal.body.id);
    const wardList = (await get('ngocthuy', `/campaigns/${id}/contributions?unitId=${units.ngocthuy}&pageSize=2&page=2`).expect(200)).body;
    expect(wardList).toMatchObject({ total: 7, collected: 1_950_000, page: 2, pageSize: 2 });
    expect(wardList.items).toHaveLength(2);
    // The tree names the neighbouring branch and the ward, but their entries are their officers'.
    for (const unit of [units['ngocthuy.ch2'], units.ngocthuy]) {
      expect((await get('ngocthuy.ch1', `/campaigns/${id}/contributions?unitId=${unit}`).expect(403)).body.code).toBe('campaign.entries_officers_only');
    }
    await get('ngocthuy', `/campaigns/${id}/contributions?unitId=${units.ngocthuy}&pageSize=1000`).expect(400);
    await get('ngocthuy', `/campaigns/${id}/contributions`).expect(400);

    // Reminders (the workflow's activity, run here on the real database at T−7 days): the units
    // behind their share of time are told, once.
    const lifecycle = apps.worker!.get(CampaignLifecycleService);
    const t7 = Date.parse(`${endDate}T23:59:59.999+07:00`) - 7 * 86_400_000;
    expect(await lifecycle.remindBehind(id, 7, t7)).toBe(3);
    expect(await lifecycle.remindBehind(id, 7, t7)).toBe(3);
    const reminders = (await get('ngocthuy.ch1', '/notifications').expect(200)).body.items.filter(
      (n: { campaignId: string; kind: string }) => n.campaignId === id && n.kind === 'campaign_behind',
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0].message).toBe('Cuộc vận động "Ủng hộ đồng bào bị bão lũ năm 2026" còn 7 ngày; Chi hội 1 mới đạt 11,7% chỉ tiêu.');

    // However many entries, the workflow's history is its start, its launch and its timer.
    const history = await workflow.fetchHistory();
    expect(history.events!.length).toBeLessThan(30);

    // The close (the workflow's activity at the end of the end date): idempotent; late entries refused.
    await lifecycle.close(id);
    await lifecycle.close(id);
    const closed = (await get('ngocthuy', `/campaigns/${id}`).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', daysLeft: 0, allowedActions: ['viewContributions'] });
    expect(closed.timeline.filter((e: { action: string }) => e.action === 'closed')).toEqual([
      expect.objectContaining({ data: { collected: 1_950_000 }, actor: null }),
    ]);
    const late = await post('ngocthuy.ch1', `/campaigns/${id}/contributions`, contribution('ngocthuy.ch1', 1_000, { kind: 'anonymous' })).expect(409);
    expect(late.body).toMatchObject({ code: 'campaign.closed' });
    expect(late.body.message).toContain('Cuộc vận động đã kết thúc');
    expect((await put('ngocthuy', `/campaigns/${id}/quotas/${units['ngocthuy.ch1']}`, { amount: 1 }).expect(409)).body.code).toBe('campaign.closed');
    expect((await post('ngocthuy.ch1', `/campaigns/${id}/contributions/${c1.body.id}/reversal`, { reason: 'x' }).expect(409)).body.code).toBe('campaign.closed');
  });

  it('refuses entries after the end date even before the workflow closes the campaign', async () => {
    const id = await launchedCampaign();
    // The end date moved into the past (as if the day were over while the close is on its way).
    const yesterday = shiftDate(today, -1);
    await apps.dataSource.query('UPDATE campaigns SET start_date = $2, end_date = $2 WHERE id = $1', [id, yesterday]);
    const res = await post('ngocthuy.ch1', `/campaigns/${id}/contributions`, { ...contribution('ngocthuy.ch1', 1_000, { kind: 'anonymous' }), date: yesterday }).expect(409);
    expect(res.body.code).toBe('campaign.closed');
    expect((await get('ngocthuy', `/campaigns/${id}`).expect(200)).body).toMatchObject({ status: 'open', daysLeft: 0 });
  });

  it('another ward neither sees the campaign nor writes to it', async () => {
    const id = await launchedCampaign();
    for (const who of ['phucdong', 'phucdong.ch1']) {
      expect((await get(who, '/campaigns').expect(200)).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
      for (const path of [`/campaigns/${id}`, `/campaigns/${id}/progress`, `/campaigns/${id}/contributions?unitId=${units.ngocthuy}`]) {
        const res = await get(who, path).expect(404);
        expect(res.body).toMatchObject({ code: 'campaign.not_found', message: 'Không tìm thấy cuộc vận động.' });
      }
    }
    const writes = [
      post('phucdong.ch1', `/campaigns/${id}/contributions`, contribution('phucdong.ch1', 1_000, { kind: 'anonymous' })),
      post('phucdong', `/campaigns/${id}/launch`, {}),
      post('phucdong', `/campaigns/${id}/cancel`, { reason: 'x' }),
      put('phucdong', `/campaigns/${id}/quotas/${units['phucdong.ch1']}`, { amount: 1 }),
    ];
    for (const res of await Promise.all(writes)) expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'campaign.not_found' });
    // A branch of the ward, once launched, sees it; the district above sees it.
    expect((await get('ngocthuy.ch2', '/campaigns').expect(200)).body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await get('longbien', '/campaigns').expect(200)).body.items.map((c: { id: string }) => c.id)).toContain(id);
    // Nor may a branch launch a campaign at the ward, or a ward's chair one at another ward.
    expect((await post('ngocthuy.ch1', '/campaigns', campaignBody()).expect(404)).body.code).toBe('unit.not_found');
    expect((await post('phucdong', '/campaigns', campaignBody()).expect(404)).body.code).toBe('unit.not_found');
    expect((await post('ngocthuy', '/campaigns', campaignBody({ startDate: shiftDate(today, -1) })).expect(422)).body.code).toBe('campaign.start_in_past');
    expect((await post('ngocthuy', '/campaigns', campaignBody({ startDate: shiftDate(today, 2), endDate: shiftDate(today, 1) })).expect(422)).body.code).toBe(
      'campaign.end_before_start',
    );
    expect((await post('ngocthuy', '/campaigns', campaignBody({ target: 0 })).expect(400)).body.code).toBe('validation.failed');
    expect((await apps.http().post('/api/campaigns').set('authorization', `Bearer ${tokens.ngocthuy}`).send(campaignBody()).expect(400)).body.code).toBe(
      'idempotency.key_required',
    );
  });

  it('counts a retried request once, and numbers concurrent entries 1..10 without gaps', async () => {
    const id = await launchedCampaign();
    const path = `/campaigns/${id}/contributions`;
    const body = contribution('ngocthuy.ch2', 100_000, { kind: 'anonymous' });

    // The same key five times at once, then once more: one entry.
    const key = randomUUID();
    const same = await Promise.all(Array.from({ length: 5 }, () => post('ngocthuy.ch2', path, body, key)));
    expect(same.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(same.map((r) => r.body.id)).size).toBe(1);
    expect((await post('ngocthuy.ch2', path, body, key).expect(201)).body).toEqual(same[0].body);
    expect((await post('ngocthuy.ch2', path, { ...body, amount: 200_000 }, key).expect(422)).body.code).toBe('idempotency.key_reused');

    // Ten different keys at once (besides the first entry): receipts 2..11, every number once.
    const many = await Promise.all(Array.from({ length: 10 }, () => post('ngocthuy.ch2', path, body)));
    expect(many.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(many.map((r) => r.body.receiptNo).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    // And on a unit's first entries, all at once: 1..10.
    const first = await Promise.all(Array.from({ length: 10 }, () => post('ngocthuy.ch1', path, contribution('ngocthuy.ch1', 50_000, { kind: 'anonymous' }))));
    expect(first.map((r) => r.body.receiptNo).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const tree = (await get('ngocthuy', `/campaigns/${id}/progress`).expect(200)).body as Node;
    expect(tree.collected).toBe(11 * 100_000 + 10 * 50_000);
    const [{ n }] = await apps.dataSource.query('SELECT count(*)::int AS n FROM contributions WHERE campaign_id = $1', [id]);
    expect(n).toBe(21);
  });

  it('cancels through the workflow; a cancelled campaign is not launched and takes no quota', async () => {
    const created = await post('ngocthuy', '/campaigns', campaignBody()).expect(201);
    const id = created.body.id as string;
    const cancelKey = randomUUID();
    expect((await post('ngocthuy', `/campaigns/${id}/cancel`, { reason: 'Trùng với cuộc vận động của quận' }, cancelKey).expect(200)).body).toEqual({
      id,
      status: 'cancelled',
    });
    expect((await post('ngocthuy', `/campaigns/${id}/cancel`, { reason: 'Khác' }, cancelKey).expect(422)).body.code).toBe('idempotency.key_reused');
    expect((await post('ngocthuy', `/campaigns/${id}/launch`, {}).expect(409)).body.code).toBe('campaign.cancelled');
    expect((await put('ngocthuy', `/campaigns/${id}/quotas/${units['ngocthuy.ch1']}`, { amount: 1 }).expect(409)).body.code).toBe('campaign.cancelled');
    const detail = (await get('ngocthuy', `/campaigns/${id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'cancelled', allowedActions: ['viewContributions'] });
    expect(detail.timeline.at(-1)).toMatchObject({ action: 'cancelled', comment: 'Trùng với cuộc vận động của quận' });
    // The workflow completes once cancelled.
    const client = apps.api.get(TemporalClient);
    expect(await client.workflow.getHandle(campaignWorkflowId(id)).result()).toEqual({ campaignId: id, status: 'cancelled' });
  });
});
