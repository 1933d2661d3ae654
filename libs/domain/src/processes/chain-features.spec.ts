import { z } from 'zod';
import { allowedActions } from '../approval/allowed-actions';
import { Actor, CaseState, FrozenSettings, Person, ResolvedStep } from '../approval/case-model';
import {
  applyDecision as applyDecisionOf,
  applyResubmit,
  barredFromCurrentStep,
  checkDecider,
  checkDecision,
  decidedBy,
  openCase,
} from '../approval/chain.rules';
import { stepDeciders } from '../approval/notifications';
import {
  caseSettings,
  fieldSchema,
  hasConditionalSteps,
  hasCouncilSteps,
  PathUnit,
  ProcessDefinition,
  referencedSettings,
  ResolveContext,
  resolveChain,
  StepDefinition,
  validateDefinitions,
} from './process-definition';
import { entryInForce, settingAmount, settingsInForce, vietnameseDate } from './settings';

/**
 * The chain features the next processes need (fund campaigns, commendations): who may decide a step
 * (roles, a council), two steps at one unit, steps that apply only when the payload says so, and
 * settings with effective dates. A commendation process is the example, defined here as data.
 */

const applyDecision = (state: CaseState, actor: Actor, req: Parameters<typeof checkDecision>[2], now: number) => {
  expect(checkDecision(state, actor, req)).toBeNull();
  return applyDecisionOf(state, actor, req, now, null);
};

const unit = (id: string, levelCode: string, name = id): PathUnit => ({ id, name, levelCode, levelName: levelCode });
const ward = unit('u-ngoc-thuy', 'ward', 'Hội phường Ngọc Thụy');
const district = unit('u-long-bien', 'district', 'Hội quận Long Biên');
const city = unit('u-ha-noi', 'city', 'Hội thành phố Hà Nội');
const path = [ward, district, city];

const person = (userId: string, displayName = userId): Person => ({ userId, displayName });
/** An officer or chair at some units: `roles` as the API builds it from memberships. */
const actor = (userId: string, roles: Record<string, ('officer' | 'chair')[]>): Actor => ({
  userId,
  displayName: userId,
  unitIds: Object.keys(roles),
  roles,
});

const initiator = actor('p-ward-officer', { [ward.id]: ['officer'] });
const districtChair = actor('p-district-chair', { [district.id]: ['chair'] });
const districtOfficer = actor('p-district-officer', { [district.id]: ['officer'] });
const cityChair = actor('p-city-chair', { [city.id]: ['chair'] });
/** Council members of the district: its chair, its officer, and two members holding no acting role. */
const memberA = actor('p-member-a', {});
const memberB = actor('p-member-b', {});
const districtCouncil = [person(districtChair.userId), person(districtOfficer.userId), person(memberA.userId), person(memberB.userId), person('p-member-c')];

const payloadSchema = z.strictObject({
  nominee: z.strictObject({ name: z.string().min(1) }),
  achievement: z.string().min(1),
  awardLevel: z.enum(['district', 'city']),
  prize: z.number().int().min(0).default(0),
});

const step = (patch: Partial<StepDefinition> & Pick<StepDefinition, 'id'>): StepDefinition => ({
  name: { vi: patch.id, en: patch.id },
  levels: ['district'],
  actions: ['approve', 'return', 'reject'],
  commentRequiredFor: ['return', 'reject'],
  deadline: { days: 10, escalateAfterDays: null },
  ...patch,
});

/**
 * Commendation: the district's emulation council votes (more than half of its members), then the
 * district chair signs the decision (the same unit; the chair may have voted); a city-level award
 * goes on to the city, whose chair alone signs.
 */
const commendation: ProcessDefinition = {
  processType: 'commendation',
  version: 1,
  name: { vi: 'Khen thưởng', en: 'Commendation' },
  originLevels: ['ward'],
  payloadSchema,
  searchFields: ['nominee.name'],
  steps: [
    step({ id: 'district-council', deciders: { council: true }, actions: ['approve', 'reject', 'return'] }),
    step({
      id: 'district-signing',
      levels: undefined,
      sameUnitAsPrevious: true,
      deciders: { roles: ['chair'] },
      allowEarlierDeciders: true,
      approveData: [{ name: 'prize', type: 'vnd', maxFromSetting: { key: 'prizeCap', by: 'awardLevel' } }],
    }),
    step({ id: 'city-signing', levels: ['city'], when: { field: 'awardLevel', in: ['city'] }, deciders: { roles: ['chair'] } }),
  ],
  settings: {
    prizeCap: [
      { value: { district: 500_000, city: 1_000_000 } },
      { from: '2025-07-01', value: { district: 1_000_000, city: 2_000_000 } },
    ],
  },
  resubmitTo: 'returning-step',
};

const payload = (awardLevel: 'district' | 'city') => ({
  nominee: { name: 'Đặng Văn Bình' },
  achievement: 'Vận động xây 3 nhà đồng đội',
  awardLevel,
  prize: 0,
});

const councils = { [district.id]: districtCouncil };
const context = (awardLevel: 'district' | 'city', patch: ResolveContext = {}): ResolveContext => ({
  payload: payload(awardLevel),
  councils,
  settings: settingsInForce(commendation.settings, '2026-11-24'),
  ...patch,
});

function resolved(definition: ProcessDefinition, ctx: ResolveContext, on: PathUnit[] = path) {
  const result = resolveChain(definition, on, undefined, ctx);
  if ('kind' in result) throw new Error(`expected a chain, got ${result.code}`);
  return result;
}

const NOW = Date.parse('2026-11-24T03:00:00Z');

function open(awardLevel: 'district' | 'city', definition = commendation): CaseState {
  const ctx = context(awardLevel);
  const { chain, plan } = resolved(definition, ctx);
  return openCase(
    {
      caseId: 'c-khen',
      processType: definition.processType,
      definitionVersion: definition.version,
      organizationId: 'o',
      originUnitId: ward.id,
      title: 'Khen thưởng ông Đặng Văn Bình',
      payload: ctx.payload!,
      initiator: person(initiator.userId),
      chain,
      plan,
      resubmitTo: definition.resubmitTo,
      settings: ctx.settings,
    },
    NOW,
  ).state;
}

const validationError = (definitions: ProcessDefinition[]): string => {
  try {
    validateDefinitions(definitions);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('validateDefinitions accepted the definitions');
};
const withSteps = (edit: (steps: StepDefinition[]) => void, patch: Partial<ProcessDefinition> = {}): ProcessDefinition => {
  const steps = commendation.steps.map((s) => ({ ...s }));
  edit(steps);
  return { ...commendation, ...patch, steps };
};

describe('validateDefinitions: the chain features are data, checked at boot', () => {
  it('accepts the commendation definition', () => {
    expect(() => validateDefinitions([commendation])).not.toThrow();
    expect(hasCouncilSteps(commendation)).toBe(true);
    expect(hasConditionalSteps(commendation)).toBe(true);
    expect(referencedSettings(commendation)).toEqual(['prizeCap']);
  });

  it('refuses deciders that are neither roles nor a council', () => {
    expect(validationError([withSteps((s) => (s[0].deciders = { roles: [] }))])).toContain('steps.0.deciders');
    expect(validationError([withSteps((s) => (s[0].deciders = { roles: ['admin' as 'chair'] }))])).toContain('steps.0.deciders');
    expect(validationError([withSteps((s) => (s[0].deciders = { roles: ['chair', 'chair'] }))])).toContain('roles must be unique');
    expect(validationError([withSteps((s) => (s[0].deciders = { council: false as true }))])).toContain('steps.0.deciders');
  });

  it('refuses a step at the previous unit that also names levels, or that is first', () => {
    expect(validationError([withSteps((s) => (s[1].levels = ['district']))])).toContain(
      'a step names its levels, or is decided at the same unit as the previous step',
    );
    expect(validationError([withSteps((s) => (s[0].levels = undefined))])).toContain('a step names its levels');
    expect(validationError([withSteps((s) => s.splice(0, 1))])).toContain('steps.0.sameUnitAsPrevious: the first step has no previous step');
  });

  it('refuses a condition on a field the payload does not have, or a value it cannot take', () => {
    expect(validationError([withSteps((s) => (s[2].when = { field: 'level', in: ['city'] }))])).toContain(
      'steps.2.when.field: level is not a field of the payload',
    );
    expect(validationError([withSteps((s) => (s[2].when = { field: 'awardLevel', in: ['province'] }))])).toContain(
      'steps.2.when.in: "province" is not a value of awardLevel',
    );
    expect(validationError([withSteps((s) => (s[2].when = { field: 'awardLevel', in: [] }))])).toContain('steps.2.when.in');
    // Dot paths reach into objects.
    expect(() => validateDefinitions([withSteps((s) => (s[2].when = { field: 'nominee.name', in: ['Đặng Văn Bình'] }))])).not.toThrow();
  });

  it('refuses a definition whose every step depends on the payload', () => {
    const only = withSteps((s) => {
      s.splice(0, 2);
    });
    expect(validationError([only])).toContain('at least one step must apply whatever the payload');
  });

  it('refuses settings out of date order, undated after the first, or with a date that is no day', () => {
    const settings = (prizeCap: ProcessDefinition['settings']) => ({ ...commendation, settings: prizeCap });
    const v = { district: 1, city: 2 };
    expect(validationError([settings({ prizeCap: [{ from: '2025-07-01', value: v }, { from: '2025-07-01', value: v }] })])).toContain(
      'entries must be in order of their dates',
    );
    expect(validationError([settings({ prizeCap: [{ from: '2025-07-01', value: v }, { from: '2024-07-01', value: v }] })])).toContain(
      'entries must be in order of their dates',
    );
    expect(validationError([settings({ prizeCap: [{ from: '2025-07-01', value: v }, { value: v }] })])).toContain(
      'only the first entry may leave out its date',
    );
    expect(validationError([settings({ prizeCap: [{ from: '2025-02-30', value: v }] })])).toContain('must be a real date, YYYY-MM-DD');
    expect(validationError([settings({ prizeCap: [] })])).toContain('settings.prizeCap');
  });

  it('refuses a cap from a setting that is not declared, not an amount, or misses a value of its field', () => {
    expect(validationError([{ ...commendation, settings: undefined }])).toContain('names no setting prizeCap');
    expect(validationError([{ ...commendation, settings: { prizeCap: [{ value: { district: 1 } }] } }])).toContain(
      'setting prizeCap must hold an amount for every value of awardLevel in each entry',
    );
    expect(validationError([{ ...commendation, settings: { prizeCap: [{ value: { district: 1, city: 'nhiều' } }] } }])).toContain(
      'setting prizeCap must hold an amount',
    );
    const unknownField = withSteps((s) => (s[1] = { ...s[1], approveData: [{ name: 'prize', type: 'vnd', maxFromSetting: { key: 'prizeCap', by: 'rank' } }] }));
    expect(validationError([unknownField])).toContain('rank is not a field of the payload');
    const onText = withSteps((s) => (s[1] = { ...s[1], approveData: [{ name: 'prize', type: 'text', maxFromSetting: { key: 'prizeCap' } }] }));
    expect(validationError([onText])).toContain('maxFromSetting is for vnd fields');
  });

  it('takes vote thresholds as shares for council steps only, and from a setting holding thresholds', () => {
    expect(validationError([withSteps((s) => (s[2].votes = { approve: { moreThan: 0.5 }, reject: 1 }))])).toContain(
      'votes as a share of members are for council steps',
    );
    expect(validationError([withSteps((s) => (s[0].votes = { approve: { setting: 'quorum' }, reject: 1 }))])).toContain(
      'names no setting quorum',
    );
    const badSetting = withSteps((s) => (s[0].votes = { approve: { setting: 'prizeCap' }, reject: 1 }));
    expect(validationError([badSetting])).toContain('setting prizeCap must hold vote thresholds');
    expect(validationError([withSteps((s) => (s[0].votes = { approve: { atLeast: 1.5 }, reject: 1 }))])).toContain('steps.0.votes');
  });

  it('refuses execution data that names a step which may be left out, or a cap approved at one', () => {
    const execution = { milestones: [], milestonesBy: [], disbursementsBy: ['step:city-signing' as const], capField: null };
    expect(validationError([{ ...commendation, execution }])).toContain('step:city-signing names a step that may be left out');
    const capped = withSteps((s) => (s[2] = { ...s[2], approveData: [{ name: 'amount', type: 'vnd' }] }), {
      execution: { milestones: [], milestonesBy: [], disbursementsBy: ['step:district-signing'], capField: 'amount' },
    });
    expect(validationError([capped])).toContain('it may not be left out by a condition');
  });

  it('finds payload fields through optional and default wrappers', () => {
    expect(fieldSchema(payloadSchema, 'prize')).not.toBeNull();
    expect(fieldSchema(payloadSchema, 'nominee.name')).not.toBeNull();
    expect(fieldSchema(payloadSchema, 'nominee.age')).toBeNull();
    expect(fieldSchema(payloadSchema, 'achievement.length')).toBeNull();
  });
});

describe('resolveChain: who decides, where, and which steps apply', () => {
  it('a district award: the council, then the chair of the same unit; the city step is left out', () => {
    const { chain } = resolved(commendation, context('district'));
    expect(chain.map((s) => [s.id, s.unitId, s.escalationUnitId])).toEqual([
      ['district-council', district.id, city.id],
      ['district-signing', district.id, city.id],
    ]);
    expect(chain[0]).toMatchObject({ council: districtCouncil, votes: { approve: 3, reject: 3 } });
    expect(chain[0].deciderRoles).toBeUndefined();
    expect(chain[1]).toMatchObject({ deciderRoles: ['chair'], allowEarlierDeciders: true, votes: { approve: 1, reject: 1 } });
    expect(chain[1].council).toBeUndefined();
  });

  it('a city award goes on to the city chair, above the district', () => {
    const { chain } = resolved(commendation, context('city'));
    expect(chain.map((s) => [s.id, s.unitId])).toEqual([
      ['district-council', district.id],
      ['district-signing', district.id],
      ['city-signing', city.id],
    ]);
    expect(chain[2].deciderRoles).toEqual(['chair']);
  });

  it('leaves conditional steps out without a payload', () => {
    expect(resolved(commendation, { councils }).chain.map((s) => s.id)).toEqual(['district-council', 'district-signing']);
  });

  it('leaves a step at the unit of a left-out step out too, and the next step still climbs', () => {
    const definition = withSteps((s) => {
      s[0] = { ...s[0], when: { field: 'awardLevel', in: ['city'] } };
      s.push(step({ id: 'city-archive', levels: ['city'] }));
      s.splice(2, 1);
    });
    expect(resolved(definition, context('district')).chain.map((s) => s.id)).toEqual(['city-archive']);
    expect(resolved(definition, context('city')).chain.map((s) => [s.id, s.unitId])).toEqual([
      ['district-council', district.id],
      ['district-signing', district.id],
      ['city-archive', city.id],
    ]);
  });

  it('freezes the council as it is: copies, not the caller’s objects', () => {
    const members = districtCouncil.map((m) => ({ ...m }));
    const { chain } = resolved(commendation, context('district', { councils: { [district.id]: members } }));
    members[0].displayName = 'changed';
    members.push(person('p-late'));
    expect(chain[0].council).toEqual(districtCouncil);
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [10, 6],
  ])('a council of %i passes with more than half: %i votes', (n, k) => {
    const members = Array.from({ length: n }, (_, i) => person(`p-${i}`));
    const { chain } = resolved(commendation, context('district', { councils: { [district.id]: members } }));
    expect(chain[0].votes).toEqual({ approve: k, reject: k });
  });

  it('counts a share of at least 90 % rounded up, and exact numbers as given', () => {
    const members = Array.from({ length: 10 }, (_, i) => person(`p-${i}`));
    const ninety = withSteps((s) => (s[0].votes = { approve: { atLeast: 0.9 }, reject: { moreThan: 0.1 } }));
    expect(resolved(ninety, context('district', { councils: { [district.id]: members } })).chain[0].votes).toEqual({ approve: 9, reject: 2 });
    const twoThirds = withSteps((s) => (s[0].votes = { approve: { atLeast: 2 / 3 }, reject: 4 }));
    expect(resolved(twoThirds, context('district', { councils: { [district.id]: members.slice(0, 9) } })).chain[0].votes).toEqual({
      approve: 6,
      reject: 4,
    });
  });

  it('takes a threshold from a setting in force on the case’s date', () => {
    const definition = withSteps((s) => (s[0].votes = { approve: { setting: 'councilApprove' }, reject: 2 }), {
      settings: { ...commendation.settings, councilApprove: [{ value: 2 }, { from: '2026-01-01', value: { atLeast: 0.8 } }] },
    });
    const on = (date: string) => resolved(definition, context('district', { settings: settingsInForce(definition.settings, date) })).chain[0].votes;
    expect(on('2025-12-31')).toEqual({ approve: 2, reject: 2 });
    expect(on('2026-01-01')).toEqual({ approve: 4, reject: 2 });
    expect(resolveChain(definition, path, undefined, context('district', { settings: {} }))).toEqual({
      kind: 'unprocessable',
      code: 'case.setting_not_in_force',
      params: { setting: 'councilApprove' },
    });
  });

  it('refuses a council step at a unit without a council, or with too few members for its threshold', () => {
    expect(resolveChain(commendation, path, undefined, context('district', { councils: {} }))).toEqual({
      kind: 'unprocessable',
      code: 'case.no_council',
      params: { unit: 'Hội quận Long Biên' },
    });
    const five = withSteps((s) => (s[0].votes = { approve: 5, reject: 3 }));
    const small = { [district.id]: districtCouncil.slice(0, 4) };
    expect(resolveChain(five, path, undefined, context('district', { councils: small }))).toEqual({
      kind: 'unprocessable',
      code: 'case.council_too_small',
      params: { unit: 'Hội quận Long Biên', members: 4, required: 5 },
    });
    // The initiator on the council may not vote on their own case: the others must be able to pass it.
    const two = { [district.id]: [person('p-a'), person(initiator.userId)] };
    expect(resolveChain(commendation, path, undefined, context('district', { councils: two, initiatorId: initiator.userId }))).toEqual({
      kind: 'unprocessable',
      code: 'case.council_too_small',
      params: { unit: 'Hội quận Long Biên', members: 1, required: 2 },
    });
    const three = { [district.id]: [person('p-a'), person('p-b'), person(initiator.userId)] };
    expect(resolved(commendation, context('district', { councils: three, initiatorId: initiator.userId })).chain[0].votes).toEqual({
      approve: 2,
      reject: 2,
    });
  });

  it('resolves a definition without the new fields exactly as before: no deciderRoles, council or allowEarlierDeciders keys', () => {
    const plain = withSteps((s) => s.splice(0, 3, step({ id: 'district-approval' })), { settings: undefined });
    const { chain } = resolved(plain, {});
    expect(Object.keys(chain[0]).sort()).toEqual(
      ['actions', 'approveData', 'commentRequiredFor', 'deadline', 'escalationUnitId', 'id', 'levelCode', 'levelName', 'unitId', 'unitName', 'votes'].sort(),
    );
  });
});

describe('settings with effective dates', () => {
  const history = commendation.settings!.prizeCap;

  it('takes the last entry starting on or before the date; the undated first one before every other', () => {
    expect(entryInForce(history, '2025-06-30')).toBe(history[0]);
    expect(entryInForce(history, '2025-07-01')).toBe(history[1]);
    expect(entryInForce(history, '2030-01-01')).toBe(history[1]);
    expect(entryInForce([{ from: '2025-07-01', value: 1 }], '2025-06-30')).toBeNull();
  });

  it('freezes copies of the values in force, with the date they are in force since', () => {
    const frozen = settingsInForce(commendation.settings, '2026-11-24');
    expect(frozen).toEqual({ prizeCap: { value: { district: 1_000_000, city: 2_000_000 }, since: '2025-07-01' } });
    (frozen.prizeCap.value as Record<string, number>).city = 1;
    expect(history[1].value).toEqual({ district: 1_000_000, city: 2_000_000 });
    expect(settingsInForce(commendation.settings, '2020-01-01')).toEqual({ prizeCap: { value: { district: 500_000, city: 1_000_000 }, since: null } });
  });

  it('refuses a case dated before a setting its steps need has a value', () => {
    const dated = { ...commendation, settings: { prizeCap: [history[1]] } };
    expect(caseSettings(dated, '2025-06-30')).toEqual({
      violation: { kind: 'unprocessable', code: 'case.setting_not_in_force', params: { setting: 'prizeCap' } },
    });
    expect(caseSettings(dated, '2025-07-01')).toEqual({ settings: { prizeCap: { value: history[1].value, since: '2025-07-01' } } });
    expect(caseSettings({ ...commendation, settings: undefined }, '2025-07-01')).toEqual({ settings: undefined });
  });

  it('reads an amount by a payload field, or none when the field has no amount', () => {
    const frozen: FrozenSettings = { cap: { value: { a: 5, b: 'x' }, since: null }, flat: { value: 7, since: '2024-11-10' } };
    expect(settingAmount(frozen, { key: 'cap', by: 'k' }, { k: 'a' })).toEqual({ amount: 5, since: null });
    expect(settingAmount(frozen, { key: 'cap', by: 'k' }, { k: 'b' })).toBeNull();
    expect(settingAmount(frozen, { key: 'cap', by: 'k' }, { k: 'toString' })).toBeNull();
    expect(settingAmount(frozen, { key: 'flat' }, {})).toEqual({ amount: 7, since: '2024-11-10' });
    expect(settingAmount(undefined, { key: 'flat' }, {})).toBeNull();
    expect(vietnameseDate('2024-11-10')).toBe('10/11/2024');
  });
});

describe('deciding a council step, then the chair’s signature at the same unit', () => {
  it('only council members vote, whatever their role; more than half passes', () => {
    const state = open('district');
    // An officer of the district who is not on the council; the ward's officer who opened it.
    const outsider = actor('p-outsider', { [district.id]: ['officer'] });
    expect(checkDecider(state, outsider)).toEqual({ kind: 'forbidden', code: 'case.not_council_member', params: { unit: 'Hội quận Long Biên' } });
    expect(allowedActions(state, outsider, null)).toEqual([]);
    // Members without any acting role vote.
    expect(allowedActions(state, memberA, null)).toEqual(['approve', 'reject', 'return']);
    applyDecision(state, memberA, { action: 'approve' }, NOW + 1);
    applyDecision(state, districtChair, { action: 'approve' }, NOW + 2);
    expect(state).toMatchObject({ stepIndex: 0, status: 'pending' });
    const [third] = applyDecision(state, memberB, { action: 'approve', comment: 'Nhất trí' }, NOW + 3);
    expect(third.data).toEqual({ votes: 3, required: 3 });
    expect(state.step!.stepId).toBe('district-signing');
  });

  it('the chair signs though they voted in the council; an officer may not sign; nor a voter who is not the chair', () => {
    const state = open('district');
    for (const [i, who] of [memberA, districtChair, districtOfficer].entries()) applyDecision(state, who, { action: 'approve' }, NOW + i);
    expect(state.step!.stepId).toBe('district-signing');
    expect(checkDecider(state, districtOfficer)).toEqual({ kind: 'forbidden', code: 'case.chair_only', params: { unit: 'Hội quận Long Biên' } });
    expect(checkDecider(state, memberA)).toEqual({ kind: 'forbidden', code: 'case.not_decider', params: { unit: 'Hội quận Long Biên' } });
    expect(allowedActions(state, districtChair, null)).toEqual(['approve', 'return', 'reject']);
    // The chair is not barred: the inbox and notifications leave out no one at this step yet.
    expect(barredFromCurrentStep(state)).toEqual([]);
    expect(decidedBy(state).sort()).toEqual([memberA.userId, districtChair.userId, districtOfficer.userId].sort());
    applyDecision(state, districtChair, { action: 'approve', data: { prize: 1_000_000 } }, NOW + 10);
    expect(state).toMatchObject({ status: 'completed', outcome: { prize: 1_000_000 } });
  });

  it('without allowEarlierDeciders, a chair who voted in the council may not sign (one person, one step)', () => {
    const strict = withSteps((s) => (s[1] = { ...s[1], allowEarlierDeciders: undefined }));
    const state = open('district', strict);
    for (const [i, who] of [memberA, districtChair, memberB].entries()) applyDecision(state, who, { action: 'approve' }, NOW + i);
    expect(checkDecider(state, districtChair)).toEqual({ kind: 'forbidden', code: 'case.decided_other_step' });
    expect(barredFromCurrentStep(state)).toEqual(decidedBy(state));
  });

  it('a chair-only step refuses an actor without roles (an Update from before roles), and the chair of another unit', () => {
    const state = open('city');
    for (const [i, who] of [memberA, districtChair, memberB].entries()) applyDecision(state, who, { action: 'approve' }, NOW + i);
    applyDecision(state, districtChair, { action: 'approve', data: { prize: 2_000_000 } }, NOW + 5);
    expect(state.step!.stepId).toBe('city-signing');
    const withoutRoles: Actor = { userId: cityChair.userId, displayName: 'x', unitIds: [city.id] };
    expect(checkDecider(state, withoutRoles)).toMatchObject({ code: 'case.chair_only' });
    expect(checkDecider(state, districtChair)).toMatchObject({ code: 'case.not_decider' });
    expect(checkDecider(state, cityChair)).toBeNull();
  });

  it('a step reserved to officers leaves the chair out', () => {
    const officers = withSteps((s) => (s[1] = { ...s[1], deciders: { roles: ['officer'] } }));
    const state = open('district', officers);
    for (const [i, who] of [memberA, memberB, districtChair].entries()) applyDecision(state, who, { action: 'approve' }, NOW + i);
    expect(checkDecider(state, districtChair)).toEqual({ kind: 'forbidden', code: 'case.officer_only', params: { unit: 'Hội quận Long Biên' } });
    expect(checkDecider(state, districtOfficer)).toBeNull();
  });

  it('names who to tell: the council members, the chair, or the officers and chairs of the unit', () => {
    const { chain } = resolved(commendation, context('city'));
    expect(stepDeciders(chain[0])).toEqual({ users: districtCouncil.map((m) => m.userId) });
    expect(stepDeciders(chain[1])).toEqual({ units: [district.id], roles: ['chair'] });
    const plain: Pick<ResolvedStep, 'unitId'> = { unitId: district.id };
    expect(stepDeciders(plain)).toEqual({ units: [district.id] });
  });
});

describe('a cap from a setting', () => {
  const signing = (state: CaseState) => {
    for (const [i, who] of [memberA, districtChair, memberB].entries()) applyDecision(state, who, { action: 'approve' }, NOW + i);
  };

  it('refuses an amount above the cap for the payload’s value, naming the cap and its date; accepts it equal', () => {
    const state = open('district');
    signing(state);
    expect(checkDecision(state, districtChair, { action: 'approve', data: { prize: 1_000_001 } })).toEqual({
      kind: 'unprocessable',
      code: 'case.amount_above_cap',
      params: { field: 'data.prize', max: 1_000_000, setting: 'prizeCap', since: '01/07/2025' },
    });
    expect(checkDecision(state, districtChair, { action: 'approve', data: { prize: 1_000_000 } })).toBeNull();
  });

  it('uses the value frozen in the case, not the definition’s today, and says when no date is known', () => {
    const state = open('district');
    state.settings = settingsInForce(commendation.settings, '2024-01-01');
    signing(state);
    expect(checkDecision(state, districtChair, { action: 'approve', data: { prize: 600_000 } })).toEqual({
      kind: 'unprocessable',
      code: 'case.amount_above_cap_undated',
      params: { field: 'data.prize', max: 500_000, setting: 'prizeCap' },
    });
  });

  it('applies no cap to a case that froze no settings (started before them)', () => {
    const state = open('district');
    delete state.settings;
    signing(state);
    expect(checkDecision(state, districtChair, { action: 'approve', data: { prize: 9_000_000 } })).toBeNull();
  });
});

describe('resubmission and conditional steps', () => {
  const returnedAtSigning = (awardLevel: 'district' | 'city') => {
    const state = open(awardLevel);
    for (const [i, who] of [memberA, districtChair, memberB].entries()) applyDecision(state, who, { action: 'approve' }, NOW + i);
    applyDecision(state, districtChair, { action: 'return', comment: 'Đề nghị xét ở cấp thành phố' }, NOW + 5);
    return state;
  };

  it('a revision that changes which steps apply replaces the chain and starts over at the first step', () => {
    const state = returnedAtSigning('district');
    const revised = payload('city');
    const chain = resolved(commendation, context('city')).chain;
    const [event] = applyResubmit(state, initiator, { payload: revised, chain }, NOW + 10);
    expect(event).toMatchObject({
      action: 'resubmitted',
      stepId: 'district-council',
      data: { restarted: true, changed: [], steps: ['district-council', 'district-signing', 'city-signing'] },
    });
    expect(state.chain.map((s) => s.id)).toEqual(['district-council', 'district-signing', 'city-signing']);
    expect(state).toMatchObject({ stepIndex: 0, passed: [], status: 'pending', payload: revised });
  });

  it('a revision that keeps the same steps keeps the chain and resumes where it was returned', () => {
    const state = returnedAtSigning('district');
    const before = state.chain;
    const revised = { ...payload('district'), achievement: 'Vận động xây 4 nhà đồng đội' };
    const [event] = applyResubmit(state, initiator, { payload: revised, chain: resolved(commendation, context('district')).chain }, NOW + 10);
    expect(event.data).toBeNull();
    expect(state.chain).toBe(before);
    expect(state).toMatchObject({ stepIndex: 1, status: 'pending' });
    expect(state.passed.map((p) => p.stepId)).toEqual(['district-council']);
  });

  it('without a chain (Updates from before, definitions without conditions) nothing changes in the route', () => {
    const state = returnedAtSigning('district');
    applyResubmit(state, initiator, { payload: payload('city') }, NOW + 10);
    expect(state.chain.map((s) => s.id)).toEqual(['district-council', 'district-signing']);
    expect(state.stepIndex).toBe(1);
  });
});
