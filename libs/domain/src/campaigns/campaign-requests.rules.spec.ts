import { chainOutcome } from '../approval/case-outcome';
import type { CaseEvent, CaseState } from '../approval/case-model';
import {
  campaignAllowedActions,
  checkContributionDate,
  checkExtensionDate,
  checkRemittanceAmount,
  checkRemittanceDate,
  checkTakesEntries,
  checkUnitRequest,
  CampaignFacts,
  ProgressUnit,
  progressTree,
  subtreeIds,
  unitHoldings,
} from './campaign.rules';

/** A time in Hà Nội on a day, as epoch ms. */
const at = (date: string, time = '10:00') => Date.parse(`${date}T${time}:00+07:00`);

const UNITS: ProgressUnit[] = [
  { id: 'district', organizationId: 'o', parentId: null, name: 'Hội CCB quận Long Biên', levelCode: 'district' },
  { id: 'ward', organizationId: 'o', parentId: 'district', name: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward' },
  { id: 'ch1', organizationId: 'o', parentId: 'ward', name: 'Chi hội 1', levelCode: 'branch' },
  { id: 'ch2', organizationId: 'o', parentId: 'ward', name: 'Chi hội 2', levelCode: 'branch' },
];
const campaign = (status: CampaignFacts['status']): CampaignFacts => ({ unitId: 'ward', status, startDate: '2026-12-01', endDate: '2026-12-10' });

describe('remittances', () => {
  it('hand over at most what the unit holds: its own entries, plus what its children remitted and it confirmed, less what it remitted', () => {
    expect(unitHoldings({ collected: 1_700_000, received: 0, remitted: 0 })).toBe(1_700_000);
    // A ward holds its own entries and Chi hội 1's confirmed 1.5 million, less the 1 million it sent on.
    expect(unitHoldings({ collected: 250_000, received: 1_500_000, remitted: 1_000_000 })).toBe(750_000);
    expect(checkRemittanceAmount(750_000, 750_000)).toBeNull();
    expect(checkRemittanceAmount(750_001, 750_000)).toEqual({
      kind: 'unprocessable',
      code: 'campaign.remittance_exceeds_holdings',
      params: { amount: 750_001, holds: 750_000 },
    });
    for (const amount of [0, -5, 1.5]) expect(checkRemittanceAmount(amount, 1_000)?.code).toBe('campaign.remittance_amount_invalid');
  });

  it('are dated from the start of the campaign to today in Vietnam', () => {
    expect(checkRemittanceDate('2026-12-11', campaign('closed'), at('2026-12-11', '00:30'))).toBeNull();
    expect(checkRemittanceDate('2026-12-12', campaign('closed'), at('2026-12-11'))?.code).toBe('campaign.remittance_date_future');
    expect(checkRemittanceDate('2026-11-30', campaign('open'), at('2026-12-05'))?.code).toBe('campaign.remittance_date_before_start');
  });

  it('and extension requests come from a unit below the launching one, once launched, also after the close, never when cancelled', () => {
    expect(checkUnitRequest(campaign('open'), 'ch1')).toBeNull();
    expect(checkUnitRequest(campaign('closed'), 'ch1')).toBeNull();
    expect(checkUnitRequest(campaign('draft'), 'ch1')?.code).toBe('campaign.not_open');
    expect(checkUnitRequest(campaign('cancelled'), 'ch1')?.code).toBe('campaign.cancelled');
    expect(checkUnitRequest(campaign('open'), 'ward')?.code).toBe('campaign.request_root');
  });
});

describe('extensions', () => {
  it('ask for a day after the end date, not before today', () => {
    expect(checkExtensionDate('2026-12-20', campaign('open'), at('2026-12-09'))).toBeNull();
    expect(checkExtensionDate('2026-12-10', campaign('open'), at('2026-12-09'))).toMatchObject({
      code: 'campaign.extension_not_later',
      params: { endDate: '10/12/2026' },
    });
    expect(checkExtensionDate('2026-12-11', campaign('closed'), at('2026-12-12'))?.code).toBe('campaign.extension_in_past');
  });

  it('let one unit record after the end, even once closed, until the end of its day in Vietnam', () => {
    const late = at('2026-12-15');
    expect(checkTakesEntries(campaign('closed'), late)?.code).toBe('campaign.closed');
    expect(checkTakesEntries(campaign('closed'), late, '2026-12-20')).toBeNull();
    expect(checkTakesEntries(campaign('open'), late, '2026-12-20')).toBeNull();
    expect(checkTakesEntries(campaign('closed'), at('2026-12-20', '23:59'), '2026-12-20')).toBeNull();
    expect(checkTakesEntries(campaign('closed'), at('2026-12-21', '00:00'), '2026-12-20')?.code).toBe('campaign.closed');
    // Never a cancelled campaign or a draft.
    expect(checkTakesEntries(campaign('cancelled'), late, '2026-12-20')?.code).toBe('campaign.cancelled');
    expect(checkTakesEntries(campaign('draft'), late, '2026-12-20')?.code).toBe('campaign.not_open');
    // Entries dated up to the extension's day.
    expect(checkContributionDate('2026-12-15', campaign('closed'), late, '2026-12-20')).toBeNull();
    expect(checkContributionDate('2026-12-15', campaign('closed'), late)).toMatchObject({ code: 'campaign.contribution_date_outside' });
  });

  it('show in what the unit may do', () => {
    const inCampaign = subtreeIds(UNITS, 'ward');
    const ch1 = { unitIds: ['ch1'] };
    const late = at('2026-12-15');
    expect(campaignAllowedActions(campaign('closed'), inCampaign, UNITS, ch1, late)).toEqual(['viewContributions', 'remit', 'requestExtension']);
    expect(campaignAllowedActions(campaign('closed'), inCampaign, UNITS, ch1, late, new Map([['ch1', '2026-12-20']]))).toContain('contribute');
    expect(campaignAllowedActions(campaign('closed'), inCampaign, UNITS, { unitIds: ['ch2'] }, late, new Map([['ch1', '2026-12-20']]))).not.toContain(
      'contribute',
    );
    expect(campaignAllowedActions(campaign('open'), inCampaign, UNITS, { unitIds: ['ward'] }, at('2026-12-05'))).not.toContain('remit');
  });
});

describe('the progress tree', () => {
  it("shows each unit's own remittances to its parent and the confirmed part", () => {
    const tree = progressTree({
      units: UNITS,
      rootId: 'ward',
      target: 10_000_000,
      quotas: new Map(),
      collectedOwn: new Map([['ch1', 1_700_000]]),
      remittedOwn: new Map([['ch1', 1_500_000]]),
      confirmedOwn: new Map([['ch1', 1_000_000]]),
      dates: campaign('open'),
      now: at('2026-12-05'),
    });
    expect(tree).toMatchObject({ collected: 1_700_000, remitted: 0, confirmed: 0 });
    expect(tree.children.map((c) => [c.unit.id, c.collected, c.remitted, c.confirmed])).toEqual([
      ['ch1', 1_700_000, 1_500_000, 1_000_000],
      ['ch2', 0, 0, 0],
    ]);
  });
});

describe("a case's outcome", () => {
  const state = { chain: [{ id: 'first' }, { id: 'last' }] } as unknown as CaseState;
  const event = (action: string, stepId: string | null, data: Record<string, unknown> | null = null) =>
    ({ action, stepId, data }) as unknown as CaseEvent;

  it('is read from the event that ended its chain, and only from that one', () => {
    expect(chainOutcome(state, event('approved', 'first'))).toBeNull();
    expect(chainOutcome(state, event('approved', 'last'))).toBe('approved');
    expect(chainOutcome(state, event('approved', 'last', { votes: 1, required: 2 }))).toBeNull();
    expect(chainOutcome(state, event('approved', 'last', { votes: 2, required: 2 }))).toBe('approved');
    expect(chainOutcome(state, event('rejected', 'first'))).toBe('rejected');
    expect(chainOutcome(state, event('cancelled', null))).toBe('cancelled');
    expect(chainOutcome(state, event('returned', 'last'))).toBeNull();
    expect(chainOutcome(state, event('submitted', 'first'))).toBeNull();
  });
});
