import {
  Actor,
  applyDecision,
  applyResubmit,
  caseSettings,
  CaseState,
  checkDecision,
  openCase,
  PathUnit,
  resolveChain,
  settingAmount,
} from '@lienthong/domain';
import { translateFrom } from '@lienthong/i18n';
import { MESSAGES } from '@lienthong/i18n';
import { housingSupportDefinition, housingSupportDefinitionV1 } from './housing-support.definition';
import { housingSupportExample } from './housing-support.payload';
import { housingSupportPhase } from './housing-support.phase';

/**
 * Housing's support per house as a setting with effective dates (GLOSSARY: 60.000.000 đ for a new
 * build, 30.000.000 đ for a repair since 10/11/2024; 50/25 million before): version 2 caps the
 * district's approved amount by the kind of works, with the value in force on the case's date.
 */

const BRANCH = 'u-chi-hoi-1';
const WARD = 'u-ngoc-thuy';
const DISTRICT = 'u-long-bien';
const path: PathUnit[] = [
  { id: BRANCH, name: 'Chi hội 1', levelCode: 'branch', levelName: 'Chi hội' },
  { id: WARD, name: 'Hội phường Ngọc Thụy', levelCode: 'ward', levelName: 'Phường' },
  { id: DISTRICT, name: 'Hội quận Long Biên', levelCode: 'district', levelName: 'Quận' },
];
const initiator: Actor = { userId: 'p-initiator', displayName: 'Nguyễn Thị Lan', unitIds: [BRANCH] };
const wardChair: Actor = { userId: 'p-ward-chair', displayName: 'Trần Văn Đức', unitIds: [WARD], roles: { [WARD]: ['chair'] } };
const districtChair: Actor = { userId: 'p-district-chair', displayName: 'Phạm Quốc Hùng', unitIds: [DISTRICT], roles: { [DISTRICT]: ['chair'] } };

const payload = (kind: 'new-build' | 'repair', requestedAmount: number) => ({
  beneficiary: { name: 'Nguyễn Thị Hoa', address: 'Số 12, tổ 5, phường Ngọc Thụy' },
  situation: 'Nhà cấp bốn xuống cấp, mái dột.',
  kind,
  estimatedCost: 150_000_000,
  requestedAmount,
  otherFunding: [],
});

/** A v2 case submitted on `date` (Vietnam), pending at the district. */
function atDistrict(date: string, kind: 'new-build' | 'repair', requested: number): CaseState {
  const frozen = caseSettings(housingSupportDefinition, date);
  if ('violation' in frozen) throw new Error(frozen.violation.code);
  const resolved = resolveChain(housingSupportDefinition, path, undefined, { payload: payload(kind, requested), settings: frozen.settings });
  if ('kind' in resolved) throw new Error(resolved.code);
  const now = Date.parse(`${date}T03:00:00Z`);
  const { state } = openCase(
    {
      caseId: 'c-1',
      processType: housingSupportDefinition.processType,
      definitionVersion: 2,
      organizationId: 'o',
      originUnitId: BRANCH,
      title: 'Hỗ trợ nhà ở',
      payload: payload(kind, requested),
      initiator,
      chain: resolved.chain,
      plan: resolved.plan,
      resubmitTo: housingSupportDefinition.resubmitTo,
      restartOnChangeOf: housingSupportDefinition.restartOnChangeOf,
      settings: frozen.settings,
    },
    now,
  );
  expect(checkDecision(state, wardChair, { action: 'approve' })).toBeNull();
  applyDecision(state, wardChair, { action: 'approve' }, now + 1000, housingSupportPhase);
  return state;
}

const approve = (approvedAmount: number) => ({ action: 'approve' as const, data: { approvedAmount, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' } });
const vi = (code: string, params: Record<string, string | number>) => translateFrom(MESSAGES, code, 'vi', params);
const en = (code: string, params: Record<string, string | number>) => translateFrom(MESSAGES, code, 'en', params);

describe('housing support cap (version 2)', () => {
  it('freezes 60/30 million for a case dated on or after 10/11/2024, 50/25 before', () => {
    const on = (date: string) => (caseSettings(housingSupportDefinition, date) as { settings: CaseState['settings'] }).settings;
    expect(on('2024-11-10')).toEqual({ supportCap: { value: { 'new-build': 60_000_000, repair: 30_000_000 }, since: '2024-11-10' } });
    expect(on('2026-12-02')!.supportCap.value).toEqual({ 'new-build': 60_000_000, repair: 30_000_000 });
    expect(on('2024-11-09')).toEqual({ supportCap: { value: { 'new-build': 50_000_000, repair: 25_000_000 }, since: null } });
  });

  it('refuses a new build approved above 60.000.000 đ, in Vietnamese naming the cap and its date', () => {
    const state = atDistrict('2026-12-02', 'new-build', 80_000_000);
    const refusal = checkDecision(state, districtChair, approve(60_000_001));
    expect(refusal).toEqual({
      kind: 'unprocessable',
      code: 'case.amount_above_cap',
      params: { field: 'data.approvedAmount', max: 60_000_000, setting: 'supportCap', since: '10/11/2024' },
    });
    expect(vi(refusal!.code, refusal!.params!)).toBe('Số tiền duyệt vượt mức hỗ trợ tối đa 60.000.000 đồng (áp dụng từ 10/11/2024).');
    expect(en(refusal!.code, refusal!.params!)).toBe('The approved amount exceeds the maximum support of 60,000,000 VND (in force since 10/11/2024).');
    expect(checkDecision(state, districtChair, approve(60_000_000))).toBeNull();
  });

  it('caps a repair at 30.000.000 đ', () => {
    const state = atDistrict('2026-12-02', 'repair', 40_000_000);
    expect(checkDecision(state, districtChair, approve(30_000_001))).toMatchObject({ code: 'case.amount_above_cap', params: { max: 30_000_000 } });
    expect(checkDecision(state, districtChair, approve(30_000_000))).toBeNull();
  });

  it('still refuses above the requested amount first, with its own message', () => {
    const state = atDistrict('2026-12-02', 'new-build', 40_000_000);
    expect(checkDecision(state, districtChair, approve(50_000_000))).toMatchObject({ code: 'case.amount_above', params: { max: 40_000_000 } });
  });

  it('keeps the amounts of the case’s own date: a case of 9/11/2024 is capped at 50.000.000 đ, undated', () => {
    const state = atDistrict('2024-11-09', 'new-build', 60_000_000);
    const refusal = checkDecision(state, districtChair, approve(55_000_000));
    expect(refusal).toMatchObject({ code: 'case.amount_above_cap_undated', params: { max: 50_000_000 } });
    expect(vi(refusal!.code, refusal!.params!)).toBe('Số tiền duyệt vượt mức hỗ trợ tối đa 50.000.000 đồng.');
  });

  it('follows the kind of a revised payload: a repair resubmitted as a new build gets the new build’s cap', () => {
    const state = atDistrict('2026-12-02', 'repair', 30_000_000);
    applyDecision(state, districtChair, { action: 'return', comment: 'Cần xây mới, không sửa' }, Date.parse('2026-12-03T03:00:00Z'), housingSupportPhase);
    applyResubmit(state, initiator, { payload: payload('new-build', 60_000_000) }, Date.parse('2026-12-04T03:00:00Z'));
    // The revision changed the money and the kind: back to the ward first.
    applyDecision(state, wardChair, { action: 'approve' }, Date.parse('2026-12-05T03:00:00Z'), housingSupportPhase);
    expect(settingAmount(state.settings, { key: 'supportCap', by: 'kind' }, state.payload)).toEqual({ amount: 60_000_000, since: '2024-11-10' });
    expect(checkDecision(state, districtChair, approve(60_000_000))).toBeNull();
  });

  it('version 1 stays as it was: no settings, no cap on its approval', () => {
    expect(housingSupportDefinitionV1.settings).toBeUndefined();
    expect(housingSupportDefinitionV1.steps[1].approveData).toEqual([
      { name: 'approvedAmount', type: 'vnd', maxFromPayload: 'requestedAmount' },
      { name: 'fundingSource', type: 'text', maxLength: 200 },
    ]);
    expect(caseSettings(housingSupportDefinitionV1, '2026-12-02')).toEqual({ settings: undefined });
  });

  it('the example the API document shows asks for no more than the cap of its kind', () => {
    const frozen = caseSettings(housingSupportDefinition, '2026-12-02') as { settings: CaseState['settings'] };
    const cap = settingAmount(frozen.settings, { key: 'supportCap', by: 'kind' }, housingSupportExample.payload);
    expect(housingSupportExample.payload.requestedAmount).toBeLessThanOrEqual(cap!.amount);
  });
});
