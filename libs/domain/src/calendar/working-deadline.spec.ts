// Housing is the realistic example; generic code itself never names it.
import { housingSupportDefinition } from '@lienthong/processes';
import { applyAlarm as applyAlarmOf, nextAlarm as nextAlarmOf } from '../approval/alarms';
import { applyDecision as applyDecisionOf, CaseStart, openCase } from '../approval/chain.rules';
import { Actor, CaseState } from '../approval/case-model';
import { DAY_MS } from '../approval/deadline';
import { PathUnit, ProcessDefinition, resolveChain, validateDefinitions } from '../processes/process-definition';
import { toWorkingCalendar, VIETNAM_CALENDAR_SEED } from './vietnam-holidays';
import { calendarWindow, frozenCalendarWindow, needsWorkingCalendar, workingDaysLeft } from './working-deadline';

// The chain's clock only: these cases never reach an execution phase.
const nextAlarm = (state: CaseState) => nextAlarmOf(state, null);
const applyAlarm = (state: CaseState, now: number) => applyAlarmOf(state, now, null);
const applyDecision = (...args: Parameters<typeof applyDecisionOf> extends [...infer A, unknown] ? A : never) => applyDecisionOf(...args, null);

const path: PathUnit[] = [
  { id: 'u-branch', name: 'Chi hội 1', levelCode: 'branch', levelName: 'Chi hội' },
  { id: 'u-ward', name: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward', levelName: 'Phường' },
  { id: 'u-district', name: 'Hội CCB quận Long Biên', levelCode: 'district', levelName: 'Quận' },
];
const initiator: Actor = { userId: 'p-branch', displayName: 'Nguyễn Văn Thành', unitIds: ['u-branch'] };
const wardChair: Actor = { userId: 'p-ward', displayName: 'Trần Văn Đức', unitIds: ['u-ward'] };

/** Housing with the ward in 5 working days (escalating 2 working days later), the district still in calendar days. */
const workingHousing: ProcessDefinition = {
  ...housingSupportDefinition,
  version: 99,
  steps: [
    { ...housingSupportDefinition.steps[0], deadline: { days: 5, unit: 'working', escalateAfterDays: 2 } },
    housingSupportDefinition.steps[1],
  ],
};

const at = (iso: string) => Date.parse(iso);
const endOf = (date: string) => `${date}T16:59:59.999Z`;
/** Wednesday 3 February 2027, 10:00 in Hà Nội: three days before Tết Đinh Mùi. */
const BEFORE_TET = at('2027-02-03T03:00:00Z');
const SEED = toWorkingCalendar(VIETNAM_CALENDAR_SEED);

function start(definition: ProcessDefinition, now: number, options: { calendar?: boolean; dayMs?: number } = {}): CaseStart {
  const resolved = resolveChain(definition, path, options.dayMs);
  if ('code' in resolved) throw new Error(resolved.code);
  const window = frozenCalendarWindow(now);
  return {
    caseId: 'c-1',
    processType: definition.processType,
    definitionVersion: definition.version,
    organizationId: 'o-1',
    originUnitId: 'u-branch',
    title: 'Xây mới nhà cho hội viên Nguyễn Văn Hùng',
    payload: { requestedAmount: 60_000_000 },
    initiator,
    chain: resolved.chain,
    plan: resolved.plan,
    resubmitTo: definition.resubmitTo,
    ...(options.calendar === false ? {} : { calendar: calendarWindow(SEED, window.from, window.to) }),
  };
}

describe('deadlines in working days', () => {
  it('are accepted in a definition (unit defaults to calendar days) and refused with an unknown unit', () => {
    expect(() => validateDefinitions([workingHousing])).not.toThrow();
    const bad = { ...workingHousing, steps: [{ ...workingHousing.steps[0], deadline: { days: 5, escalateAfterDays: 2, unit: 'lunar' } }] };
    expect(() => validateDefinitions([bad as unknown as ProcessDefinition])).toThrow(/steps\.0\.deadline\.unit/);
  });

  it('resolve into the chain next to the calendar-day span, only for the steps that ask', () => {
    const resolved = resolveChain(workingHousing, path);
    if ('code' in resolved) throw new Error(resolved.code);
    expect(resolved.chain[0].deadline).toEqual({
      afterMs: 5 * DAY_MS,
      endOfDay: true,
      escalateAfterMs: 2 * DAY_MS,
      workingDays: 5,
      escalateWorkingDays: 2,
    });
    expect(resolved.chain[1].deadline).toEqual({ afterMs: 14 * DAY_MS, endOfDay: true, escalateAfterMs: 7 * DAY_MS });
    expect(needsWorkingCalendar(resolved.chain)).toBe(true);
    const housing = resolveChain(housingSupportDefinition, path);
    expect('chain' in housing && needsWorkingCalendar(housing.chain)).toBe(false);
  });

  it('with shortened days (CASE_DAY_SECONDS) stay a scaled span: a working day of 1 second means nothing', () => {
    const resolved = resolveChain(workingHousing, path, 1000);
    if ('code' in resolved) throw new Error(resolved.code);
    expect(resolved.chain[0].deadline).toEqual({ afterMs: 5000, endOfDay: false, escalateAfterMs: 2000 });
  });

  it('fall due at the end of the 5th working day after entry, across Tết, and escalate 2 working days later', () => {
    const { state } = openCase(start(workingHousing, BEFORE_TET), BEFORE_TET);
    expect(state.step).toMatchObject({ enteredAt: new Date(BEFORE_TET).toISOString(), dueAt: endOf('2027-02-17'), escalateAt: endOf('2027-02-19') });
    expect(nextAlarm(state)).toBe(at(endOf('2027-02-17')));
    expect(applyAlarm(state, at(endOf('2027-02-17')) - 1)).toEqual([]);
    expect(applyAlarm(state, at(endOf('2027-02-17'))).map((e) => e.action)).toEqual(['overdue']);
    expect(applyAlarm(state, at(endOf('2027-02-19'))).map((e) => e.action)).toEqual(['escalated']);
  });

  it('keep counting on the frozen calendar at the next step (a calendar-day step stays in calendar days)', () => {
    const { state } = openCase(start(workingHousing, BEFORE_TET), BEFORE_TET);
    const decided = at('2027-02-16T03:00:00Z');
    applyDecision(state, wardChair, { action: 'approve', expectedStep: 'ward-verification' }, decided);
    expect(state.step).toMatchObject({ stepId: 'district-approval', dueAt: endOf('2027-03-02'), escalateAt: '2027-03-09T16:59:59.999Z' });
  });

  it('fall back to calendar days for a case without a calendar (as cases from before calendars are)', () => {
    const { state } = openCase(start(workingHousing, BEFORE_TET, { calendar: false }), BEFORE_TET);
    expect(state.calendar).toBeUndefined();
    expect(state.step).toMatchObject({ dueAt: endOf('2027-02-08'), escalateAt: endOf('2027-02-10') });
  });

  it('tell how many working days are left, and null where the deadline is in calendar days', () => {
    const { state } = openCase(start(workingHousing, BEFORE_TET), BEFORE_TET);
    const left = (now: string) => workingDaysLeft(state.chain[0], state.step, state.calendar, at(now));
    expect(left('2027-02-03T03:00:00Z')).toBe(5);
    expect(left('2027-02-09T03:00:00Z')).toBe(4); // Tết: Thursday 4/2 was spent, nothing since
    expect(left('2027-02-17T10:00:00Z')).toBe(0);
    expect(left('2027-02-18T03:00:00Z')).toBe(-1);
    expect(workingDaysLeft(state.chain[1], null, state.calendar, BEFORE_TET)).toBeNull();
    const plain: CaseState = openCase(start(housingSupportDefinition, BEFORE_TET), BEFORE_TET).state;
    expect(workingDaysLeft(plain.chain[0], plain.step, plain.calendar, BEFORE_TET)).toBeNull();
    const old = openCase(start(workingHousing, BEFORE_TET, { calendar: false }), BEFORE_TET).state;
    expect(workingDaysLeft(old.chain[0], old.step, old.calendar, BEFORE_TET)).toBeNull();
  });
});

describe('the calendar a case freezes', () => {
  it('runs from its submission day in Hà Nội to the same day two years later', () => {
    // 20:00Z on 31 Dec 2026 is already 1 Jan 2027 in Hà Nội.
    expect(frozenCalendarWindow(at('2026-12-31T20:00:00Z'))).toEqual({ from: '2027-01-01', to: '2029-01-01' });
    expect(frozenCalendarWindow(at('2028-02-29T03:00:00Z'))).toEqual({ from: '2028-02-29', to: '2030-03-01' });
  });

  it('holds only the days of its window', () => {
    const window = calendarWindow(SEED, '2027-02-03', '2029-02-03');
    expect(window.nonWorking[0]).toBe('2027-02-05');
    expect(window.nonWorking[window.nonWorking.length - 1]).toBe('2029-01-01');
    expect(window.working).toEqual([]);
  });
});
