import {
  calendarWindow,
  frozenCalendarWindow,
  openCase,
  PathUnit,
  ProcessDefinition,
  resolveChain,
  toWorkingCalendar,
  VIETNAM_CALENDAR_SEED,
} from '@lienthong/domain';
import { housingSupportDefinition } from '@lienthong/processes';
import { chainView } from './case-view';

const path: PathUnit[] = [
  { id: 'u-branch', name: 'Chi hội 1', levelCode: 'branch', levelName: 'Chi hội' },
  { id: 'u-ward', name: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward', levelName: 'Phường' },
  { id: 'u-district', name: 'Hội CCB quận Long Biên', levelCode: 'district', levelName: 'Quận' },
];
/** The ward in 5 working days; the district keeps its 14 calendar days. */
const definition: ProcessDefinition = {
  ...housingSupportDefinition,
  steps: [{ ...housingSupportDefinition.steps[0], deadline: { days: 5, unit: 'working', escalateAfterDays: 2 } }, housingSupportDefinition.steps[1]],
};
/** Wednesday 3 February 2027, 10:00 in Hà Nội, before Tết. */
const t0 = Date.parse('2027-02-03T03:00:00Z');

function newCase(withCalendar: boolean) {
  const resolved = resolveChain(definition, path);
  if ('code' in resolved) throw new Error(resolved.code);
  const { from, to } = frozenCalendarWindow(t0);
  return openCase(
    {
      caseId: 'c-1',
      processType: 'housing-support',
      definitionVersion: 1,
      organizationId: 'o-1',
      originUnitId: 'u-branch',
      title: 'Xây mới nhà cho hội viên Nguyễn Văn Hùng',
      payload: { requestedAmount: 60_000_000 },
      initiator: { userId: 'p-branch', displayName: 'Nguyễn Văn Thành' },
      chain: resolved.chain,
      plan: resolved.plan,
      resubmitTo: 'returning-step',
      ...(withCalendar ? { calendar: calendarWindow(toWorkingCalendar(VIETNAM_CALENDAR_SEED), from, to) } : {}),
    },
    t0,
  ).state;
}

describe('chainView: working days left', () => {
  it('says "Còn N ngày làm việc" for the pending step in working days, counting Tết out', () => {
    const state = newCase(true);
    expect(chainView(state, t0).map((s) => [s.id, s.dueAt, s.workingDaysLeft])).toEqual([
      ['ward-verification', '2027-02-17T16:59:59.999Z', 5],
      ['district-approval', null, null],
    ]);
    expect(chainView(state, Date.parse('2027-02-11T03:00:00Z'))[0].workingDaysLeft).toBe(4);
    expect(chainView(state, Date.parse('2027-02-18T03:00:00Z'))[0].workingDaysLeft).toBe(-1);
  });

  it('is null for a case without a frozen calendar (it counts calendar days)', () => {
    expect(chainView(newCase(false), t0)[0]).toMatchObject({ dueAt: '2027-02-08T16:59:59.999Z', workingDaysLeft: null });
  });
});
