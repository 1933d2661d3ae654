import { DAY_MS } from '../approval/deadline';
import {
  campaignAllowedActions,
  campaignEndsAt,
  campaignSchedule,
  checkContributionDate,
  checkCampaignLaunch,
  checkNewCampaign,
  checkQuotaSetter,
  checkTakesEntries,
  daysLeft,
  elapsedShare,
  ProgressUnit,
  progressTree,
  subtreeIds,
  unitsBehind,
} from './campaign.rules';

/** 10:00 in Hà Nội on a day, as epoch ms. */
const at = (date: string, time = '10:00') => Date.parse(`${date}T${time}:00+07:00`);

const UNITS: ProgressUnit[] = [
  { id: 'district', organizationId: 'o', parentId: null, name: 'Hội CCB quận Long Biên', levelCode: 'district' },
  { id: 'ward', organizationId: 'o', parentId: 'district', name: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward' },
  { id: 'ch2', organizationId: 'o', parentId: 'ward', name: 'Chi hội 2', levelCode: 'branch' },
  { id: 'ch1', organizationId: 'o', parentId: 'ward', name: 'Chi hội 1', levelCode: 'branch' },
  { id: 'ch10', organizationId: 'o', parentId: 'ward', name: 'Chi hội 10', levelCode: 'branch' },
  { id: 'other', organizationId: 'o', parentId: 'district', name: 'Hội CCB phường Phúc Đồng', levelCode: 'ward' },
];

describe('campaign dates (Vietnam time)', () => {
  it('refuses a start before today in Hà Nội, an end before the start and a target below 1 đồng', () => {
    // 23:30 UTC on 1 Dec is already 2 Dec in Hà Nội.
    const now = Date.parse('2026-12-01T23:30:00Z');
    expect(checkNewCampaign({ startDate: '2026-12-01', endDate: '2026-12-31', target: 1 }, now)).toMatchObject({
      code: 'campaign.start_in_past',
      params: { today: '02/12/2026' },
    });
    expect(checkNewCampaign({ startDate: '2026-12-02', endDate: '2026-12-02', target: 1 }, now)).toBeNull();
    expect(checkNewCampaign({ startDate: '2026-12-05', endDate: '2026-12-04', target: 1 }, now)?.code).toBe('campaign.end_before_start');
    expect(checkNewCampaign({ startDate: '2026-12-05', endDate: '2026-12-06', target: 0 }, now)?.code).toBe('campaign.target_invalid');
    expect(checkNewCampaign({ startDate: '2026-12-05', endDate: '2026-12-06', target: 1.5 }, now)?.code).toBe('campaign.target_invalid');
    expect(checkNewCampaign({ startDate: '2026-12-05', endDate: '2026-12-06', target: 9, suggestion: 0 }, now)?.code).toBe(
      'campaign.suggestion_invalid',
    );
  });

  it('takes contribution dates within the campaign and not in the future', () => {
    const dates = { startDate: '2026-12-01', endDate: '2026-12-31' };
    const now = at('2026-12-10');
    expect(checkContributionDate('2026-12-10', dates, now)).toBeNull();
    expect(checkContributionDate('2026-12-01', dates, now)).toBeNull();
    expect(checkContributionDate('2026-12-11', dates, now)?.code).toBe('campaign.contribution_date_future');
    expect(checkContributionDate('2026-11-30', dates, now)?.code).toBe('campaign.contribution_date_outside');
  });

  it('ends at 23:59:59.999 of the end date in Hà Nội; entries are refused after it whatever the status', () => {
    const campaign = { unitId: 'ward', status: 'open' as const, startDate: '2026-12-01', endDate: '2026-12-31' };
    const end = campaignEndsAt('2026-12-31');
    expect(new Date(end).toISOString()).toBe('2026-12-31T16:59:59.999Z');
    expect(checkTakesEntries(campaign, end)).toBeNull();
    expect(checkTakesEntries(campaign, end + 1)).toMatchObject({ kind: 'conflict', code: 'campaign.closed' });
    expect(checkTakesEntries({ ...campaign, status: 'closed' }, at('2026-12-10'))?.code).toBe('campaign.closed');
    expect(checkTakesEntries({ ...campaign, status: 'draft' }, at('2026-12-10'))?.code).toBe('campaign.not_open');
    expect(checkTakesEntries({ ...campaign, status: 'cancelled' }, at('2026-12-10'))?.code).toBe('campaign.cancelled');
    expect(checkCampaignLaunch({ status: 'draft', endDate: '2026-12-31' }, end + 1)?.code).toBe('campaign.closed');
    expect(checkCampaignLaunch({ status: 'open', endDate: '2026-12-31' }, end)?.code).toBe('campaign.already_open');
  });

  it('counts days left in Hà Nội: 0 on the last day, 7 at T−7 days', () => {
    expect(daysLeft('2026-12-31', at('2026-12-19'))).toBe(12);
    expect(daysLeft('2026-12-31', at('2026-12-31', '23:59'))).toBe(0);
    expect(daysLeft('2026-12-31', at('2027-01-05'))).toBe(0);
    expect(daysLeft('2026-12-31', campaignEndsAt('2026-12-31') - 7 * DAY_MS)).toBe(7);
    // 20:00 UTC on 30 Dec is 31 Dec in Hà Nội.
    expect(daysLeft('2026-12-31', Date.parse('2026-12-30T20:00:00Z'))).toBe(0);
  });

  it('measures the share of time passed from the start of the start date to the end of the end date', () => {
    const dates = { startDate: '2026-12-01', endDate: '2026-12-10' };
    expect(elapsedShare(dates, at('2026-11-30'))).toBe(0);
    expect(elapsedShare(dates, at('2026-12-06', '00:00'))).toBeCloseTo(0.5, 9);
    expect(elapsedShare(dates, at('2026-12-11'))).toBe(1);
  });

  it('schedules reminders at T−7 and T−1 days still ahead, then the close', () => {
    const end = campaignEndsAt('2026-12-31');
    expect(campaignSchedule('2026-12-31', at('2026-12-01'))).toEqual([
      { at: end - 7 * DAY_MS, kind: 'remind', daysLeft: 7 },
      { at: end - DAY_MS, kind: 'remind', daysLeft: 1 },
      { at: end, kind: 'close', daysLeft: 0 },
    ]);
    // Launched three days before the end: no "7 days left" after the fact.
    expect(campaignSchedule('2026-12-31', at('2026-12-28')).map((s) => s.daysLeft)).toEqual([1, 0]);
  });
});

describe('campaign progress tree', () => {
  const dates = { startDate: '2026-12-01', endDate: '2026-12-10' };

  it('adds each subtree up exactly, with the target as the root quota and percent against quotas', () => {
    const tree = progressTree({
      units: UNITS,
      rootId: 'ward',
      target: 10_000_000,
      quotas: new Map([
        ['ch1', 6_000_000],
        ['ch2', 4_000_000],
      ]),
      collectedOwn: new Map([
        ['ch1', 3_000_000],
        ['ch2', 500_000],
        ['ward', 1_000_000],
        ['other', 99_000_000], // another ward's money never reaches this tree
      ]),
      dates,
      now: at('2026-12-06', '00:00'), // half the time gone
    });
    expect(tree).toMatchObject({ unit: { id: 'ward', levelCode: 'ward' }, quota: 10_000_000, collected: 4_500_000, percent: 45 });
    expect(tree.onPace).toBe(false);
    // Name order, numbers read as numbers: Chi hội 1, 2, 10.
    expect(tree.children.map((c) => [c.unit.id, c.quota, c.collected, c.percent, c.onPace])).toEqual([
      ['ch1', 6_000_000, 3_000_000, 50, true],
      ['ch2', 4_000_000, 500_000, 12.5, false],
      ['ch10', null, 0, null, null],
    ]);
    expect(unitsBehind(tree).map((n) => n.unit.id)).toEqual(['ward', 'ch2']);
  });

  it('takes reversals (negative own totals) into the net', () => {
    const tree = progressTree({
      units: UNITS,
      rootId: 'district',
      target: 1,
      quotas: new Map(),
      collectedOwn: new Map([
        ['ch1', 200_000],
        ['ch2', -0],
        ['other', 300_000],
      ]),
      dates,
      now: at('2026-12-01'),
    });
    expect(tree.collected).toBe(500_000);
    expect(tree.children.find((c) => c.unit.id === 'ward')!.collected).toBe(200_000);
  });
});

describe('who may act on a campaign', () => {
  const campaign = { unitId: 'ward', status: 'open' as const, startDate: '2026-12-01', endDate: '2026-12-31' };
  const inCampaign = subtreeIds(UNITS, 'ward');
  const now = at('2026-12-10');

  it('hands quotas down one level: the parent of a unit below the launching unit sets it', () => {
    const ch1 = UNITS.find((u) => u.id === 'ch1')!;
    const ward = UNITS.find((u) => u.id === 'ward')!;
    const other = UNITS.find((u) => u.id === 'other')!;
    expect(checkQuotaSetter(campaign, ch1, inCampaign, { unitIds: ['ward'] })).toBeNull();
    expect(checkQuotaSetter(campaign, ch1, inCampaign, { unitIds: ['ch1'] })?.code).toBe('campaign.not_parent_officer');
    expect(checkQuotaSetter(campaign, ward, inCampaign, { unitIds: ['district'] })?.code).toBe('campaign.quota_root');
    expect(checkQuotaSetter(campaign, other, inCampaign, { unitIds: ['district'] })?.code).toBe('campaign.unit_outside');
  });

  it('lists the actions each role has', () => {
    expect(campaignAllowedActions({ ...campaign, status: 'draft' }, inCampaign, UNITS, { unitIds: ['ward'] }, now)).toEqual([
      'launch',
      'cancel',
      'setQuota',
      'viewContributions',
    ]);
    expect(campaignAllowedActions(campaign, inCampaign, UNITS, { unitIds: ['ward'] }, now)).toEqual([
      'cancel',
      'setQuota',
      'contribute',
      'viewContributions',
    ]);
    // A branch may also hand its money up and ask for more time (the launching ward has no parent in the campaign).
    expect(campaignAllowedActions(campaign, inCampaign, UNITS, { unitIds: ['ch1'] }, now)).toEqual([
      'contribute',
      'viewContributions',
      'remit',
      'requestExtension',
    ]);
    // The district above sees the campaign but acts at no unit of it.
    expect(campaignAllowedActions(campaign, inCampaign, UNITS, { unitIds: ['district'] }, now)).toEqual([]);
    expect(campaignAllowedActions(campaign, inCampaign, UNITS, { unitIds: ['ch1'] }, campaignEndsAt('2026-12-31') + 1)).toEqual([
      'viewContributions',
      'remit',
      'requestExtension',
    ]);
  });
});
