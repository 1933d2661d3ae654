import { z } from 'zod';
// Housing is the realistic example these tests vary; generic code itself never names it.
import { HOUSING_SUPPORT, housingSupportDefinition, housingSupportPayloadSchema, PROCESSES } from '@lienthong/processes';
import { checkDecision, applyDecision as applyDecisionOf, openCase } from '../approval/chain.rules';
import { Actor } from '../approval/case-model';
import { DAY_MS } from '../approval/deadline';
import { definitionOfCase, findDefinition, PathUnit, ProcessDefinition, resolveChain, StepDefinition, validateDefinitions } from './process-definition';

const PROCESS_DEFINITIONS = PROCESSES.definitions;
const applyDecision = (...args: Parameters<typeof applyDecisionOf> extends [...infer A, unknown] ? A : never) => applyDecisionOf(...args, null);

const unit = (id: string, levelCode: string, name = id): PathUnit => ({ id, name, levelCode, levelName: levelCode });
const branch = unit('u-chi-hoi-1', 'branch', 'Chi hội 1');
const ward = unit('u-ngoc-thuy', 'ward', 'Hội phường Ngọc Thụy');
const district = unit('u-long-bien', 'district', 'Hội quận Long Biên');
const city = unit('u-ha-noi', 'city', 'Hội thành phố Hà Nội');

/** A copy of the housing definition with some fields replaced. */
const housing = (patch: Partial<ProcessDefinition> = {}): ProcessDefinition => ({ ...housingSupportDefinition, ...patch });
const withSteps = (edit: (steps: StepDefinition[]) => void): ProcessDefinition => {
  const steps = housingSupportDefinition.steps.map((s) => structuredClone({ ...s }));
  edit(steps);
  return housing({ steps });
};

/** Commendation (khen thưởng): a ward proposes, the district emulation council decides, 3 votes of its members. */
const commendation: ProcessDefinition = {
  processType: 'commendation',
  version: 1,
  name: { vi: 'Khen thưởng', en: 'Commendation' },
  originLevels: ['ward'],
  payloadSchema: z.strictObject({ nominee: z.string().min(1), achievement: z.string().min(1) }),
  searchFields: ['nominee'],
  steps: [
    {
      id: 'district-council',
      name: { vi: 'Hội đồng thi đua quận', en: 'District emulation council' },
      levels: ['district', 'city'],
      actions: ['approve', 'reject'],
      commentRequiredFor: ['reject'],
      votes: { approve: 3, reject: 3 },
      deadline: { days: 10, escalateAfterDays: null },
    },
  ],
  resubmitTo: 'first-step',
};

function resolved(definition: ProcessDefinition, path: PathUnit[], dayMs?: number) {
  const result = resolveChain(definition, path, dayMs);
  if ('kind' in result) throw new Error(`expected a chain, got ${result.code}`);
  return result;
}

const validationError = (definitions: ProcessDefinition[]): string => {
  try {
    validateDefinitions(definitions);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('validateDefinitions accepted the definitions');
};

describe('validateDefinitions', () => {
  it('accepts the registered definitions', () => {
    expect(() => validateDefinitions(PROCESS_DEFINITIONS)).not.toThrow();
    expect(PROCESS_DEFINITIONS.map((d) => d.processType)).toContain(HOUSING_SUPPORT);
  });

  it('accepts a council step deciding k of n', () => {
    expect(() => validateDefinitions([...PROCESS_DEFINITIONS, commendation])).not.toThrow();
  });

  it('refuses duplicate step ids', () => {
    const message = validationError([withSteps((steps) => (steps[1].id = steps[0].id))]);
    expect(message).toMatch(/^Invalid process definitions/);
    expect(message).toContain('housing-support@2: steps: step ids must be unique');
  });

  it('refuses an execution reference to an unknown step', () => {
    const execution = { ...housingSupportDefinition.execution!, disbursementsBy: ['step:province-approval' as const] };
    expect(validationError([housing({ execution })])).toContain('step:province-approval names no step');
  });

  it('refuses an execution reference to an optional step, which may have no unit', () => {
    expect(validationError([withSteps((steps) => (steps[1].optional = true))])).toContain(
      'step:district-approval names an optional step',
    );
  });

  it('refuses a cap field the last step does not approve with as an amount', () => {
    const unknownField = { ...housingSupportDefinition.execution!, capField: 'grantedAmount' };
    expect(validationError([housing({ execution: unknownField })])).toContain('execution.capField: must be a vnd field the last step approves with');
    const textField = { ...housingSupportDefinition.execution!, capField: 'fundingSource' };
    expect(validationError([housing({ execution: textField })])).toContain('capField');
    // Present on the first step is not enough: the cap comes from the final approval.
    const onFirstStepOnly = withSteps((steps) => {
      steps[0].approveData = steps[1].approveData;
      steps[1].approveData = [];
    });
    expect(validationError([onFirstStepOnly])).toContain('capField');
  });

  it('refuses commentRequiredFor naming an action the step lacks', () => {
    const definition = withSteps((steps) => (steps[0].actions = ['approve', 'return']));
    expect(validationError([definition])).toContain('commentRequiredFor may only name actions of the step');
  });

  it('refuses approveData on a step that cannot approve', () => {
    const definition = withSteps((steps) => {
      steps[1].actions = ['return', 'reject'];
    });
    expect(validationError([definition])).toContain('approveData needs the approve action');
  });

  it('refuses two definitions with the same type, version and scope', () => {
    expect(validationError([housingSupportDefinition, housing()])).toContain('housing-support@2/* is defined twice');
    const forHcb = housing({ organizations: ['hcb'] });
    expect(() => validateDefinitions([housingSupportDefinition, forHcb])).not.toThrow();
    expect(() => validateDefinitions([housingSupportDefinition, housing({ version: 3 })])).not.toThrow();
    expect(validationError([housingSupportDefinition, forHcb, housing({ organizations: ['ccb', 'hcb'] })])).toContain(
      'housing-support@2/hcb is defined twice',
    );
  });

  it('lists every problem, not only the first', () => {
    const message = validationError([withSteps((steps) => (steps[1].id = steps[0].id)), housing()]);
    expect(message).toContain('step ids must be unique');
    expect(message).toContain('is defined twice');
  });
});

describe('findDefinition', () => {
  const general1 = housing({ version: 1 });
  const general2 = housing({ version: 2 });
  const hcb1 = housing({ version: 1, organizations: ['hcb'] });
  const hcb3 = housing({ version: 3, organizations: ['hcb', 'hnd'] });

  it("prefers the organization's own variant over the general one, even of a lower version", () => {
    expect(findDefinition([general1, general2, hcb1], HOUSING_SUPPORT, 'hcb')).toBe(hcb1);
  });

  it('takes the highest version', () => {
    expect(findDefinition([general2, hcb3, general1, hcb1], HOUSING_SUPPORT, 'hcb')).toBe(hcb3);
    expect(findDefinition([general1, general2, hcb1, hcb3], HOUSING_SUPPORT, 'ccb')).toBe(general2);
  });

  it('never uses another organization’s variant', () => {
    expect(findDefinition([hcb1], HOUSING_SUPPORT, 'ccb')).toBeNull();
    expect(findDefinition([general1, general2], 'commendation', 'ccb')).toBeNull();
  });

  it('does not reorder the registry', () => {
    const definitions = [general1, general2, hcb1];
    findDefinition(definitions, HOUSING_SUPPORT, 'ccb');
    expect(definitions).toEqual([general1, general2, hcb1]);
  });
});

describe('definitionOfCase', () => {
  const general1 = housing({ version: 1 });
  const general2 = housing({ version: 2 });
  const hcb1 = housing({ version: 1, organizations: ['hcb'] });

  it('finds the version a case started with, in its organization’s variant if there is one', () => {
    const all = [general1, general2, hcb1];
    expect(definitionOfCase(all, { processType: HOUSING_SUPPORT, definitionVersion: 1 }, 'hcb')).toBe(hcb1);
    expect(definitionOfCase(all, { processType: HOUSING_SUPPORT, definitionVersion: 1 }, 'ccb')).toBe(general1);
    expect(definitionOfCase(all, { processType: HOUSING_SUPPORT, definitionVersion: 1 }, undefined)).toBe(general1);
    expect(definitionOfCase(all, { processType: HOUSING_SUPPORT, definitionVersion: 3 }, 'hcb')).toBeNull();
  });
});

describe('resolveChain', () => {
  it('resolves the ward, then the district, each escalating to the unit above', () => {
    const { chain } = resolved(housingSupportDefinition, [branch, ward, district, city]);
    expect(chain.map((s) => [s.id, s.levelCode, s.unitId, s.unitName, s.escalationUnitId])).toEqual([
      ['ward-verification', 'ward', ward.id, 'Hội phường Ngọc Thụy', district.id],
      ['district-approval', 'district', district.id, 'Hội quận Long Biên', city.id],
    ]);
    expect(chain[1]).toMatchObject({
      actions: ['approve', 'return', 'reject'],
      commentRequiredFor: ['return', 'reject'],
      votes: { approve: 1, reject: 1 },
      approveData: [
        { name: 'approvedAmount', type: 'vnd', maxFromPayload: 'requestedAmount' },
        { name: 'fundingSource', type: 'text', maxLength: 200 },
      ],
      deadline: { afterMs: 14 * DAY_MS, endOfDay: true, escalateAfterMs: 7 * DAY_MS },
    });
    expect(chain[0].deadline).toEqual({ afterMs: 7 * DAY_MS, endOfDay: true, escalateAfterMs: 3 * DAY_MS });
  });

  it('lets the origin unit itself take a step at its own level, before the levels above', () => {
    const confirm = { ...housingSupportDefinition.steps[0], id: 'branch-confirmation', levels: ['branch'] };
    const { chain } = resolved(housing({ steps: [confirm, ...housingSupportDefinition.steps] }), [branch, ward, district]);
    expect(chain.map((s) => [s.id, s.unitId])).toEqual([
      ['branch-confirmation', branch.id],
      ['ward-verification', ward.id],
      ['district-approval', district.id],
    ]);
  });

  it('has no escalation unit at the top of the tree', () => {
    const { chain } = resolved(housingSupportDefinition, [branch, ward, district]);
    expect(chain[1].escalationUnitId).toBeNull();
  });

  it('sends the final step to the city in a two-level organization', () => {
    const { chain, plan } = resolved(housingSupportDefinition, [branch, ward, city]);
    expect(chain.map((s) => [s.id, s.levelCode, s.unitId])).toEqual([
      ['ward-verification', 'ward', ward.id],
      ['district-approval', 'city', city.id],
    ]);
    expect(chain[0].escalationUnitId).toBe(city.id);
    expect(plan!.disbursementUnitIds).toEqual([city.id]);
  });

  it('refuses a case started at a level the process does not start at', () => {
    expect(resolveChain(housingSupportDefinition, [ward, district])).toEqual({
      kind: 'unprocessable',
      code: 'case.origin_level',
      params: { levels: 'branch' },
    });
    expect(resolveChain(housingSupportDefinition, [])).toMatchObject({ code: 'case.origin_level' });
  });

  it('refuses a chain missing a level that must decide', () => {
    expect(resolveChain(housingSupportDefinition, [branch, ward])).toEqual({
      kind: 'unprocessable',
      code: 'case.no_deciding_unit',
      params: { step: 'district-approval', levels: 'district, city, province' },
    });
    expect(resolveChain(housingSupportDefinition, [branch, district])).toMatchObject({
      code: 'case.no_deciding_unit',
      params: { step: 'ward-verification' },
    });
  });

  it('never takes the origin itself, nor the unit of the previous step, for a later step', () => {
    const definition = withSteps((steps) => (steps[1].levels = ['ward', 'district']));
    const { chain } = resolved(definition, [branch, ward, district]);
    expect(chain.map((s) => s.unitId)).toEqual([ward.id, district.id]);
    expect(resolveChain(definition, [branch, ward])).toMatchObject({ code: 'case.no_deciding_unit', params: { step: 'district-approval' } });
  });

  it('skips an optional step whose level is missing, keeps it when present', () => {
    const definition = withSteps((steps) =>
      steps.splice(1, 0, {
        id: 'cluster-review',
        name: { vi: 'Cụm thi đua xem xét', en: 'Cluster review' },
        levels: ['cluster'],
        optional: true,
        actions: ['approve', 'return'],
        commentRequiredFor: ['return'],
        deadline: { days: 5, escalateAfterDays: null },
      }),
    );
    expect(resolved(definition, [branch, ward, district]).chain.map((s) => s.id)).toEqual(['ward-verification', 'district-approval']);
    const cluster = unit('u-cum-1', 'cluster');
    const { chain } = resolved(definition, [branch, ward, cluster, district]);
    expect(chain.map((s) => [s.id, s.unitId])).toEqual([
      ['ward-verification', ward.id],
      ['cluster-review', cluster.id],
      ['district-approval', district.id],
    ]);
    expect(chain[1].deadline.escalateAfterMs).toBeNull();
  });

  it('scales deadlines with a custom day length and then does not round to the end of the day', () => {
    const { chain, plan } = resolved(housingSupportDefinition, [branch, ward, district], 1000);
    expect(chain.map((s) => s.deadline)).toEqual([
      { afterMs: 7000, endOfDay: false, escalateAfterMs: 3000 },
      { afterMs: 14000, endOfDay: false, escalateAfterMs: 7000 },
    ]);
    expect(plan!.milestones.map((m) => m.targetAfterMs)).toEqual([30_000, 120_000, 150_000]);
    const now = Date.parse('2026-11-24T10:00:00Z');
    const { state } = openCase(
      {
        caseId: 'c',
        processType: HOUSING_SUPPORT,
        definitionVersion: 1,
        organizationId: 'o',
        originUnitId: branch.id,
        title: 't',
        payload: {},
        initiator: { userId: 'p', displayName: 'P' },
        chain,
        plan,
        resubmitTo: 'returning-step',
      },
      now,
    );
    expect(state.step!.dueAt).toBe('2026-11-24T10:00:07.000Z');
    expect(state.step!.escalateAt).toBe('2026-11-24T10:00:10.000Z');
  });

  it('plans the works for the origin branch, the handover for the ward, disbursements and settlement for the district', () => {
    const { plan } = resolved(housingSupportDefinition, [branch, ward, district]);
    expect(plan).toEqual({
      milestones: [
        { kind: 'construction-started', targetAfterMs: 30 * DAY_MS },
        { kind: 'construction-completed', targetAfterMs: 120 * DAY_MS },
        { kind: 'handed-over', targetAfterMs: 150 * DAY_MS, unitIds: [ward.id] },
      ],
      milestoneUnitIds: [branch.id],
      disbursementUnitIds: [district.id],
      settlementUnitIds: [district.id],
      capField: 'approvedAmount',
      closeWhenDisbursed: true,
    });
  });

  it("resolves an older version's plan exactly as it did, so its running cases are unchanged", () => {
    const v1 = PROCESS_DEFINITIONS.find((d) => d.processType === HOUSING_SUPPORT && d.version === 1)!;
    expect(resolved(v1, [branch, ward, district]).plan).toEqual({
      milestones: [
        { kind: 'construction-started', targetAfterMs: 30 * DAY_MS },
        { kind: 'construction-completed', targetAfterMs: 120 * DAY_MS },
        { kind: 'handed-over', targetAfterMs: 150 * DAY_MS },
      ],
      milestoneUnitIds: [branch.id, ward.id],
      disbursementUnitIds: [district.id],
      capField: 'approvedAmount',
    });
  });

  it('has no plan for a process without an execution phase', () => {
    expect(resolved(commendation, [ward, district]).plan).toBeNull();
  });

  it('copies what it takes from the definition, so a running case never changes with it', () => {
    const { chain } = resolved(housingSupportDefinition, [branch, ward, district]);
    chain[1].actions.push('approve');
    chain[1].commentRequiredFor.length = 0;
    chain[1].approveData[0].name = 'changed';
    const step = housingSupportDefinition.steps[1];
    expect(step.actions).toEqual(['approve', 'return', 'reject']);
    expect(step.commentRequiredFor).toEqual(['return', 'reject']);
    expect(step.approveData![0].name).toBe('approvedAmount');
  });
});

describe('a council step (k of n)', () => {
  const member = (n: number): Actor => ({ userId: `p-council-${n}`, displayName: `Ủy viên ${n}`, unitIds: [district.id] });

  it('passes only at the third distinct approval', () => {
    const { chain, plan } = resolved(commendation, [ward, district]);
    expect(chain[0].votes).toEqual({ approve: 3, reject: 3 });
    const now = Date.parse('2026-11-24T03:00:00Z');
    const { state } = openCase(
      {
        caseId: 'c-khen',
        processType: 'commendation',
        definitionVersion: 1,
        organizationId: 'o',
        originUnitId: ward.id,
        title: 'Khen thưởng ông Đặng Văn Bình',
        payload: { nominee: 'Đặng Văn Bình', achievement: 'Vận động xây 3 nhà đồng đội' },
        initiator: { userId: 'p-ward', displayName: 'Cán bộ phường' },
        chain,
        plan,
        resubmitTo: commendation.resubmitTo,
      },
      now,
    );
    for (const n of [1, 2]) {
      expect(checkDecision(state, member(n), { action: 'approve' })).toBeNull();
      applyDecision(state, member(n), { action: 'approve' }, now + n);
      expect(state.status).toBe('pending');
    }
    // A rejection does not end the case below the rejection quorum.
    applyDecision(state, member(4), { action: 'reject', comment: 'Chưa đủ thành tích' }, now + 4);
    expect(state.status).toBe('pending');
    const events = applyDecision(state, member(3), { action: 'approve' }, now + 3);
    expect(events[0].data).toEqual({ votes: 3, required: 3 });
    expect(state.status).toBe('completed');
    expect(state.passed[0].deciders.map((d) => d.userId)).toEqual(['p-council-1', 'p-council-2', 'p-council-3']);
  });
});

describe('housing payload', () => {
  const valid = {
    beneficiary: {
      name: '  Nguyễn Thị Hoa ',
      address: 'Số 12, tổ 5, phường Ngọc Thụy, quận Long Biên, Hà Nội',
      phone: '0912 345 678',
      memberId: '3f2b8c1e-6a4d-4e9b-9c1a-2d5e7f8a9b0c',
    },
    situation: 'Nhà cấp bốn xây năm 1985, mái ngói dột nát, tường nứt; gia đình thương binh hạng 2/4.',
    kind: 'new-build',
    estimatedCost: 120_000_000,
    requestedAmount: 60_000_000,
  };
  const parse = (value: unknown) => housingSupportPayloadSchema.safeParse(value);
  const withField = (patch: Record<string, unknown>) => ({ ...structuredClone(valid), ...patch });

  it('accepts a full payload, trimming text and defaulting otherFunding to none', () => {
    const result = parse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ ...valid, beneficiary: { ...valid.beneficiary, name: 'Nguyễn Thị Hoa' }, otherFunding: [] });
  });

  it('accepts other funding and the largest safe amount', () => {
    const result = parse(
      withField({ estimatedCost: Number.MAX_SAFE_INTEGER, otherFunding: [{ source: 'Quỹ Đền ơn đáp nghĩa phường', amount: 20_000_000 }] }),
    );
    expect(result.success).toBe(true);
    expect(result.data!.otherFunding).toEqual([{ source: 'Quỹ Đền ơn đáp nghĩa phường', amount: 20_000_000 }]);
  });

  it.each([
    ['an unknown field', withField({ note: 'x' })],
    ['an unknown beneficiary field', withField({ beneficiary: { ...valid.beneficiary, age: 80 } })],
    ['an unknown funding field', withField({ otherFunding: [{ source: 'Quỹ', amount: 1, date: '2026-11-24' }] })],
    ['a fractional amount', withField({ requestedAmount: 1.5 })],
    ['a negative amount', withField({ estimatedCost: -1 })],
    ['a zero amount', withField({ requestedAmount: 0 })],
    ['an amount above MAX_SAFE_INTEGER', withField({ estimatedCost: Number.MAX_SAFE_INTEGER + 2 })],
    ['an amount as a string', withField({ requestedAmount: '60000000' })],
    ['an unknown kind', withField({ kind: 'demolition' })],
    ['a blank name', withField({ beneficiary: { ...valid.beneficiary, name: '   ' } })],
    ['a phone that is not a number', withField({ beneficiary: { ...valid.beneficiary, phone: 'gọi ông Ba' } })],
    ['a memberId that is not a uuid', withField({ beneficiary: { ...valid.beneficiary, memberId: '42' } })],
    ['a missing situation', (({ situation: _s, ...rest }) => rest)(valid)],
  ])('refuses %s', (_label, payload) => {
    expect(parse(payload).success).toBe(false);
  });

  it('checkPayload refuses a requested amount above the estimated cost, accepts it equal', () => {
    const check = (payload: Record<string, unknown>) => housingSupportDefinition.checkPayload!(payload, '2026-12-02');
    expect(check({ ...valid, requestedAmount: 120_000_001 })).toEqual({
      kind: 'unprocessable',
      code: 'housing.requested_above_estimate',
      params: { max: 120_000_000 },
    });
    expect(check({ ...valid, requestedAmount: 120_000_000 })).toBeNull();
    expect(check(valid)).toBeNull();
  });
});
