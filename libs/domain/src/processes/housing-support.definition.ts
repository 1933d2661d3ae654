import { z } from 'zod';
import { ProcessDefinition } from './process-definition';

export const HOUSING_SUPPORT = 'housing-support';

const text = (max: number) => z.string().trim().min(1).max(max);
const vnd = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** The public contract of a housing-support case's payload (field names are part of the API). */
export const housingSupportPayloadSchema = z.strictObject({
  beneficiary: z.strictObject({
    name: text(200),
    address: text(500),
    phone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/, 'must be a phone number').optional(),
    memberId: z.uuid().optional(),
  }),
  situation: text(5000),
  kind: z.enum(['new-build', 'repair']),
  estimatedCost: vnd,
  requestedAmount: vnd,
  otherFunding: z.array(z.strictObject({ source: text(200), amount: vnd })).max(20).default([]),
});
export type HousingSupportPayload = z.infer<typeof housingSupportPayloadSchema>;

/**
 * Housing support (xóa nhà dột nát, nhà tình nghĩa, nhà đồng đội): the branch proposes a household,
 * the ward verifies (khảo sát) and may return it, the district approves an amount and a fund; then
 * construction starts, completes and the house is handed over (bàn giao), with disbursements recorded
 * by the district against the approved amount.
 */
export const housingSupportDefinition: ProcessDefinition = {
  processType: HOUSING_SUPPORT,
  version: 1,
  name: { vi: 'Hỗ trợ nhà ở', en: 'Housing support' },
  originLevels: ['branch'],
  payloadSchema: housingSupportPayloadSchema,
  checkPayload: (payload) => {
    const p = payload as HousingSupportPayload;
    if (p.requestedAmount > p.estimatedCost) {
      return { kind: 'unprocessable', code: 'case.requested_above_estimate', params: { max: p.estimatedCost } };
    }
    return null;
  },
  searchFields: ['beneficiary.name', 'beneficiary.address'],
  requestedAmountField: 'requestedAmount',
  steps: [
    {
      id: 'ward-verification',
      name: { vi: 'Hội phường xác minh', en: 'Ward verification' },
      levels: ['ward', 'commune'],
      actions: ['approve', 'return', 'reject'],
      commentRequiredFor: ['return', 'reject'],
      deadline: { days: 7, escalateAfterDays: 3 },
    },
    {
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
    },
  ],
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
