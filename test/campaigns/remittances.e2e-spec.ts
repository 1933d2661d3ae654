import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { childEnv } from '@lienthong/config';
import { caseProjectionQuery, caseWorkflowId, decideUpdate } from '@lienthong/contracts';
import { dateInHcm, shiftDate } from '@lienthong/domain';
import { CampaignLifecycleService, CaseProjectionService, ProjectionChecksService } from '@lienthong/persistence';
import { TemporalClient } from '@lienthong/temporal';
import { waitFor } from '../../tools/stack/ports';
import { demoUnitId } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

interface Node {
  unit: { id: string; name: string };
  collected: number;
  remitted: number;
  confirmed: number;
  children: Node[];
}

const VIETNAMESE = /[ăâđêôơưạảãáàậẩẫấầếềểễệịỉĩíìọỏõóòộổỗốồờởỡớợụủũúùựửữứừỳỷỹýỵ]/i;

/**
 * Remittances and extensions through the real API, worker, Temporal and PostgreSQL: a branch hands
 * money to its ward, which confirms (or disputes) it from its inbox with the generic decisions; the
 * ledger and the progress tree follow exactly; nothing is handed over twice or beyond what is held,
 * even at once and when the API dies between the approval and its write. An approved extension lets
 * one unit record after the end.
 */
describe('campaign remittances and extensions (API, real Temporal and PostgreSQL)', () => {
  let apps: TestApps;
  const tokens: Record<string, string> = {};
  const units: Record<string, string> = {};
  const today = dateInHcm(Date.now());

  const post = (who: string, path: string, body: object, key: string = randomUUID()) =>
    apps.http().post(`/api${path}`).set('authorization', `Bearer ${tokens[who]}`).set('idempotency-key', key).send(body);
  const get = (who: string, path: string) => apps.http().get(`/api${path}`).set('authorization', `Bearer ${tokens[who]}`);

  async function launchedCampaign(endDate = shiftDate(today, 30)): Promise<string> {
    const created = await post('ngocthuy', '/campaigns', {
      unitId: units.ngocthuy,
      title: 'Quỹ Nghĩa tình đồng đội năm 2026',
      fundName: 'Quỹ Nghĩa tình đồng đội',
      purpose: 'Hỗ trợ hội viên có hoàn cảnh khó khăn.',
      target: 10_000_000,
      startDate: today,
      endDate,
    }).expect(201);
    await post('ngocthuy', `/campaigns/${created.body.id}/launch`, {}).expect(200);
    return created.body.id as string;
  }
  const give = (id: string, who: string, amount: number) =>
    post(who, `/campaigns/${id}/contributions`, { unitId: units[who], donor: { kind: 'anonymous' }, amount, date: today, method: 'cash' }).expect(201);
  const remit = (id: string, who: string, amount: number, key?: string, reference?: string) =>
    post(who, `/campaigns/${id}/remittances`, { unitId: units[who], amount, date: today, ...(reference ? { reference } : {}) }, key);
  const progress = async (id: string) => (await get('ngocthuy', `/campaigns/${id}/progress`).expect(200)).body as Node;
  const branch = (tree: Node, who: string) => tree.children.find((c) => c.unit.id === units[who])!;

  /** The ledger invariant: every unit's totals are exactly what its remittance rows say. */
  async function checkLedger(campaignId: string): Promise<void> {
    const rows = await apps.dataSource.query<{ unit_id: string; remitted: string; confirmed: string; received: string; r: string; c: string; v: string }[]>(
      `SELECT t.unit_id, t.remitted, t.confirmed, t.received,
         (SELECT coalesce(sum(amount), 0) FROM campaign_remittances r WHERE r.campaign_id = t.campaign_id AND r.unit_id = t.unit_id AND r.status IN ('pending', 'confirmed'))::text AS r,
         (SELECT coalesce(sum(amount), 0) FROM campaign_remittances r WHERE r.campaign_id = t.campaign_id AND r.unit_id = t.unit_id AND r.status = 'confirmed')::text AS c,
         (SELECT coalesce(sum(amount), 0) FROM campaign_remittances r WHERE r.campaign_id = t.campaign_id AND r.parent_unit_id = t.unit_id AND r.status = 'confirmed')::text AS v
       FROM campaign_unit_totals t WHERE t.campaign_id = $1`,
      [campaignId],
    );
    for (const row of rows) {
      expect({ unit: row.unit_id, remitted: row.remitted, confirmed: row.confirmed, received: row.received }).toEqual({
        unit: row.unit_id,
        remitted: row.r,
        confirmed: row.c,
        received: row.v,
      });
      // Nobody ever hands over more than they hold.
      const [{ collected }] = await apps.dataSource.query('SELECT collected FROM campaign_unit_totals WHERE campaign_id = $1 AND unit_id = $2', [
        campaignId,
        row.unit_id,
      ]);
      expect(Number(row.remitted)).toBeLessThanOrEqual(Number(collected) + Number(row.received));
    }
  }

  beforeAll(async () => {
    // A due projection check is picked up by the worker's reconciler within a second or so.
    apps = await startTestApps({ env: { PROJECTION_CHECK_AFTER_SECONDS: '1' } });
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

  it('Chi hội 1 remits, the ward confirms from its inbox; a dispute gives the money back; progress adds up exactly', async () => {
    const id = await launchedCampaign();
    await give(id, 'ngocthuy.ch1', 1_000_000);
    await give(id, 'ngocthuy.ch1', 700_000);
    await give(id, 'ngocthuy.ch2', 500_000);

    // Chi hội 1 hands 1.5 million to the ward: a ledger row and a case, once per key.
    const key = randomUUID();
    const sent = await remit(id, 'ngocthuy.ch1', 1_500_000, key, 'Phiếu thu số 12').expect(201);
    const { id: remittanceId, caseId } = sent.body as { id: string; caseId: string };
    expect((await remit(id, 'ngocthuy.ch1', 1_500_000, key, 'Phiếu thu số 12').expect(201)).body).toEqual({ id: remittanceId, caseId });
    expect((await remit(id, 'ngocthuy.ch1', 1_400_000, key).expect(422)).body.code).toBe('idempotency.key_reused');

    // It holds 200,000 more: 300,000 is refused, coded and in Vietnamese.
    const over = await remit(id, 'ngocthuy.ch1', 300_000).expect(422);
    expect(over.body).toMatchObject({
      code: 'campaign.remittance_exceeds_holdings',
      message: 'Số tiền nộp (300.000 đồng) vượt quá số tiền đơn vị đang giữ (200.000 đồng).',
    });
    // Other refusals, each coded.
    const refusals: [string, object, number, string][] = [
      ['ngocthuy', { unitId: units.ngocthuy, amount: 1, date: today }, 422, 'campaign.request_root'],
      ['ngocthuy.ch2', { unitId: units['ngocthuy.ch1'], amount: 1, date: today }, 404, 'unit.not_found'],
      ['ngocthuy.pho', { unitId: units['ngocthuy.ch1'], amount: 1, date: today }, 403, 'campaign.not_unit_officer'],
      ['ngocthuy.ch1', { unitId: units['ngocthuy.ch1'], amount: 1, date: shiftDate(today, 1) }, 422, 'campaign.remittance_date_future'],
      ['ngocthuy.ch1', { unitId: units['ngocthuy.ch1'], amount: 0, date: today }, 400, 'validation.failed'],
    ];
    for (const [who, body, status, code] of refusals) {
      const res = await post(who, `/campaigns/${id}/remittances`, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      expect(res.body.message).toMatch(VIETNAMESE);
    }

    // A refused remittance opened no case and wrote no row.
    const [{ n }] = await apps.dataSource.query(
      `SELECT count(*)::int AS n FROM cases WHERE process_type = 'campaign-remittance' AND state->'payload'->>'campaignId' = $1`,
      [id],
    );
    const [{ rows }] = await apps.dataSource.query('SELECT count(*)::int AS rows FROM campaign_remittances WHERE campaign_id = $1', [id]);
    expect({ n, rows }).toEqual({ n: 1, rows: 1 });

    // Pending: remitted, not yet confirmed.
    expect(branch(await progress(id), 'ngocthuy.ch1')).toMatchObject({ collected: 1_700_000, remitted: 1_500_000, confirmed: 0 });

    // The case is in the ward's inbox, not the branch's; the payload says what it is about.
    const inbox = (await get('ngocthuy', '/inbox').expect(200)).body;
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(caseId);
    expect((await get('ngocthuy.ch1', '/inbox').expect(200)).body.items.map((i: { id: string }) => i.id)).not.toContain(caseId);
    const view = (await get('ngocthuy', `/cases/${caseId}`).expect(200)).body;
    expect(view).toMatchObject({
      processType: 'campaign-remittance',
      status: 'pending',
      originUnit: { id: units['ngocthuy.ch1'] },
      payload: { campaignId: id, remittanceId, amount: 1_500_000, date: today, reference: 'Phiếu thu số 12' },
      allowedActions: ['approve', 'reject'],
    });
    expect(view.chain).toEqual([expect.objectContaining({ unitId: units.ngocthuy })]);

    // Only through the campaign: the generic route refuses the process.
    const generic = await post('ngocthuy.ch1', '/cases', { processType: 'campaign-remittance', unitId: units['ngocthuy.ch1'], title: 'x', payload: view.payload });
    expect({ status: generic.status, code: generic.body.code }).toEqual({ status: 422, code: 'process.not_startable' });

    // Another ward neither sees nor decides it; the branch does not confirm its own money.
    expect((await get('phucdong', `/cases/${caseId}`).expect(404)).body.code).toBeDefined();
    expect((await post('phucdong', `/cases/${caseId}/decisions`, { action: 'approve' }).expect(404)).body.code).toBeDefined();
    expect((await get('phucdong', '/inbox').expect(200)).body.items.map((i: { id: string }) => i.id)).not.toContain(caseId);
    expect((await post('ngocthuy.ch1', `/cases/${caseId}/decisions`, { action: 'approve' })).status).toBe(403);
    expect((await post('phucdong', `/campaigns/${id}/remittances`, { unitId: units.phucdong, amount: 1, date: today })).status).toBe(404);

    // The ward confirms: the ledger and the tree follow.
    const confirmed = await post('ngocthuy', `/cases/${caseId}/decisions`, { action: 'approve', comment: 'Đã nhận đủ tiền mặt' }).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'completed' });
    const tree = await progress(id);
    expect(branch(tree, 'ngocthuy.ch1')).toMatchObject({ collected: 1_700_000, remitted: 1_500_000, confirmed: 1_500_000 });
    expect(tree).toMatchObject({ collected: 2_200_000, remitted: 0, confirmed: 0 });
    const detail = (await get('ngocthuy', `/campaigns/${id}`).expect(200)).body;
    expect(detail).toMatchObject({ collected: 2_200_000, remitted: 1_500_000, confirmed: 1_500_000 });
    expect(detail.timeline.filter((e: { action: string }) => e.action.startsWith('remittance'))).toEqual([
      expect.objectContaining({ action: 'remittance', unitId: units['ngocthuy.ch1'], data: expect.objectContaining({ remittanceId, amount: 1_500_000 }) }),
      expect.objectContaining({ action: 'remittance_confirmed', comment: 'Đã nhận đủ tiền mặt', actor: expect.objectContaining({ displayName: expect.any(String) }) }),
    ]);
    const [row] = await apps.dataSource.query('SELECT status, decision_comment FROM campaign_remittances WHERE id = $1', [remittanceId]);
    expect(row).toEqual({ status: 'confirmed', decision_comment: 'Đã nhận đủ tiền mặt' });

    // Chi hội 2 remits; the ward disputes it (a reason is required): the money is the branch's again.
    const second = (await remit(id, 'ngocthuy.ch2', 500_000).expect(201)).body as { id: string; caseId: string };
    expect((await post('ngocthuy', `/cases/${second.caseId}/decisions`, { action: 'reject' }).expect(422)).body.code).toBe('case.comment_required');
    await post('ngocthuy.pho', `/cases/${second.caseId}/decisions`, { action: 'reject', comment: 'Chưa nhận được tiền' }).expect(200);
    expect(branch(await progress(id), 'ngocthuy.ch2')).toMatchObject({ collected: 500_000, remitted: 0, confirmed: 0 });
    const [disputed] = await apps.dataSource.query('SELECT status, decision_comment FROM campaign_remittances WHERE id = $1', [second.id]);
    expect(disputed).toEqual({ status: 'disputed', decision_comment: 'Chưa nhận được tiền' });
    const timeline = (await get('ngocthuy', `/campaigns/${id}`).expect(200)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({ action: 'remittance_disputed', comment: 'Chưa nhận được tiền', unitId: units['ngocthuy.ch2'] });
    await remit(id, 'ngocthuy.ch2', 500_000).expect(201);

    // The ledger's rows are never deleted, and a decided one never changes.
    await expect(apps.dataSource.query('DELETE FROM campaign_remittances WHERE id = $1', [remittanceId])).rejects.toThrow(/append-only/);
    await expect(apps.dataSource.query(`UPDATE campaign_remittances SET status = 'pending' WHERE id = $1`, [remittanceId])).rejects.toThrow(/decided, once/);
    await expect(apps.dataSource.query('UPDATE campaign_remittances SET amount = 1 WHERE id = $1', [remittanceId])).rejects.toThrow(/decided, once/);
    await checkLedger(id);
  });

  it('never hands over more than is held, with the same key or different keys at once', async () => {
    const id = await launchedCampaign();
    await give(id, 'ngocthuy.ch1', 1_000_000);
    // The same key five times at once: one remittance, one case.
    const key = randomUUID();
    const same = await Promise.all(Array.from({ length: 5 }, () => remit(id, 'ngocthuy.ch1', 100_000, key)));
    expect(same.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(new Set(same.map((r) => r.body.caseId)).size).toBe(1);
    // 900,000 left; eight of 300,000 at once under different keys: three go through.
    const many = await Promise.all(Array.from({ length: 8 }, () => remit(id, 'ngocthuy.ch1', 300_000)));
    expect(many.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422, 422, 422]);
    for (const r of many.filter((r) => r.status === 422)) expect(r.body.code).toBe('campaign.remittance_exceeds_holdings');
    const [{ n, total }] = await apps.dataSource.query(
      'SELECT count(*)::int AS n, sum(amount)::int AS total FROM campaign_remittances WHERE campaign_id = $1',
      [id],
    );
    expect({ n, total }).toEqual({ n: 4, total: 1_000_000 });
    const [{ cases }] = await apps.dataSource.query(
      `SELECT count(*)::int AS cases FROM cases WHERE process_type = 'campaign-remittance' AND state->'payload'->>'campaignId' = $1`,
      [id],
    );
    expect(cases).toBe(4);
    expect(branch(await progress(id), 'ngocthuy.ch1')).toMatchObject({ remitted: 1_000_000, confirmed: 0 });
    await checkLedger(id);

    // The branch withdraws one before the ward decides (the generic cancel): its amount is held again.
    const withdrawn = many.find((r) => r.status === 201)!.body as { id: string; caseId: string };
    await post('ngocthuy.ch1', `/cases/${withdrawn.caseId}/cancel`, { comment: 'Nộp nhầm' }).expect(200);
    expect(branch(await progress(id), 'ngocthuy.ch1')).toMatchObject({ remitted: 700_000, confirmed: 0 });
    const [row] = await apps.dataSource.query('SELECT status FROM campaign_remittances WHERE id = $1', [withdrawn.id]);
    expect(row.status).toBe('withdrawn');
    await remit(id, 'ngocthuy.ch1', 300_000).expect(201);
    await checkLedger(id);
  });

  it('a ward hands on to its district what its branches remitted and it confirmed', async () => {
    const created = await post('longbien', '/campaigns', {
      unitId: units.longbien,
      title: 'Quỹ Vì người nghèo quận Long Biên 2026',
      fundName: 'Quỹ Vì người nghèo',
      purpose: 'Hỗ trợ hộ nghèo trên địa bàn quận.',
      target: 50_000_000,
      startDate: today,
      endDate: shiftDate(today, 20),
    }).expect(201);
    const id = created.body.id as string;
    await post('longbien', `/campaigns/${id}/launch`, {}).expect(200);
    await give(id, 'ngocthuy.ch1', 400_000);
    await give(id, 'ngocthuy', 100_000);

    // The ward holds only its own 100,000 until it confirms its branch's money.
    expect((await remit(id, 'ngocthuy', 300_000).expect(422)).body.code).toBe('campaign.remittance_exceeds_holdings');
    const fromBranch = (await remit(id, 'ngocthuy.ch1', 400_000).expect(201)).body as { caseId: string };
    await post('ngocthuy', `/cases/${fromBranch.caseId}/decisions`, { action: 'approve' }).expect(200);

    // Its own remittance goes to the district's inbox, not its own.
    const fromWard = (await remit(id, 'ngocthuy', 500_000).expect(201)).body as { caseId: string };
    expect((await get('ngocthuy', '/inbox').expect(200)).body.items.map((i: { id: string }) => i.id)).not.toContain(fromWard.caseId);
    expect((await get('longbien', '/inbox').expect(200)).body.items.map((i: { id: string }) => i.id)).toContain(fromWard.caseId);
    expect((await post('ngocthuy.pho', `/cases/${fromWard.caseId}/decisions`, { action: 'approve' })).status).toBe(403);
    await post('longbien', `/cases/${fromWard.caseId}/decisions`, { action: 'approve' }).expect(200);

    const tree = (await get('longbien', `/campaigns/${id}/progress`).expect(200)).body as Node;
    const wardNode = tree.children.find((c) => c.unit.id === units.ngocthuy)!;
    expect(wardNode).toMatchObject({ collected: 500_000, remitted: 500_000, confirmed: 500_000 });
    expect(branch(wardNode, 'ngocthuy.ch1')).toMatchObject({ collected: 400_000, remitted: 400_000, confirmed: 400_000 });
    expect((await get('longbien', `/campaigns/${id}`).expect(200)).body).toMatchObject({ collected: 500_000, remitted: 500_000, confirmed: 500_000 });
    expect((await remit(id, 'ngocthuy', 1).expect(422)).body.code).toBe('campaign.remittance_exceeds_holdings');
    // The public disclosure says what was handed up and confirmed, per unit and what reached the district.
    const disclosure = (await get('longbien', `/campaigns/${id}/disclosure`).expect(200)).body;
    expect(disclosure.totals).toMatchObject({ received: 500_000, remitted: 500_000, confirmed: 500_000, balance: 500_000 });
    const byUnit = new Map(disclosure.totals.byUnit.map((u: { unitId: string; remitted: number; confirmed: number }) => [u.unitId, [u.remitted, u.confirmed]]));
    expect([byUnit.get(units.longbien), byUnit.get(units.ngocthuy), byUnit.get(units['ngocthuy.ch1'])]).toEqual([
      [0, 0],
      [500_000, 500_000],
      [400_000, 400_000],
    ]);
    await checkLedger(id);
  });

  it('confirms exactly once when the API dies between the approval and its write (the reconciler writes it)', async () => {
    const id = await launchedCampaign();
    await give(id, 'ngocthuy.ch1', 800_000);
    const { id: remittanceId, caseId } = (await remit(id, 'ngocthuy.ch1', 800_000).expect(201)).body as { id: string; caseId: string };

    // What the API does for a decision, up to the point where it dies: its check row, then the Update.
    const [officer] = await apps.dataSource.query(`SELECT id, display_name FROM users WHERE username = 'ngocthuy'`);
    const actor = { userId: officer.id, displayName: officer.display_name, unitIds: [units.ngocthuy] };
    const updateId = `${officer.id}:${randomUUID()}`;
    await new ProjectionChecksService(apps.dataSource).expect(caseId, updateId, 1);
    const handle = apps.api.get(TemporalClient).workflow.getHandle(caseWorkflowId(caseId));
    const result = await handle.executeUpdate(decideUpdate, {
      args: [{ actor, requestHash: 'h', action: 'approve', comment: 'Đã nhận', data: null, expectedStep: 'parent-confirmation' }],
      updateId,
    });
    expect(result.projection?.state.status).toBe('completed');
    // Nothing written yet: the API "died".
    const status = async () => (await apps.dataSource.query('SELECT status FROM campaign_remittances WHERE id = $1', [remittanceId]))[0].status;
    const checks = async () => (await apps.dataSource.query('SELECT count(*)::int AS n FROM projection_checks WHERE case_id = $1', [caseId]))[0].n;

    // The worker's reconciler finds the check due and writes the case, and the confirmation with it.
    await waitFor('the reconciler to confirm the remittance', async () => (await status()) === 'confirmed' && (await checks()) === 0, {
      timeoutMs: 30_000,
    });
    // Written again (a late API, the workflow's own activity): nothing moves twice.
    const projections = apps.api.get(CaseProjectionService);
    await projections.apply(result.projection!);
    await projections.apply(await handle.query(caseProjectionQuery));
    expect(branch(await progress(id), 'ngocthuy.ch1')).toMatchObject({ collected: 800_000, remitted: 800_000, confirmed: 800_000 });
    const [{ received }] = await apps.dataSource.query('SELECT received FROM campaign_unit_totals WHERE campaign_id = $1 AND unit_id = $2', [id, units.ngocthuy]);
    expect(Number(received)).toBe(800_000);
    const events = await apps.dataSource.query(`SELECT count(*)::int AS n FROM campaign_events WHERE campaign_id = $1 AND action = 'remittance_confirmed'`, [id]);
    expect(events[0].n).toBe(1);
    await checkLedger(id);
  });

  it('an approved extension lets its unit record after the end date; another unit is refused', async () => {
    const endDate = shiftDate(today, 3);
    const id = await launchedCampaign(endDate);
    const until = shiftDate(endDate, 10);
    const ask = (who: string, body: object, key?: string) => post(who, `/campaigns/${id}/extensions`, body, key);

    // Refusals first: a day not after the end, the launching ward itself, another ward.
    expect((await ask('ngocthuy.ch1', { unitId: units['ngocthuy.ch1'], until: endDate, reason: 'Thêm thời gian' }).expect(422)).body.code).toBe(
      'campaign.extension_not_later',
    );
    expect((await ask('ngocthuy', { unitId: units.ngocthuy, until, reason: 'x' }).expect(422)).body.code).toBe('campaign.request_root');
    expect((await ask('phucdong.ch1', { unitId: units['phucdong.ch1'], until, reason: 'x' }).expect(404)).body.code).toBe('campaign.not_found');

    const key = randomUUID();
    const body = { unitId: units['ngocthuy.ch1'], until, reason: 'Nhiều hội viên đi làm ăn xa, cuối tháng mới về.' };
    const asked = (await ask('ngocthuy.ch1', body, key).expect(201)).body as { id: string; caseId: string };
    expect((await ask('ngocthuy.ch1', body, key).expect(201)).body).toEqual(asked);
    expect((await ask('ngocthuy.ch1', { ...body, reason: 'Khác' }).expect(409)).body.code).toBe('campaign.extension_pending');
    const refusedAsk = (await ask('ngocthuy.ch2', { unitId: units['ngocthuy.ch2'], until, reason: 'Chưa thu xong' }).expect(201)).body as { caseId: string };

    // In the ward's inbox; approved for Chi hội 1, refused for Chi hội 2 with a reason.
    const inbox = (await get('ngocthuy', '/inbox').expect(200)).body.items.map((i: { id: string }) => i.id);
    expect(inbox).toEqual(expect.arrayContaining([asked.caseId, refusedAsk.caseId]));
    expect((await get('ngocthuy', `/cases/${asked.caseId}`).expect(200)).body).toMatchObject({
      processType: 'campaign-extension',
      payload: { campaignId: id, endDate, until },
    });
    await post('ngocthuy', `/cases/${asked.caseId}/decisions`, { action: 'approve' }).expect(200);
    await post('ngocthuy', `/cases/${refusedAsk.caseId}/decisions`, { action: 'reject', comment: 'Đã đủ thời gian' }).expect(200);
    const detail = (await get('ngocthuy', `/campaigns/${id}`).expect(200)).body;
    expect(detail.extensions).toEqual([{ unitId: units['ngocthuy.ch1'], until }]);
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['extension_requested', 'extension_approved', 'extension_refused']),
    );

    // The end date passes and the campaign closes (as its workflow does at the end of the day).
    const yesterday = shiftDate(today, -1);
    await apps.dataSource.query('UPDATE campaigns SET start_date = $2, end_date = $2 WHERE id = $1', [id, yesterday]);
    await apps.worker!.get(CampaignLifecycleService).close(id);
    const entry = (who: string) => ({ unitId: units[who], donor: { kind: 'anonymous' }, amount: 50_000, date: today, method: 'cash' });
    const late = await post('ngocthuy.ch1', `/campaigns/${id}/contributions`, entry('ngocthuy.ch1')).expect(201);
    expect(late.body).toMatchObject({ receiptNo: 1, amount: 50_000 });
    const refused = await post('ngocthuy.ch2', `/campaigns/${id}/contributions`, entry('ngocthuy.ch2')).expect(409);
    expect(refused.body.code).toBe('campaign.closed');
    expect((await get('ngocthuy.ch1', `/campaigns/${id}`).expect(200)).body.allowedActions).toContain('contribute');
    expect((await get('ngocthuy.ch2', `/campaigns/${id}`).expect(200)).body.allowedActions).not.toContain('contribute');
    // Not beyond the extension's day.
    const beyond = await post('ngocthuy.ch1', `/campaigns/${id}/contributions`, { ...entry('ngocthuy.ch1'), date: shiftDate(until, 1) });
    expect(beyond.status).toBe(422);
    // The remitted money of a closed campaign still goes up.
    await remit(id, 'ngocthuy.ch1', 50_000).expect(201);
  });
});

/**
 * The worker as a separate process, killed with SIGKILL while a remittance's confirmation is on its
 * way: the API waits for a worker, the new one takes the decision, and the ledger moves exactly once.
 */
describe('a worker killed in the middle of a remittance confirmation', () => {
  const workerMain = resolve(__dirname, '../../dist/apps/worker/src/main.js');
  let apps: TestApps;
  let worker: ChildProcess | undefined;
  const today = dateInHcm(Date.now());

  function startWorker(): Promise<ChildProcess> {
    const { config } = apps;
    const child = spawn(process.execPath, [workerMain], {
      env: childEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: config.DATABASE_URL,
        TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
        TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
        TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
        WORKFLOW_BUNDLE_PATH: config.WORKFLOW_BUNDLE_PATH,
        JWT_SECRET: config.JWT_SECRET,
        SEED_DEMO: 'false',
        PROJECTION_CHECK_AFTER_SECONDS: '1',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    worker = child;
    return waitFor('the worker process to poll', async () => (output.includes('Polling task queue') ? child : undefined), {
      timeoutMs: 60_000,
      abort: () => (child.exitCode !== null ? new Error(`worker exited ${child.exitCode}:\n${output}`) : undefined),
    });
  }
  function kill(child: ChildProcess): Promise<void> {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGKILL');
    return exited;
  }

  beforeAll(async () => {
    if (!existsSync(workerMain)) throw new Error(`${workerMain} is missing: run \`npm run build\` first`);
    apps = await startTestApps({ worker: false });
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) await kill(worker);
    await apps?.close();
  });

  it('confirms once after the worker died while the decision was on its way', async () => {
    await startWorker();
    const [ward, ch1] = [await apps.login('ngocthuy'), await apps.login('ngocthuy.ch1')];
    const [wardId, ch1Id] = [await demoUnitId(apps.dataSource, 'ngocthuy'), await demoUnitId(apps.dataSource, 'ngocthuy.ch1')];
    const post = (token: string, path: string, body: object) =>
      apps.http().post(`/api${path}`).set('authorization', `Bearer ${token}`).set('idempotency-key', randomUUID()).send(body);
    const created = await post(ward, '/campaigns', {
      unitId: wardId,
      title: 'Ủng hộ đồng bào bị bão lũ',
      fundName: 'Quỹ Vì người nghèo',
      purpose: 'Hỗ trợ khắc phục hậu quả bão.',
      target: 5_000_000,
      startDate: today,
      endDate: shiftDate(today, 10),
    }).expect(201);
    const id = created.body.id as string;
    await post(ward, `/campaigns/${id}/launch`, {}).expect(200);
    await post(ch1, `/campaigns/${id}/contributions`, { unitId: ch1Id, donor: { kind: 'anonymous' }, amount: 600_000, date: today, method: 'cash' }).expect(201);
    const { id: remittanceId, caseId } = (await post(ch1, `/campaigns/${id}/remittances`, { unitId: ch1Id, amount: 600_000, date: today }).expect(201))
      .body as { id: string; caseId: string };

    // Killed with the case waiting in the ward's inbox; the decision is sent while no worker runs.
    await kill(worker!);
    const answered = post(ward, `/cases/${caseId}/decisions`, { action: 'approve' }).then((res) => res);
    await startWorker();
    const res = await answered;
    expect({ status: res.status, caseStatus: res.body.status }).toEqual({ status: 200, caseStatus: 'completed' });

    const [row] = await apps.dataSource.query('SELECT status FROM campaign_remittances WHERE id = $1', [remittanceId]);
    expect(row.status).toBe('confirmed');
    const totals = await apps.dataSource.query<{ unit_id: string; remitted: string; confirmed: string; received: string }[]>(
      'SELECT unit_id, remitted, confirmed, received FROM campaign_unit_totals WHERE campaign_id = $1 ORDER BY unit_id',
      [id],
    );
    expect(Object.fromEntries(totals.map((t) => [t.unit_id, [Number(t.remitted), Number(t.confirmed), Number(t.received)]]))).toEqual({
      [ch1Id]: [600_000, 600_000, 0],
      [wardId]: [0, 0, 600_000],
    });
    const [{ n }] = await apps.dataSource.query(`SELECT count(*)::int AS n FROM campaign_events WHERE campaign_id = $1 AND action = 'remittance_confirmed'`, [id]);
    expect(n).toBe(1);
  });
});
