import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseProjectionActivities } from '../activities';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { CaseProjection } from '@lienthong/contracts';
import {
  Actor,
  applyCancel,
  applyDecision,
  CaseState,
  checkDecision,
  dateInHcm,
  endOfDateHcm,
  foldVietnamese,
  openCase,
  PathUnit,
  resolveChain,
} from '@lienthong/domain';
import {
  Case,
  CaseEventEntity,
  CaseOutcomeHandlers,
  CaseProjectionService,
  createDataSource,
  LedgerEntry,
  runMigrationsLocked,
  seedDemo,
} from '@lienthong/persistence';
import { housingSupportDefinition, PROCESSES } from '@lienthong/processes';
import { demoPath } from './support/cases-api';
import { createTestDatabase, testConfig } from './support/test-apps';
import { PAYLOAD } from './support/workflow-harness';


describe('case read model: the idempotent projection (real PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let service: CaseProjectionService;
  let orgId: string;
  let path: PathUnit[];
  const users: Record<string, string> = {};
  const actor = (username: string, units: string[]): Actor => ({ userId: users[username], displayName: username, unitIds: units });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource(db.url, 'case-projection-test').initialize();
    await runMigrationsLocked(ds, (locked) => seedDemo(locked).then(() => undefined));
    service = new CaseProjectionService(ds, PROCESSES, new CaseOutcomeHandlers());
    for (const u of await ds.query('SELECT id, username FROM users')) users[u.username] = u.id;
    ({ path, orgId } = await demoPath(ds));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const [BRANCH, WARD, DISTRICT] = [0, 1, 2];
  const snap = (state: CaseState, events: CaseProjection['events']): CaseProjection => ({
    state: structuredClone(state),
    events: structuredClone(events),
    requestHash: 'a'.repeat(64),
  });

  /** A housing case from Chi hội 1 (Ngọc Thụy), one projection per change, as the workflow sends them. */
  const phase = PROCESSES.phaseOf('housing-support')!;
  function housingCase(t0 = Date.now()) {
    const resolved = resolveChain(housingSupportDefinition, path);
    if (!('chain' in resolved)) throw new Error(resolved.code);
    const initiator = actor('ngocthuy.ch1', [path[BRANCH].id]);
    const opened = openCase(
      {
        caseId: randomUUID(),
        processType: housingSupportDefinition.processType,
        definitionVersion: housingSupportDefinition.version,
        organizationId: orgId,
        originUnitId: path[BRANCH].id,
        title: 'Xây mới nhà cho hội viên Nguyễn Văn Hùng',
        payload: PAYLOAD,
        initiator: { userId: initiator.userId, displayName: initiator.displayName },
        chain: resolved.chain,
        plan: resolved.plan,
        resubmitTo: housingSupportDefinition.resubmitTo,
      },
      t0,
    );
    const state = opened.state;
    let t = t0;
    return {
      state,
      initiator,
      submitted: snap(state, opened.events),
      decide(who: Actor, req: Parameters<typeof applyDecision>[2]) {
        expect(checkDecision(state, who, req)).toBeNull();
        return snap(state, applyDecision(state, who, req, (t += 60_000), phase));
      },
      disburse(who: Actor, amount: number) {
        const req = { amount, date: dateInHcm(t), note: 'Tạm ứng đợt 1' };
        expect(phase.operations.disbursement!.check(state, who, req, t)).toBeNull();
        return snap(state, phase.operations.disbursement!.apply(state, who, req, (t += 60_000)));
      },
      milestone(who: Actor, kind: string) {
        const req = { kind, date: dateInHcm(t) };
        expect(phase.operations.milestone!.check(state, who, req, t)).toBeNull();
        return snap(state, phase.operations.milestone!.apply(state, who, req, (t += 60_000)));
      },
    };
  }

  const count = async (table: string, caseId: string): Promise<number> =>
    Number((await ds.query(`SELECT count(*) AS n FROM ${table} WHERE case_id = $1`, [caseId]))[0].n);
  const notified = async (caseId: string): Promise<{ username: string; kind: string; seq: number; params: Record<string, unknown> }[]> =>
    ds.query(
      `SELECT u.username, n.kind, n.event_seq AS seq, n.params FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.case_id = $1 ORDER BY n.event_seq, u.username`,
      [caseId],
    );
  const row = (caseId: string) => ds.getRepository(Case).findOneByOrFail({ id: caseId });

  it('writes the case, its events and notifications once, however often the same projection comes', async () => {
    const c = housingCase();
    await service.apply(c.submitted);
    await service.apply(c.submitted);
    await Promise.all([service.apply(c.submitted), service.apply(c.submitted)]);

    const id = c.state.caseId;
    expect(await ds.getRepository(Case).countBy({ id })).toBe(1);
    expect(await count('case_events', id)).toBe(1);
    // Submitted: the officers and chairs of the ward decide, not the initiator (an officer of the branch).
    expect(await notified(id)).toEqual([
      { username: 'ngocthuy', kind: 'decision_needed', seq: 1, params: expect.objectContaining({ title: c.state.title, stepId: 'ward-verification', unitId: path[WARD].id }) },
      { username: 'ngocthuy.pho', kind: 'decision_needed', seq: 1, params: expect.objectContaining({ title: c.state.title }) },
    ]);

    const stored = await row(id);
    expect(stored).toMatchObject({
      status: 'pending',
      organizationId: orgId,
      originUnitId: path[BRANCH].id,
      currentStep: 'ward-verification',
      currentLevel: 'ward',
      decidingUnitId: path[WARD].id,
      overdue: false,
      escalated: false,
      requestedAmount: 60_000_000,
      approvedAmount: null,
      disbursedAmount: 0,
      createdBy: users['ngocthuy.ch1'],
      closedAt: null,
      lastSeq: 1,
      decidedBy: [],
      requestHash: 'a'.repeat(64),
      workflowId: `case-${id}`,
    });
    expect(stored.dueAt?.toISOString()).toBe(c.state.step!.dueAt);
    expect(stored.createdAt.toISOString()).toBe(c.state.submittedAt);
    expect(stored.state).toEqual(c.state);
    // Diacritic-free search over the title and the definition's search fields.
    expect(stored.searchText).toBe('xay moi nha cho hoi vien nguyen van hung nguyen van hung to dan pho 1, phuong ngoc thuy');
    expect(stored.searchText).toMatch(/^[\x20-\x7e]+$/);
    expect(stored.searchText).toBe(foldVietnamese(stored.searchText));
    const found = await ds.query(`SELECT id FROM cases WHERE search_text LIKE '%' || $1 || '%'`, [foldVietnamese('Ngọc Thụy')]);
    expect(found.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('follows the chain to execution, notifies the next level and the initiator, and never moves back', async () => {
    const c = housingCase();
    const wardChair = actor('ngocthuy', [path[WARD].id]);
    const districtChair = actor('longbien', [path[DISTRICT].id]);
    const p1 = c.submitted;
    const p2 = c.decide(wardChair, { action: 'approve' });
    const p3 = c.decide(districtChair, { action: 'approve', data: { approvedAmount: 50_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội' } });
    for (const p of [p1, p2, p3]) await service.apply(p);
    const id = c.state.caseId;

    const approved = await row(id);
    const firstTarget = c.state.execution!.milestones[0].targetDate;
    expect(approved).toMatchObject({
      status: 'in_progress',
      currentStep: null,
      currentLevel: null,
      decidingUnitId: null,
      approvedAmount: 50_000_000,
      fundingSource: 'Quỹ Nghĩa tình đồng đội',
      lastSeq: 3,
      closedAt: null,
    });
    expect(approved.dueAt?.getTime()).toBe(endOfDateHcm(firstTarget));
    expect([...approved.decidedBy].sort()).toEqual([users['ngocthuy'], users['longbien']].sort());

    expect((await notified(id)).map((n) => `${n.seq} ${n.kind} ${n.username}`)).toEqual([
      '1 decision_needed ngocthuy',
      '1 decision_needed ngocthuy.pho',
      // The ward approved: the district decides next (its admin is no decider).
      '2 decision_needed longbien',
      '2 decision_needed longbien.pho',
      '3 case_approved ngocthuy.ch1',
    ]);

    // Older projections after newer ones (a retry that lost its answer, a slow worker): nothing moves.
    await service.apply(p1);
    await service.apply(p2);
    const after = await row(id);
    expect(after.status).toBe('in_progress');
    expect(after.lastSeq).toBe(3);
    expect(after.updatedAt).toEqual(approved.updatedAt);
    expect(await count('case_events', id)).toBe(3);
    expect(await count('notifications', id)).toBe(5);

    // Disbursement: one ledger row, however often it is applied; the case shows the total.
    const disburser = actor('longbien.pho', [path[DISTRICT].id]);
    const p4 = c.disburse(disburser, 20_000_000);
    await service.apply(p4);
    await service.apply(p4);
    const ledger = await ds.getRepository(LedgerEntry).findBy({ caseId: id });
    expect(ledger).toEqual([
      expect.objectContaining({
        seq: 4,
        kind: 'disbursement',
        amount: 20_000_000,
        entryDate: p4.events[0].data!.date,
        note: 'Tạm ứng đợt 1',
        recordedBy: users['longbien.pho'],
      }),
    ]);
    expect(typeof ledger[0].amount).toBe('number');
    expect((await row(id)).disbursedAmount).toBe(20_000_000);

    // The branch records the works, the district pays the rest, and the ward's confirmed handover
    // closes the case (the money is paid in full by then) and tells the initiator.
    const branchOfficer = actor('ngocthuy.ch1', [path[BRANCH].id]);
    for (const p of [c.milestone(branchOfficer, 'construction-started'), c.milestone(branchOfficer, 'construction-completed')]) {
      await service.apply(p);
    }
    await service.apply(c.disburse(disburser, 30_000_000));
    expect((await row(id)).status).toBe('in_progress');
    await service.apply(c.milestone(actor('ngocthuy.pho', [path[WARD].id]), 'handed-over'));
    const closed = await row(id);
    expect(closed).toMatchObject({ status: 'completed', dueAt: null, overdue: false, lastSeq: 8, disbursedAmount: 50_000_000 });
    expect(closed.closedAt?.toISOString()).toBe(c.state.updatedAt);
    const last = (await notified(id)).filter((n) => n.seq > 3);
    expect(last.map((n) => `${n.seq} ${n.kind} ${n.username}`)).toEqual(['8 case_completed ngocthuy.ch1']);
  });

  it('tells the initiator about a return; a cancel tells the ward, not the one who cancelled', async () => {
    const c = housingCase();
    const wardVice = actor('ngocthuy.pho', [path[WARD].id]);
    const returned = c.decide(wardVice, { action: 'return', comment: 'Bổ sung ảnh hiện trạng' });
    await service.apply(c.submitted);
    await service.apply(returned);
    const id = c.state.caseId;
    expect(await row(id)).toMatchObject({ status: 'returned', currentStep: 'ward-verification', decidingUnitId: path[WARD].id, dueAt: null });

    const cancelled = snap(c.state, applyCancel(c.state, c.initiator, 'Gia đình tự lo được', Date.now() + 3_600_000));
    // A batch with the cancel only; the earlier events are already in.
    await service.apply(cancelled);
    expect((await notified(id)).filter((n) => n.seq > 1)).toEqual([
      { username: 'ngocthuy.ch1', kind: 'case_returned', seq: 2, params: expect.objectContaining({ comment: 'Bổ sung ảnh hiện trạng' }) },
      { username: 'ngocthuy', kind: 'case_cancelled', seq: 3, params: expect.objectContaining({ comment: 'Gia đình tự lo được' }) },
      { username: 'ngocthuy.pho', kind: 'case_cancelled', seq: 3, params: expect.objectContaining({ title: c.state.title }) },
    ]);
    expect(await row(id)).toMatchObject({ status: 'cancelled', currentStep: null, decidingUnitId: null });
  });

  it('converges when several projections of one case race (two workers), whatever the order', async () => {
    const c = housingCase();
    const projections = [
      c.submitted,
      c.decide(actor('ngocthuy', [path[WARD].id]), { action: 'approve' }),
      c.decide(actor('longbien', [path[DISTRICT].id]), { action: 'reject', comment: 'Không đủ điều kiện' }),
    ];
    await Promise.all([...projections, ...[...projections].reverse()].map((p) => service.apply(p)));
    const id = c.state.caseId;
    expect(await row(id)).toMatchObject({ status: 'rejected', lastSeq: 3 });
    expect(await count('case_events', id)).toBe(3);
    expect((await notified(id)).map((n) => `${n.seq} ${n.kind} ${n.username}`)).toEqual([
      '1 decision_needed ngocthuy',
      '1 decision_needed ngocthuy.pho',
      '2 decision_needed longbien',
      '2 decision_needed longbien.pho',
      '3 case_rejected ngocthuy.ch1',
    ]);
  });

  it('converges when projections carrying overlapping runs of events race (the reconciler and callers)', async () => {
    for (let round = 0; round < 5; round++) {
      const c = housingCase();
      const [p1, p2, p3] = [
        c.submitted,
        c.decide(actor('ngocthuy', [path[WARD].id]), { action: 'approve' }),
        c.decide(actor('longbien', [path[DISTRICT].id]), { action: 'approve', data: { approvedAmount: 40_000_000, fundingSource: 'Quỹ' } }),
      ];
      const upTo = (p: CaseProjection, ...earlier: CaseProjection[]): CaseProjection => ({ ...p, events: [...earlier.flatMap((e) => e.events), ...p.events] });
      const runs = [upTo(p3, p1, p2), upTo(p3, p2), p3, upTo(p2, p1), p1, upTo(p3, p1, p2)];
      await Promise.all((round % 2 ? [...runs].reverse() : runs).map((p) => service.apply(p)));
      const id = c.state.caseId;
      expect(await row(id)).toMatchObject({ status: 'in_progress', lastSeq: 3 });
      expect(await count('case_events', id)).toBe(3);
      // Whoever wrote an event notified for it, once. (A projection carrying later decisions tells no
      // decider who has already decided: which of them wrote events 1 and 2 decides whether the
      // ward's and the district's chairs are told.)
      const told = (await notified(id)).map((n) => `${n.seq} ${n.kind} ${n.username}`);
      expect(new Set(told).size).toBe(told.length);
      expect(told).toEqual(expect.arrayContaining(['1 decision_needed ngocthuy.pho', '2 decision_needed longbien.pho', '3 case_approved ngocthuy.ch1']));
      const possible = ['1 decision_needed ngocthuy', '1 decision_needed ngocthuy.pho', '2 decision_needed longbien', '2 decision_needed longbien.pho', '3 case_approved ngocthuy.ch1'];
      expect(told.filter((t) => !possible.includes(t))).toEqual([]);
    }
  });

  it('the database refuses to change or empty the audit trail and the ledger', async () => {
    const c = housingCase();
    await service.apply(c.submitted);
    await service.apply(c.decide(actor('ngocthuy', [path[WARD].id]), { action: 'approve' }));
    await service.apply(c.decide(actor('longbien', [path[DISTRICT].id]), { action: 'approve', data: { approvedAmount: 10_000_000, fundingSource: 'Quỹ hội' } }));
    await service.apply(c.disburse(actor('longbien.pho', [path[DISTRICT].id]), 10_000_000));
    const id = c.state.caseId;
    expect(await count('ledger_entries', id)).toBe(1);

    const refused = async (sql: string, params: unknown[] = []) => {
      const err = await ds.query(sql, params).then(
        () => new Error(`not refused: ${sql}`),
        (e: unknown) => e as Error & { driverError?: { code?: string } },
      );
      expect(err.message).toMatch(/is append-only/);
      expect((err as { driverError?: { code?: string } }).driverError?.code).toBe('23001');
    };
    for (const table of ['case_events', 'ledger_entries']) {
      await refused(`UPDATE ${table} SET seq = seq + 100 WHERE case_id = $1`, [id]);
      await refused(`DELETE FROM ${table} WHERE case_id = $1`, [id]);
      await refused(`TRUNCATE ${table}`);
    }
    expect(await count('case_events', id)).toBe(4);
    expect(await count('ledger_entries', id)).toBe(1);
    expect(await ds.getRepository(CaseEventEntity).countBy({ caseId: id })).toBe(4);
    await expect(
      ds.query(
        `INSERT INTO ledger_entries (case_id, seq, kind, amount, entry_date, recorded_by, recorded_at) VALUES ($1, 99, 'disbursement', 0, '2026-01-01', $2, now())`,
        [id, users['longbien.pho']],
      ),
    ).rejects.toThrow(/ck_ledger_entries_amount/);
  });

  it('the worker injects the projection into its activity', async () => {
    const worker = await createWorkerApp(
      testConfig({ DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`, DB_MIGRATE_ON_BOOT: 'false' }),
    );
    try {
      const c = housingCase();
      await worker.get(CaseProjectionActivities).projectCase(c.submitted);
      expect(await row(c.state.caseId)).toMatchObject({ status: 'pending', lastSeq: 1 });
    } finally {
      await worker.close();
    }
  });
});
