import {
  Actor,
  allowedActions as allowedActionsOf,
  applyAlarm as applyAlarmOf,
  applyCancel,
  applyDecision as applyDecisionOf,
  applyResubmit,
  CaseAction,
  CaseEvent,
  CaseState,
  checkCancel,
  checkDecision,
  checkResubmit,
  DecisionRequest,
  decidedBy,
  DisbursementRequest,
  MilestoneRequest,
  nextAlarm as nextAlarmOf,
  openCase,
  PathUnit,
  resolveChain,
  ResolvedStep,
} from '@lienthong/domain';
import { housingSupportDefinition, housingSupportDefinitionV1 } from './housing-support.definition';
import { housingSupportPhase as phase } from './housing-support.phase';

/**
 * The chain's rules and housing's execution phase together, through a housing case's whole life:
 * the rules as the workflow and the API run them, with the module's phase.
 */
const applyDecision = (state: CaseState, who: Actor, req: DecisionRequest, now: number) => applyDecisionOf(state, who, req, now, phase);
const allowedActions = (state: CaseState, who: Actor) => allowedActionsOf(state, who, phase);
const nextAlarm = (state: CaseState) => nextAlarmOf(state, phase);
const applyAlarm = (state: CaseState, now: number) => applyAlarmOf(state, now, phase);
const checkMilestone = (state: CaseState, who: Actor, req: MilestoneRequest, now: number) => phase.operations.milestone!.check(state, who, req, now);
const applyMilestone = (state: CaseState, who: Actor, req: MilestoneRequest, now: number) => phase.operations.milestone!.apply(state, who, req, now);
const checkDisbursement = (state: CaseState, who: Actor, req: DisbursementRequest, now: number) =>
  phase.operations.disbursement!.check(state, who, req, now);
const applyDisbursement = (state: CaseState, who: Actor, req: DisbursementRequest, now: number) =>
  phase.operations.disbursement!.apply(state, who, req, now);

// A housing case of Chi hội 1, verified by the ward Ngọc Thụy and approved by the district Long Biên.
const BRANCH = 'u-chi-hoi-1';
const WARD = 'u-ngoc-thuy';
const DISTRICT = 'u-long-bien';
const OTHER_WARD = 'u-phuc-dong';

const path: PathUnit[] = [
  { id: BRANCH, name: 'Chi hội 1', levelCode: 'branch', levelName: 'Chi hội' },
  { id: WARD, name: 'Hội phường Ngọc Thụy', levelCode: 'ward', levelName: 'Phường' },
  { id: DISTRICT, name: 'Hội quận Long Biên', levelCode: 'district', levelName: 'Quận' },
];

const actor = (userId: string, displayName: string, ...unitIds: string[]): Actor => ({ userId, displayName, unitIds });
const initiator = actor('p-initiator', 'Nguyễn Thị Lan', BRANCH);
const wardChair = actor('p-ward-chair', 'Trần Văn Đức', WARD);
const wardVice = actor('p-ward-vice', 'Lê Thị Hồng', WARD);
const districtChair = actor('p-district-chair', 'Phạm Quốc Hùng', DISTRICT);
const otherWardOfficer = actor('p-phuc-dong', 'Hoàng Minh Tuấn', OTHER_WARD);
/** Holds roles at the ward and at the district (a concurrent appointment). */
const wardAndDistrict = actor('p-both', 'Vũ Đình Khoa', WARD, DISTRICT);

const at = (iso: string) => Date.parse(iso);
const DAY = 24 * 60 * 60 * 1000;
const SUBMITTED = at('2026-11-24T10:00:00Z');
const WARD_DECIDED = at('2026-11-26T02:00:00Z');
/** 10:00 on 30 November in Ho Chi Minh City. */
const DISTRICT_DECIDED = at('2026-11-30T03:00:00Z');

const REQUESTED = 50_000_000;
const APPROVED = 45_000_000;
const payload = {
  beneficiary: { name: 'Nguyễn Thị Hoa', address: 'Số 12, tổ 5, phường Ngọc Thụy, Long Biên, Hà Nội' },
  situation: 'Nhà cấp bốn xuống cấp, mái dột, tường nứt sau mùa mưa bão.',
  kind: 'repair',
  estimatedCost: 80_000_000,
  requestedAmount: REQUESTED,
  otherFunding: [],
};

const wardApprove: DecisionRequest = { action: 'approve', expectedStep: 'ward-verification' };
const districtApprove: DecisionRequest = {
  action: 'approve',
  expectedStep: 'district-approval',
  data: { approvedAmount: APPROVED, fundingSource: 'Quỹ Vì người nghèo quận Long Biên' },
};

function housingChain() {
  const resolved = resolveChain(housingSupportDefinition, path);
  if ('kind' in resolved) throw new Error(`housing chain did not resolve: ${resolved.code}`);
  return resolved;
}

interface OpenOptions {
  by?: Actor;
  resubmitTo?: CaseState['resubmitTo'];
  now?: number;
  tweak?: (chain: ResolvedStep[]) => void;
}

function open(options: OpenOptions = {}): { state: CaseState; events: CaseEvent[] } {
  const { chain, plan } = housingChain();
  options.tweak?.(chain);
  const by = options.by ?? initiator;
  return openCase(
    {
      caseId: 'case-1',
      processType: housingSupportDefinition.processType,
      definitionVersion: housingSupportDefinition.version,
      organizationId: 'org-ccb',
      originUnitId: BRANCH,
      title: 'Sửa nhà cho hộ bà Nguyễn Thị Hoa',
      payload: structuredClone(payload),
      initiator: { userId: by.userId, displayName: by.displayName },
      chain,
      plan,
      resubmitTo: options.resubmitTo ?? 'returning-step',
      restartOnChangeOf: housingSupportDefinition.restartOnChangeOf,
    },
    options.now ?? SUBMITTED,
  );
}

/** Checks as the workflow's validator would, then applies. */
function decide(state: CaseState, who: Actor, req: DecisionRequest, now: number): CaseEvent[] {
  expect(checkDecision(state, who, req)).toBeNull();
  return applyDecision(state, who, req, now);
}
function milestone(state: CaseState, who: Actor, req: MilestoneRequest, now: number): CaseEvent[] {
  expect(checkMilestone(state, who, req, now)).toBeNull();
  return applyMilestone(state, who, req, now);
}
function disburse(state: CaseState, who: Actor, req: DisbursementRequest, now: number): CaseEvent[] {
  expect(checkDisbursement(state, who, req, now)).toBeNull();
  return applyDisbursement(state, who, req, now);
}

/** Pending at the district: the ward chair approved. */
function atDistrict(options: OpenOptions = {}): CaseState {
  const { state } = open(options);
  decide(state, wardChair, wardApprove, WARD_DECIDED);
  return state;
}

/** Approved by both levels: in its execution phase. */
function approvedCase(): CaseState {
  const state = atDistrict();
  decide(state, districtChair, districtApprove, DISTRICT_DECIDED);
  return state;
}

const everyone = { initiator, wardChair, wardVice, districtChair, otherWardOfficer };
function actionsOfEveryone(state: CaseState): Record<keyof typeof everyone, CaseAction[]> {
  return Object.fromEntries(Object.entries(everyone).map(([k, a]) => [k, allowedActions(state, a)])) as Record<
    keyof typeof everyone,
    CaseAction[]
  >;
}

describe('openCase', () => {
  it('starts pending at the ward verification with a submitted event', () => {
    const { state, events } = open();
    expect(state).toMatchObject({
      status: 'pending',
      stepIndex: 0,
      passed: [],
      everApproved: false,
      outcome: null,
      execution: null,
      seq: 1,
      submittedAt: '2026-11-24T10:00:00.000Z',
    });
    expect(state.step).toMatchObject({ stepId: 'ward-verification', enteredAt: '2026-11-24T10:00:00.000Z', overdue: false, escalated: false, votes: [] });
    expect(events).toEqual([
      {
        seq: 1,
        action: 'submitted',
        actor: { userId: initiator.userId, displayName: initiator.displayName },
        stepId: 'ward-verification',
        levelCode: 'ward',
        unitId: WARD,
        comment: null,
        data: null,
        at: '2026-11-24T10:00:00.000Z',
      },
    ]);
  });

  it('is due at the end of the 7th day in Ho Chi Minh City, escalating 3 days later', () => {
    const { state } = open();
    expect(state.step!.dueAt).toBe('2026-12-01T16:59:59.999Z');
    expect(state.step!.escalateAt).toBe('2026-12-04T16:59:59.999Z');
  });

  it('counts days from the Ho Chi Minh calendar day, not the UTC one', () => {
    // 17:30Z on 24 November is 00:30 on 25 November in Ho Chi Minh City.
    const { state } = open({ now: at('2026-11-24T17:30:00Z') });
    expect(state.step!.dueAt).toBe('2026-12-02T16:59:59.999Z');
  });

  it('refuses an empty chain', () => {
    expect(() => open({ tweak: (chain) => chain.splice(0) })).toThrow(/empty chain/);
  });
});

describe('checkDecision', () => {
  it('refuses someone who does not decide the current step', () => {
    const { state } = open();
    expect(checkDecision(state, otherWardOfficer, wardApprove)).toEqual({
      kind: 'forbidden',
      code: 'case.not_decider',
      params: { unit: 'Hội phường Ngọc Thụy' },
    });
    expect(checkDecision(state, districtChair, wardApprove)).toMatchObject({ kind: 'forbidden', code: 'case.not_decider' });
    expect(checkDecision(state, initiator, wardApprove)).toMatchObject({ kind: 'forbidden', code: 'case.not_decider' });
  });

  it('refuses the initiator deciding their own case even with a role at the deciding unit', () => {
    const initiatorAlsoAtWard = actor(initiator.userId, initiator.displayName, BRANCH, WARD);
    const { state } = open({ by: initiatorAlsoAtWard });
    expect(checkDecision(state, initiatorAlsoAtWard, wardApprove)).toEqual({ kind: 'forbidden', code: 'case.own_case' });
    expect(checkDecision(state, wardChair, wardApprove)).toBeNull();
  });

  it('refuses a decision taken on a step that has moved on', () => {
    const state = atDistrict();
    expect(checkDecision(state, wardVice, wardApprove)).toEqual({
      kind: 'conflict',
      code: 'case.stale_step',
      params: { expected: state.chain[0].unitName, current: state.chain[1].unitName },
    });
    // Even a legitimate district decider is told the case moved, if they acted on the old step.
    expect(checkDecision(state, districtChair, { ...districtApprove, expectedStep: 'ward-verification' })).toMatchObject({
      kind: 'conflict',
      code: 'case.stale_step',
    });
  });

  it('refuses one person deciding two steps of the same case', () => {
    const { state } = open();
    decide(state, wardAndDistrict, wardApprove, WARD_DECIDED);
    expect(state.step!.stepId).toBe('district-approval');
    expect(checkDecision(state, wardAndDistrict, districtApprove)).toEqual({ kind: 'forbidden', code: 'case.decided_other_step' });
    expect(checkDecision(state, districtChair, districtApprove)).toBeNull();
  });

  it.each(['return', 'reject'] as const)('requires a comment to %s', (action) => {
    const { state } = open();
    const refused = { kind: 'unprocessable', code: 'case.comment_required', params: { action } };
    expect(checkDecision(state, wardChair, { action })).toEqual(refused);
    expect(checkDecision(state, wardChair, { action, comment: null })).toEqual(refused);
    expect(checkDecision(state, wardChair, { action, comment: '   ' })).toEqual(refused);
    expect(checkDecision(state, wardChair, { action, comment: 'Thiếu biên bản khảo sát' })).toBeNull();
  });

  it('does not require a comment to approve', () => {
    const { state } = open();
    expect(checkDecision(state, wardChair, { action: 'approve' })).toBeNull();
  });

  it('refuses an action the step does not offer', () => {
    const { state } = open({ tweak: (chain) => (chain[0].actions = ['approve', 'return']) });
    expect(checkDecision(state, wardChair, { action: 'reject', comment: 'Không đủ điều kiện' })).toEqual({
      kind: 'unprocessable',
      code: 'case.action_not_allowed',
      params: { action: 'reject' },
    });
  });

  it('requires the approved amount and the funding source to approve at the district', () => {
    const state = atDistrict();
    expect(checkDecision(state, districtChair, { action: 'approve' })).toEqual({
      kind: 'unprocessable',
      code: 'case.field_required',
      params: { field: 'data.approvedAmount' },
    });
    expect(checkDecision(state, districtChair, { action: 'approve', data: { approvedAmount: APPROVED } })).toEqual({
      kind: 'unprocessable',
      code: 'case.field_required',
      params: { field: 'data.fundingSource' },
    });
    expect(checkDecision(state, districtChair, { action: 'approve', data: { approvedAmount: APPROVED, fundingSource: '' } })).toMatchObject({
      code: 'case.field_required',
    });
    expect(checkDecision(state, districtChair, districtApprove)).toBeNull();
  });

  it('refuses an approved amount above the requested amount, accepts exactly the requested amount', () => {
    const state = atDistrict();
    const withAmount = (approvedAmount: unknown): DecisionRequest => ({
      action: 'approve',
      data: { approvedAmount, fundingSource: 'Quỹ Vì người nghèo' },
    });
    expect(checkDecision(state, districtChair, withAmount(REQUESTED + 1))).toEqual({
      kind: 'unprocessable',
      code: 'case.amount_above',
      params: { field: 'data.approvedAmount', max: REQUESTED, limit: 'requestedAmount' },
    });
    expect(checkDecision(state, districtChair, withAmount(REQUESTED))).toBeNull();
  });

  it.each([
    ['a fraction', 1.5],
    ['a negative amount', -1_000_000],
    ['zero', 0],
    ['an unsafe integer', Number.MAX_SAFE_INTEGER + 1],
    ['a string', '45000000'],
    ['NaN', Number.NaN],
  ])('refuses %s as approved amount', (_label, approvedAmount) => {
    const state = atDistrict();
    expect(checkDecision(state, districtChair, { action: 'approve', data: { approvedAmount, fundingSource: 'Quỹ Vì người nghèo' } })).toEqual({
      kind: 'unprocessable',
      code: 'case.amount_invalid',
      params: { field: 'data.approvedAmount' },
    });
  });

  it('refuses a blank or too long funding source', () => {
    const state = atDistrict();
    for (const fundingSource of ['   ', 'x'.repeat(201), 42]) {
      expect(checkDecision(state, districtChair, { action: 'approve', data: { approvedAmount: APPROVED, fundingSource } })).toEqual({
        kind: 'unprocessable',
        code: 'case.field_invalid',
        params: { field: 'data.fundingSource' },
      });
    }
    expect(checkDecision(state, districtChair, { action: 'approve', data: { approvedAmount: APPROVED, fundingSource: 'x'.repeat(200) } })).toBeNull();
  });

  it('refuses data fields the decision does not take', () => {
    const district = atDistrict();
    expect(checkDecision(district, districtChair, { ...districtApprove, data: { ...districtApprove.data, note: 'thêm' } })).toEqual({
      kind: 'unprocessable',
      code: 'case.field_unknown',
      params: { field: 'data.note' },
    });
    // A return carries no data, even fields an approve would take.
    expect(checkDecision(district, districtChair, { action: 'return', comment: 'Bổ sung dự toán', data: { approvedAmount: APPROVED } })).toMatchObject({
      code: 'case.field_unknown',
      params: { field: 'data.approvedAmount' },
    });
    // The ward approves without data.
    const { state: ward } = open();
    expect(checkDecision(ward, wardChair, { action: 'approve', data: { approvedAmount: APPROVED } })).toMatchObject({
      kind: 'unprocessable',
      code: 'case.field_unknown',
    });
  });

  it('refuses a decision on a returned case, a case in execution and a closed case', () => {
    const { state: returned } = open();
    decide(returned, wardChair, { action: 'return', comment: 'Bổ sung ảnh hiện trạng' }, WARD_DECIDED);
    expect(checkDecision(returned, wardVice, wardApprove)).toEqual({ kind: 'conflict', code: 'case.awaiting_resubmission' });

    const inProgress = approvedCase();
    expect(checkDecision(inProgress, districtChair, districtApprove)).toEqual({ kind: 'conflict', code: 'case.not_awaiting_decision' });

    const { state: rejected } = open();
    decide(rejected, wardChair, { action: 'reject', comment: 'Hộ đã được hỗ trợ năm 2024' }, WARD_DECIDED);
    expect(rejected.status).toBe('rejected');
    expect(checkDecision(rejected, wardVice, wardApprove)).toEqual({ kind: 'conflict', code: 'case.closed', params: { status: 'rejected' } });
  });
});

describe('the happy path', () => {
  it('ward approval moves the case to the district with a fresh deadline', () => {
    const { state } = open();
    const events = decide(state, wardChair, { ...wardApprove, comment: '  Đã khảo sát thực tế  ' }, WARD_DECIDED);
    expect(events).toEqual([
      {
        seq: 2,
        action: 'approved',
        actor: { userId: wardChair.userId, displayName: wardChair.displayName },
        stepId: 'ward-verification',
        levelCode: 'ward',
        unitId: WARD,
        comment: 'Đã khảo sát thực tế',
        data: null,
        at: '2026-11-26T02:00:00.000Z',
      },
    ]);
    expect(state).toMatchObject({ status: 'pending', stepIndex: 1, everApproved: true });
    expect(state.passed).toEqual([
      {
        stepId: 'ward-verification',
        deciders: [{ userId: wardChair.userId, displayName: wardChair.displayName }],
        at: '2026-11-26T02:00:00.000Z',
        data: null,
      },
    ]);
    // 14 days from 26 November (09:00 in Ho Chi Minh City), to the end of that day; escalation 7 days later.
    expect(state.step).toMatchObject({
      stepId: 'district-approval',
      enteredAt: '2026-11-26T02:00:00.000Z',
      dueAt: '2026-12-10T16:59:59.999Z',
      escalateAt: '2026-12-17T16:59:59.999Z',
      votes: [],
    });
  });

  it('district approval opens the execution phase with milestones and the approved amount as cap', () => {
    const state = atDistrict();
    const events = decide(state, districtChair, districtApprove, DISTRICT_DECIDED);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ seq: 3, action: 'approved', stepId: 'district-approval', unitId: DISTRICT, data: districtApprove.data });
    expect(state).toMatchObject({
      status: 'in_progress',
      stepIndex: 2,
      step: null,
      outcome: { approvedAmount: APPROVED, fundingSource: 'Quỹ Vì người nghèo quận Long Biên' },
    });
    expect(state.passed.map((p) => p.stepId)).toEqual(['ward-verification', 'district-approval']);
    // Targets count from the approval (30 November): +30, +120 and +150 days.
    expect(state.execution).toEqual({
      approvedAt: '2026-11-30T03:00:00.000Z',
      milestones: [
        { kind: 'construction-started', targetDate: '2026-12-30', date: null, note: null, recordedBy: null, overdue: false },
        { kind: 'construction-completed', targetDate: '2027-03-30', date: null, note: null, recordedBy: null, overdue: false },
        { kind: 'handed-over', targetDate: '2027-04-29', date: null, note: null, recordedBy: null, overdue: false },
      ],
      disbursed: 0,
      cap: APPROVED,
      repaid: 0,
      repaymentDue: null,
      settlement: null,
    });
  });

  it('dates milestone targets by the Ho Chi Minh calendar day of the approval', () => {
    const state = atDistrict();
    // 18:00Z on 30 November is already 1 December in Ho Chi Minh City.
    decide(state, districtChair, districtApprove, at('2026-11-30T18:00:00Z'));
    expect(state.execution!.milestones[0].targetDate).toBe('2026-12-31');
  });

  it('numbers events 1, 2, 3 … without gaps across the whole life of the case', () => {
    const { state, events } = open();
    const all = [...events];
    all.push(...decide(state, wardChair, { action: 'return', comment: 'Bổ sung ảnh' }, WARD_DECIDED));
    all.push(...applyResubmit(state, initiator, { payload: structuredClone(payload) }, WARD_DECIDED + DAY));
    all.push(...applyAlarm(state, Date.parse(state.step!.escalateAt!)));
    all.push(...decide(state, wardChair, wardApprove, WARD_DECIDED + 12 * DAY));
    all.push(...decide(state, districtChair, districtApprove, WARD_DECIDED + 13 * DAY));
    const day = state.execution!.approvedAt.slice(0, 10);
    all.push(...disburse(state, districtChair, { amount: 10_000_000, date: day }, WARD_DECIDED + 13 * DAY));
    all.push(...milestone(state, initiator, { kind: 'construction-started', date: day }, WARD_DECIDED + 13 * DAY));
    expect(all.map((e) => e.action)).toEqual([
      'submitted',
      'returned',
      'resubmitted',
      'overdue',
      'escalated',
      'approved',
      'approved',
      'disbursement',
      'milestone',
    ]);
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(state.seq).toBe(9);
  });
});

describe('decidedBy', () => {
  it('lists the deciders of passed steps', () => {
    const { state } = open();
    expect(decidedBy(state)).toEqual([]);
    decide(state, wardChair, wardApprove, WARD_DECIDED);
    expect(decidedBy(state)).toEqual([wardChair.userId]);
    decide(state, districtChair, districtApprove, DISTRICT_DECIDED);
    expect(decidedBy(state).sort()).toEqual([districtChair.userId, wardChair.userId].sort());
  });
});

describe('return and resubmission', () => {
  it('a return sends the case back to the initiator', () => {
    const { state } = open();
    const events = decide(state, wardChair, { action: 'return', comment: '  Bổ sung ảnh hiện trạng  ' }, WARD_DECIDED);
    expect(events[0]).toMatchObject({ seq: 2, action: 'returned', stepId: 'ward-verification', comment: 'Bổ sung ảnh hiện trạng', data: null });
    expect(state).toMatchObject({ status: 'returned', step: null, stepIndex: 0, everApproved: false });
    expect(nextAlarm(state)).toBeNull();
  });

  it('only the initiator resubmits, and only a returned case', () => {
    const { state } = open();
    expect(checkResubmit(state, initiator)).toEqual({ kind: 'conflict', code: 'case.not_returned' });
    decide(state, wardChair, { action: 'return', comment: 'Bổ sung ảnh' }, WARD_DECIDED);
    expect(checkResubmit(state, wardChair)).toEqual({ kind: 'forbidden', code: 'case.not_initiator' });
    expect(checkResubmit(state, otherWardOfficer)).toEqual({ kind: 'forbidden', code: 'case.not_initiator' });
    expect(checkResubmit(state, initiator)).toBeNull();
  });

  it('a resubmission replaces the payload and the title and restarts the deadline', () => {
    const { state } = open();
    decide(state, wardChair, { action: 'return', comment: 'Bổ sung ảnh' }, WARD_DECIDED);
    const resubmittedAt = at('2026-11-27T03:00:00Z');
    const revised = { ...structuredClone(payload), situation: 'Đã bổ sung ảnh hiện trạng.' };
    const events = applyResubmit(state, initiator, { payload: revised, title: '  Sửa nhà hộ bà Hoa (bổ sung)  ', comment: ' Đã bổ sung ' }, resubmittedAt);
    expect(events).toEqual([
      {
        seq: 3,
        action: 'resubmitted',
        actor: { userId: initiator.userId, displayName: initiator.displayName },
        stepId: 'ward-verification',
        levelCode: 'ward',
        unitId: WARD,
        comment: 'Đã bổ sung',
        data: null,
        at: '2026-11-27T03:00:00.000Z',
      },
    ]);
    expect(state).toMatchObject({ status: 'pending', stepIndex: 0, payload: revised, title: 'Sửa nhà hộ bà Hoa (bổ sung)' });
    expect(state.step).toMatchObject({ stepId: 'ward-verification', dueAt: '2026-12-04T16:59:59.999Z', votes: [], overdue: false });
  });

  it('keeps the title when the resubmission gives none or a blank one', () => {
    const { state } = open();
    decide(state, wardChair, { action: 'return', comment: 'Bổ sung ảnh' }, WARD_DECIDED);
    applyResubmit(state, initiator, { payload: structuredClone(payload), title: '   ' }, WARD_DECIDED + DAY);
    expect(state.title).toBe('Sửa nhà cho hộ bà Nguyễn Thị Hoa');
  });

  it('resumes at the district when the district returned, keeping the ward approval', () => {
    const state = atDistrict();
    decide(state, districtChair, { action: 'return', comment: 'Bổ sung dự toán chi tiết' }, DISTRICT_DECIDED);
    expect(state).toMatchObject({ status: 'returned', stepIndex: 1 });
    applyResubmit(state, initiator, { payload: structuredClone(payload) }, DISTRICT_DECIDED + DAY);
    expect(state).toMatchObject({ status: 'pending', stepIndex: 1 });
    expect(state.step!.stepId).toBe('district-approval');
    expect(state.passed.map((p) => p.stepId)).toEqual(['ward-verification']);
    expect(decidedBy(state)).toEqual([wardChair.userId]);
    expect(allowedActions(state, districtChair)).toEqual(['approve', 'return', 'reject']);
    expect(allowedActions(state, wardChair)).toEqual([]);
    decide(state, districtChair, districtApprove, DISTRICT_DECIDED + 2 * DAY);
    expect(state.status).toBe('in_progress');
  });

  it('with resubmitTo first-step, restarts at the ward and clears earlier approvals', () => {
    const state = atDistrict({ resubmitTo: 'first-step' });
    decide(state, districtChair, { action: 'return', comment: 'Đề nghị phường khảo sát lại' }, DISTRICT_DECIDED);
    const events = applyResubmit(state, initiator, { payload: structuredClone(payload) }, DISTRICT_DECIDED + DAY);
    expect(events[0]).toMatchObject({ action: 'resubmitted', stepId: 'ward-verification', unitId: WARD });
    expect(state).toMatchObject({ status: 'pending', stepIndex: 0, passed: [] });
    expect(state.step!.stepId).toBe('ward-verification');
    expect(decidedBy(state)).toEqual([]);
    // The ward decides afresh; its earlier approval no longer stands.
    expect(allowedActions(state, wardChair)).toEqual(['approve', 'return', 'reject']);
  });
});

describe('cancel', () => {
  it('the initiator may cancel before any approval', () => {
    const { state } = open();
    expect(checkCancel(state, initiator)).toBeNull();
    const events = applyCancel(state, initiator, '  Hộ đã chuyển đi nơi khác ', SUBMITTED + DAY);
    expect(events).toEqual([
      {
        seq: 2,
        action: 'cancelled',
        actor: { userId: initiator.userId, displayName: initiator.displayName },
        stepId: 'ward-verification',
        levelCode: 'ward',
        unitId: WARD,
        comment: 'Hộ đã chuyển đi nơi khác',
        data: null,
        at: '2026-11-25T10:00:00.000Z',
      },
    ]);
    expect(state).toMatchObject({ status: 'cancelled', step: null });
    expect(nextAlarm(state)).toBeNull();
  });

  it('the initiator may cancel a returned case that was never approved', () => {
    const { state } = open();
    decide(state, wardChair, { action: 'return', comment: 'Bổ sung ảnh' }, WARD_DECIDED);
    expect(checkCancel(state, initiator)).toBeNull();
  });

  it('nobody else may cancel', () => {
    const { state } = open();
    for (const who of [wardChair, districtChair, otherWardOfficer]) {
      expect(checkCancel(state, who)).toEqual({ kind: 'forbidden', code: 'case.not_initiator' });
    }
  });

  it('is refused once an approval was recorded, even after a later return', () => {
    const state = atDistrict();
    expect(checkCancel(state, initiator)).toEqual({ kind: 'conflict', code: 'case.cancel_after_approval' });
    decide(state, districtChair, { action: 'return', comment: 'Bổ sung dự toán' }, DISTRICT_DECIDED);
    expect(checkCancel(state, initiator)).toEqual({ kind: 'conflict', code: 'case.cancel_after_approval' });
  });

  it('is refused on a closed case', () => {
    const { state } = open();
    applyCancel(state, initiator, null, SUBMITTED + DAY);
    expect(checkCancel(state, initiator)).toEqual({ kind: 'conflict', code: 'case.closed', params: { status: 'cancelled' } });
    expect(checkDecision(state, wardChair, wardApprove)).toEqual({ kind: 'conflict', code: 'case.closed', params: { status: 'cancelled' } });
    expect(checkResubmit(state, initiator)).toEqual({ kind: 'conflict', code: 'case.not_returned' });
  });
});

describe('milestones', () => {
  const recordedAt = at('2027-01-05T03:00:00Z');

  it('are refused before the case is approved', () => {
    const state = atDistrict();
    expect(checkMilestone(state, initiator, { kind: 'construction-started', date: '2026-11-26' }, recordedAt)).toEqual({
      kind: 'conflict',
      code: 'case.not_in_progress',
    });
  });

  it('the works are recorded by officers of the origin branch, the handover is confirmed by the ward, nobody else', () => {
    const state = approvedCase();
    const req = { kind: 'construction-started', date: '2026-12-01' };
    expect(checkMilestone(state, initiator, req, recordedAt)).toBeNull();
    for (const who of [wardVice, districtChair, otherWardOfficer]) {
      expect(checkMilestone(state, who, req, recordedAt)).toEqual({ kind: 'forbidden', code: 'case.not_milestone_recorder' });
    }
    milestone(state, initiator, req, recordedAt);
    milestone(state, initiator, { kind: 'construction-completed', date: '2026-12-20' }, recordedAt);
    const handover = { kind: 'handed-over', date: '2026-12-21' };
    expect(checkMilestone(state, initiator, handover, recordedAt)).toEqual({ kind: 'forbidden', code: 'case.not_milestone_recorder' });
    expect(checkMilestone(state, wardVice, handover, recordedAt)).toBeNull();
  });

  it('must follow the order of the plan', () => {
    const state = approvedCase();
    expect(checkMilestone(state, initiator, { kind: 'handed-over', date: '2026-12-01' }, recordedAt)).toEqual({
      kind: 'unprocessable',
      code: 'case.milestone_out_of_order',
      params: { expected: 'construction-started', kind: 'handed-over' },
    });
    milestone(state, initiator, { kind: 'construction-started', date: '2026-12-01' }, recordedAt);
    expect(checkMilestone(state, initiator, { kind: 'construction-started', date: '2026-12-02' }, recordedAt)).toMatchObject({
      code: 'case.milestone_out_of_order',
      params: { expected: 'construction-completed' },
    });
  });

  it('refuses a date in the future, counted in Ho Chi Minh City', () => {
    const state = approvedCase();
    // 18:00Z on 5 December is already 6 December in Ho Chi Minh City; 7 December is still ahead.
    const now = at('2026-12-05T18:00:00Z');
    expect(checkMilestone(state, initiator, { kind: 'construction-started', date: '2026-12-07' }, now)).toEqual({
      kind: 'unprocessable',
      code: 'case.date_in_future',
      params: { field: 'date' },
    });
    expect(checkMilestone(state, initiator, { kind: 'construction-started', date: '2026-12-06' }, now)).toBeNull();
  });

  it('refuses a date before the approval or before the previous milestone, accepts the same day', () => {
    const state = approvedCase();
    expect(checkMilestone(state, initiator, { kind: 'construction-started', date: '2026-11-29' }, recordedAt)).toEqual({
      kind: 'unprocessable',
      code: 'case.date_too_early',
      params: { field: 'date', min: '2026-11-30' },
    });
    milestone(state, initiator, { kind: 'construction-started', date: '2026-12-10' }, recordedAt);
    expect(checkMilestone(state, initiator, { kind: 'construction-completed', date: '2026-12-09' }, recordedAt)).toEqual({
      kind: 'unprocessable',
      code: 'case.date_too_early',
      params: { field: 'date', min: '2026-12-10' },
    });
    expect(checkMilestone(state, initiator, { kind: 'construction-completed', date: '2026-12-10' }, recordedAt)).toBeNull();
  });

  it('refuses a date that is not a calendar day', () => {
    const state = approvedCase();
    for (const date of ['2026-12-32', '2026-12-1', '01/12/2026']) {
      expect(checkMilestone(state, initiator, { kind: 'construction-started', date }, recordedAt)).toEqual({
        kind: 'unprocessable',
        code: 'case.field_invalid',
        params: { field: 'date' },
      });
    }
  });

  it('the handover completes the case once the approved amount is paid in full', () => {
    const state = approvedCase();
    const e1 = milestone(state, initiator, { kind: 'construction-started', date: '2026-12-15', note: '  Khởi công ' }, at('2026-12-15T05:00:00Z'));
    expect(e1[0]).toMatchObject({
      action: 'milestone',
      actor: { userId: initiator.userId, displayName: initiator.displayName },
      comment: 'Khởi công',
      data: { kind: 'construction-started', date: '2026-12-15', targetDate: '2026-12-30' },
    });
    expect(e1[0].data).not.toHaveProperty('closed');
    expect(state.execution!.milestones[0]).toMatchObject({
      date: '2026-12-15',
      note: 'Khởi công',
      recordedBy: { userId: initiator.userId, displayName: initiator.displayName },
    });
    milestone(state, initiator, { kind: 'construction-completed', date: '2027-03-01' }, at('2027-03-01T05:00:00Z'));
    expect(state.status).toBe('in_progress');
    disburse(state, districtChair, { amount: APPROVED, date: '2027-03-05' }, at('2027-03-05T05:00:00Z'));
    expect(state.status).toBe('in_progress');
    const last = milestone(state, wardChair, { kind: 'handed-over', date: '2027-03-10' }, at('2027-03-10T05:00:00Z'));
    expect(last[0].data).toEqual({ kind: 'handed-over', date: '2027-03-10', targetDate: '2027-04-29', closed: true });
    expect(state.status).toBe('completed');
    expect(nextAlarm(state)).toBeNull();
    expect(checkMilestone(state, wardChair, { kind: 'handed-over', date: '2027-03-10' }, at('2027-03-11T05:00:00Z'))).toEqual({
      kind: 'conflict',
      code: 'case.closed',
      params: { status: 'completed' },
    });
  });

  it('a house handed over with money still owed stays open until the last disbursement closes it', () => {
    const state = approvedCase();
    milestone(state, initiator, { kind: 'construction-started', date: '2026-12-15' }, at('2026-12-15T05:00:00Z'));
    milestone(state, initiator, { kind: 'construction-completed', date: '2027-03-01' }, at('2027-03-01T05:00:00Z'));
    disburse(state, districtChair, { amount: 20_000_000, date: '2027-03-02' }, at('2027-03-02T05:00:00Z'));
    const handover = milestone(state, wardChair, { kind: 'handed-over', date: '2027-03-10' }, at('2027-03-10T05:00:00Z'));
    expect(handover[0].data).not.toHaveProperty('closed');
    expect(state.status).toBe('in_progress');
    expect(allowedActions(state, districtChair)).toEqual(['disbursement', 'settlement']);
    expect(allowedActions(state, wardChair)).toEqual([]);
    const rest = disburse(state, districtChair, { amount: APPROVED - 20_000_000, date: '2027-03-12' }, at('2027-03-12T05:00:00Z'));
    expect(rest[0].data).toEqual({ amount: APPROVED - 20_000_000, date: '2027-03-12', total: APPROVED, closed: true });
    expect(state.status).toBe('completed');
  });

  it('or until the district settles what is left, with a reason', () => {
    const state = approvedCase();
    const settlement = phase.operations.settlement!;
    milestone(state, initiator, { kind: 'construction-started', date: '2026-12-15' }, at('2026-12-15T05:00:00Z'));
    disburse(state, districtChair, { amount: 40_000_000, date: '2026-12-16' }, at('2026-12-16T05:00:00Z'));
    const now = at('2027-03-12T05:00:00Z');
    expect(settlement.check(state, districtChair, { date: '2027-03-12', reason: '   ' }, now)).toMatchObject({ code: 'case.comment_required' });
    expect(settlement.check(state, wardChair, { date: '2027-03-12', reason: 'Chi phí thấp hơn' }, now)).toEqual({
      kind: 'forbidden',
      code: 'case.not_disburser',
    });
    const events = settlement.apply(state, districtChair, { date: '2027-03-12', reason: ' Chi phí thực tế thấp hơn dự toán ' }, now);
    expect(events[0]).toMatchObject({ action: 'settlement', comment: 'Chi phí thực tế thấp hơn dự toán', data: { disbursed: 40_000_000, waived: APPROVED - 40_000_000 } });
    expect(state.status).toBe('in_progress');
    expect(checkDisbursement(state, districtChair, { amount: 1_000_000, date: '2027-03-12' }, now)).toEqual({ kind: 'conflict', code: 'case.ledger_settled' });
    milestone(state, initiator, { kind: 'construction-completed', date: '2027-03-12' }, now);
    const last = milestone(state, wardChair, { kind: 'handed-over', date: '2027-03-12' }, now);
    expect(last[0].data).toMatchObject({ closed: true });
    expect(state.status).toBe('completed');
  });

  it('a case opened under version 1 closes at handover, whatever was paid, the branch or the ward recording', () => {
    const v1 = resolveChain({ ...housingSupportDefinition, ...housingSupportDefinitionV1 }, path);
    if ('kind' in v1) throw new Error(v1.code);
    const { state } = open({ tweak: () => undefined });
    state.plan = v1.plan;
    decide(state, wardChair, wardApprove, WARD_DECIDED);
    decide(state, districtChair, districtApprove, DISTRICT_DECIDED);
    milestone(state, wardVice, { kind: 'construction-started', date: '2026-12-15' }, at('2026-12-15T05:00:00Z'));
    milestone(state, initiator, { kind: 'construction-completed', date: '2027-03-01' }, at('2027-03-01T05:00:00Z'));
    const last = milestone(state, initiator, { kind: 'handed-over', date: '2027-03-10' }, at('2027-03-10T05:00:00Z'));
    expect(last[0].data).toMatchObject({ closed: true });
    expect(state).toMatchObject({ status: 'completed', execution: { disbursed: 0 } });
  });
});

describe('disbursements', () => {
  const now = at('2026-12-20T03:00:00Z');

  it('are recorded by officers of the approving district only', () => {
    const state = approvedCase();
    const req = { amount: 10_000_000, date: '2026-12-01' };
    expect(checkDisbursement(state, districtChair, req, now)).toBeNull();
    for (const who of [initiator, wardChair, otherWardOfficer]) {
      expect(checkDisbursement(state, who, req, now)).toEqual({ kind: 'forbidden', code: 'case.not_disburser' });
    }
  });

  it('are refused before approval', () => {
    const state = atDistrict();
    expect(checkDisbursement(state, districtChair, { amount: 10_000_000, date: '2026-11-27' }, now)).toEqual({
      kind: 'conflict',
      code: 'case.not_in_progress',
    });
  });

  it.each([0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1])('refuses the amount %p', (amount) => {
    const state = approvedCase();
    expect(checkDisbursement(state, districtChair, { amount, date: '2026-12-01' }, now)).toEqual({
      kind: 'unprocessable',
      code: 'case.amount_invalid',
      params: { field: 'amount' },
    });
  });

  it('never lets the total exceed the approved amount, and accepts exactly the remainder', () => {
    const state = approvedCase();
    const first = disburse(state, districtChair, { amount: 30_000_000, date: '2026-12-01', note: ' Đợt 1 ' }, now);
    expect(first[0]).toMatchObject({ action: 'disbursement', comment: 'Đợt 1', data: { amount: 30_000_000, date: '2026-12-01', total: 30_000_000 } });
    expect(checkDisbursement(state, districtChair, { amount: 15_000_001, date: '2026-12-15' }, now)).toEqual({
      kind: 'unprocessable',
      code: 'case.disbursement_exceeds',
      params: { amount: 15_000_001, remaining: 15_000_000, cap: APPROVED },
    });
    const second = disburse(state, districtChair, { amount: 15_000_000, date: '2026-12-15' }, now);
    expect(second[0].data).toEqual({ amount: 15_000_000, date: '2026-12-15', total: APPROVED });
    expect(state.execution!.disbursed).toBe(APPROVED);
    expect(checkDisbursement(state, districtChair, { amount: 1, date: '2026-12-16' }, now)).toMatchObject({
      code: 'case.disbursement_exceeds',
      params: { remaining: 0 },
    });
  });

  it('refuses a date before the approval or in the future', () => {
    const state = approvedCase();
    expect(checkDisbursement(state, districtChair, { amount: 1_000_000, date: '2026-11-29' }, now)).toEqual({
      kind: 'unprocessable',
      code: 'case.date_too_early',
      params: { field: 'date', min: '2026-11-30' },
    });
    expect(checkDisbursement(state, districtChair, { amount: 1_000_000, date: '2026-12-21' }, now)).toEqual({
      kind: 'unprocessable',
      code: 'case.date_in_future',
      params: { field: 'date' },
    });
    expect(checkDisbursement(state, districtChair, { amount: 1_000_000, date: '2026-11-30' }, now)).toBeNull();
  });
});

describe('alarms', () => {
  it('marks the step overdue at its due time, then escalates to the unit above', () => {
    const { state } = open();
    const due = at('2026-12-01T16:59:59.999Z');
    const escalate = at('2026-12-04T16:59:59.999Z');
    expect(nextAlarm(state)).toBe(due);
    expect(applyAlarm(state, due - 1)).toEqual([]);
    expect(state.seq).toBe(1);

    expect(applyAlarm(state, due)).toEqual([
      {
        seq: 2,
        action: 'overdue',
        actor: null,
        stepId: 'ward-verification',
        levelCode: 'ward',
        unitId: WARD,
        comment: null,
        data: { dueAt: '2026-12-01T16:59:59.999Z' },
        at: '2026-12-01T16:59:59.999Z',
      },
    ]);
    expect(state.step).toMatchObject({ overdue: true, escalated: false });
    expect(nextAlarm(state)).toBe(escalate);
    expect(applyAlarm(state, escalate - 1)).toEqual([]);

    expect(applyAlarm(state, escalate)).toEqual([
      {
        seq: 3,
        action: 'escalated',
        actor: null,
        stepId: 'ward-verification',
        levelCode: 'ward',
        unitId: WARD,
        comment: null,
        data: { dueAt: '2026-12-01T16:59:59.999Z', escalatedTo: DISTRICT },
        at: '2026-12-04T16:59:59.999Z',
      },
    ]);
    expect(state.step!.escalated).toBe(true);
    expect(nextAlarm(state)).toBeNull();
    expect(applyAlarm(state, escalate + DAY)).toEqual([]);
    // Still pending: the ward can decide late.
    expect(state.status).toBe('pending');
    expect(checkDecision(state, wardChair, wardApprove)).toBeNull();
  });

  it('fires overdue and escalation together when the clock is already past both', () => {
    const { state } = open();
    const events = applyAlarm(state, at('2026-12-10T00:00:00Z'));
    expect(events.map((e) => [e.seq, e.action])).toEqual([
      [2, 'overdue'],
      [3, 'escalated'],
    ]);
  });

  it('never escalates a step without an escalation delay', () => {
    const { state } = open({ tweak: (chain) => (chain[0].deadline.escalateAfterMs = null) });
    expect(state.step!.escalateAt).toBeNull();
    applyAlarm(state, Date.parse(state.step!.dueAt));
    expect(nextAlarm(state)).toBeNull();
  });

  it('a new step starts on time again', () => {
    const { state } = open();
    applyAlarm(state, at('2026-12-10T00:00:00Z'));
    decide(state, wardChair, wardApprove, at('2026-12-10T01:00:00Z'));
    expect(state.step).toMatchObject({ stepId: 'district-approval', overdue: false, escalated: false });
    expect(nextAlarm(state)).toBe(Date.parse(state.step!.dueAt));
  });

  it('flags a milestone that passes its target date', () => {
    const state = approvedCase();
    const endOfTarget = at('2026-12-30T16:59:59.999Z');
    expect(nextAlarm(state)).toBe(endOfTarget);
    expect(applyAlarm(state, endOfTarget - 1)).toEqual([]);
    expect(applyAlarm(state, endOfTarget)).toEqual([
      {
        seq: 4,
        action: 'milestone_overdue',
        actor: null,
        stepId: null,
        levelCode: null,
        unitId: null,
        comment: null,
        data: { kind: 'construction-started', targetDate: '2026-12-30' },
        at: '2026-12-30T16:59:59.999Z',
      },
    ]);
    expect(state.execution!.milestones.map((m) => m.overdue)).toEqual([true, false, false]);
    expect(nextAlarm(state)).toBe(at('2027-03-30T16:59:59.999Z'));
    // Recording the late milestone clears its flag.
    milestone(state, initiator, { kind: 'construction-started', date: '2027-01-02' }, at('2027-01-02T03:00:00Z'));
    expect(state.execution!.milestones[0].overdue).toBe(false);
    expect(nextAlarm(state)).toBe(at('2027-03-30T16:59:59.999Z'));
  });
});

describe('allowedActions', () => {
  it('at the ward step: the ward decides, the initiator may cancel, nobody else does anything', () => {
    const { state } = open();
    expect(actionsOfEveryone(state)).toEqual({
      initiator: ['cancel'],
      wardChair: ['approve', 'return', 'reject'],
      wardVice: ['approve', 'return', 'reject'],
      districtChair: [],
      otherWardOfficer: [],
    });
  });

  it('at the district step: only the district decides; the initiator can no longer cancel', () => {
    const state = atDistrict();
    expect(actionsOfEveryone(state)).toEqual({
      initiator: [],
      wardChair: [],
      wardVice: [],
      districtChair: ['approve', 'return', 'reject'],
      otherWardOfficer: [],
    });
    // Someone who approved at the ward is offered nothing at the district, though they hold a role there.
    const { state: byBoth } = open();
    decide(byBoth, wardAndDistrict, wardApprove, WARD_DECIDED);
    expect(allowedActions(byBoth, wardAndDistrict)).toEqual([]);
    expect(allowedActions(byBoth, districtChair)).toEqual(['approve', 'return', 'reject']);
  });

  it('when returned: the initiator resubmits (and cancels if nothing was approved)', () => {
    const { state } = open();
    decide(state, wardChair, { action: 'return', comment: 'Bổ sung ảnh' }, WARD_DECIDED);
    expect(actionsOfEveryone(state)).toEqual({
      initiator: ['resubmit', 'cancel'],
      wardChair: [],
      wardVice: [],
      districtChair: [],
      otherWardOfficer: [],
    });
    const district = atDistrict();
    decide(district, districtChair, { action: 'return', comment: 'Bổ sung dự toán' }, DISTRICT_DECIDED);
    expect(allowedActions(district, initiator)).toEqual(['resubmit']);
  });

  it('in execution: the branch records the works, the district disburses until the cap or settles', () => {
    const state = approvedCase();
    expect(actionsOfEveryone(state)).toEqual({
      initiator: ['milestone'],
      wardChair: [],
      wardVice: [],
      districtChair: ['disbursement', 'settlement'],
      otherWardOfficer: [],
    });
    disburse(state, districtChair, { amount: APPROVED, date: '2026-12-01' }, at('2026-12-01T03:00:00Z'));
    expect(allowedActions(state, districtChair)).toEqual([]);
  });

  it('offers nothing to anyone on a closed case', () => {
    const { state } = open();
    decide(state, wardChair, { action: 'reject', comment: 'Không thuộc diện hỗ trợ' }, WARD_DECIDED);
    expect(Object.values(actionsOfEveryone(state)).flat()).toEqual([]);
  });

  it('offers nothing to a decider who already voted', () => {
    const { state } = open({ tweak: (chain) => (chain[0].votes = { approve: 2, reject: 1 }) });
    decide(state, wardChair, wardApprove, WARD_DECIDED);
    expect(allowedActions(state, wardChair)).toEqual([]);
    expect(allowedActions(state, wardVice)).toEqual(['approve', 'return', 'reject']);
  });
});

describe('quorum', () => {
  const council = (chain: ResolvedStep[]) => (chain[0].votes = { approve: 2, reject: 1 });

  it('passes a step only after the required number of distinct approvals', () => {
    const { state } = open({ tweak: council });
    const first = decide(state, wardChair, wardApprove, WARD_DECIDED);
    expect(first).toEqual([
      expect.objectContaining({ seq: 2, action: 'approved', stepId: 'ward-verification', data: { votes: 1, required: 2 } }),
    ]);
    expect(state).toMatchObject({ status: 'pending', stepIndex: 0, passed: [], everApproved: true });
    expect(state.step!.votes).toEqual([
      { userId: wardChair.userId, displayName: wardChair.displayName, action: 'approve', at: '2026-11-26T02:00:00.000Z' },
    ]);
    expect(decidedBy(state)).toEqual([wardChair.userId]);

    // The same person cannot count twice.
    expect(checkDecision(state, wardChair, wardApprove)).toEqual({ kind: 'conflict', code: 'case.already_decided' });

    const second = decide(state, wardVice, wardApprove, WARD_DECIDED + 1000);
    expect(second[0]).toMatchObject({ seq: 3, action: 'approved', data: { votes: 2, required: 2 } });
    expect(state).toMatchObject({ status: 'pending', stepIndex: 1 });
    expect(state.passed[0].deciders).toEqual([
      { userId: wardChair.userId, displayName: wardChair.displayName },
      { userId: wardVice.userId, displayName: wardVice.displayName },
    ]);
  });

  it('returns a case at once on a council step, without counting it as a vote', () => {
    const { state } = open({ tweak: (chain) => (chain[0].votes = { approve: 3, reject: 3 }) });
    const [event] = decide(state, wardChair, { action: 'return', comment: 'Bổ sung biên bản họp' }, WARD_DECIDED);
    expect(event).toMatchObject({ action: 'returned', data: null });
    expect(state.status).toBe('returned');
  });

  it('ends the case at the required number of rejections', () => {
    const { state } = open({ tweak: (chain) => (chain[0].votes = { approve: 2, reject: 2 }) });
    const first = decide(state, wardChair, { action: 'reject', comment: 'Không đủ điều kiện' }, WARD_DECIDED);
    expect(first[0]).toMatchObject({ action: 'rejected', data: { votes: 1, required: 2 } });
    expect(state.status).toBe('pending');
    decide(state, wardVice, { action: 'reject', comment: 'Đồng ý không hỗ trợ' }, WARD_DECIDED + 1000);
    expect(state.status).toBe('rejected');
  });
});
