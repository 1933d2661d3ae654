import type { ProcessDefinition, StepDefinition } from '@lienthong/domain';
import { HousingSupportPayload, housingSupportPayloadSchema } from './housing-support.payload';

export const HOUSING_SUPPORT = 'housing-support';

const wardVerification: StepDefinition = {
  id: 'ward-verification',
  name: { vi: 'Hội phường xác minh', en: 'Ward verification' },
  levels: ['ward', 'commune'],
  actions: ['approve', 'return', 'reject'],
  commentRequiredFor: ['return', 'reject'],
  deadline: { days: 7, escalateAfterDays: 3 },
};

const districtApproval: StepDefinition = {
  id: 'district-approval',
  name: { vi: 'Hội quận phê duyệt', en: 'District approval' },
  // Where the district level was abolished (two-level chains since 1 July 2025) the city decides.
  levels: ['district', 'city', 'province'],
  actions: ['approve', 'return', 'reject'],
  commentRequiredFor: ['return', 'reject'],
  approveData: [
    { name: 'approvedAmount', type: 'vnd', maxFromPayload: 'requestedAmount' },
    { name: 'fundingSource', type: 'text', maxLength: 200 },
  ],
  deadline: { days: 14, escalateAfterDays: 7 },
};

/**
 * Version 1, as cases opened before 12/2026 run it: the branch records every milestone, handover
 * closes the case whatever was disbursed. Kept so that those cases still resolve and replay.
 */
export const housingSupportDefinitionV1: ProcessDefinition = {
  processType: HOUSING_SUPPORT,
  version: 1,
  name: { vi: 'Hỗ trợ nhà ở', en: 'Housing support' },
  originLevels: ['branch'],
  payloadSchema: housingSupportPayloadSchema,
  checkPayload: (payload) => {
    const p = payload as HousingSupportPayload;
    if (p.requestedAmount > p.estimatedCost) {
      return { kind: 'unprocessable', code: 'housing.requested_above_estimate', params: { max: p.estimatedCost } };
    }
    return null;
  },
  searchFields: ['beneficiary.name', 'beneficiary.address'],
  memberFields: ['beneficiary.memberId'],
  requestedAmountField: 'requestedAmount',
  fundField: 'fundingSource',
  steps: [wardVerification, districtApproval],
  resubmitTo: 'returning-step',
  execution: {
    milestones: [
      { kind: 'construction-started', targetDays: 30 },
      { kind: 'construction-completed', targetDays: 120 },
      { kind: 'handed-over', targetDays: 150 },
    ],
    milestonesBy: ['origin', 'step:ward-verification'],
    disbursementsBy: ['step:district-approval'],
    capField: 'approvedAmount',
  },
};

/**
 * The national programme's support per house (xóa nhà tạm, nhà dột nát), by kind of works: 60.000.000 đ
 * for a new build and 30.000.000 đ for a repair since 10/11/2024 (the same 60/30 for households of
 * people with merit under QĐ 21/2024/QĐ-TTg), 50/25 million before. A new entry here reaches cases
 * submitted from its date on; each case keeps the amounts of its own date.
 */
export const housingSupportCap = [
  { value: { 'new-build': 50_000_000, repair: 25_000_000 } },
  { from: '2024-11-10', value: { 'new-build': 60_000_000, repair: 30_000_000 } },
];

/**
 * Version 2's district approval: the amount approved may exceed neither the amount requested nor the
 * support per house in force for the kind of works on the case's date.
 */
const districtApprovalCapped: StepDefinition = {
  ...districtApproval,
  approveData: [
    { name: 'approvedAmount', type: 'vnd', maxFromPayload: 'requestedAmount', maxFromSetting: { key: 'supportCap', by: 'kind' } },
    { name: 'fundingSource', type: 'text', maxLength: 200 },
  ],
};

/**
 * Housing support (xóa nhà dột nát, nhà tình nghĩa, nhà đồng đội): the branch proposes a household,
 * the ward verifies (khảo sát) and may return it, the district approves an amount and a fund; then
 * the branch records the start and the completion of the works, the ward confirms the handover (bàn
 * giao), and the district disburses against the approved amount. The case closes once the house is
 * handed over and the approved amount is paid in full, or the district settles the rest with a
 * reason. A revision that changes the money or the household goes back to the ward: its verification
 * was of the old request. The district approves at most the support per house in force on the case's
 * date (`supportCap`, by kind of works).
 */
export const housingSupportDefinition: ProcessDefinition = {
  ...housingSupportDefinitionV1,
  version: 2,
  steps: [wardVerification, districtApprovalCapped],
  settings: { supportCap: housingSupportCap },
  restartOnChangeOf: ['beneficiary', 'kind', 'estimatedCost', 'requestedAmount', 'otherFunding'],
  execution: {
    milestones: [
      { kind: 'construction-started', targetDays: 30 },
      { kind: 'construction-completed', targetDays: 120 },
      { kind: 'handed-over', targetDays: 150, by: ['step:ward-verification'] },
    ],
    milestonesBy: ['origin'],
    disbursementsBy: ['step:district-approval'],
    settlementBy: ['step:district-approval'],
    capField: 'approvedAmount',
    closeWhenDisbursed: true,
  },
};
