import type { ProcessDefinition } from '@lienthong/domain';
import { campaignRemittancePayloadSchema } from './campaign-remittance.payload';

export const CAMPAIGN_REMITTANCE = 'campaign-remittance';

/**
 * A unit hands the money of a fund campaign to its parent (nộp tiền vận động lên cấp trên), and an
 * officer of the parent confirms it arrived, or disputes it with a reason (reject). One step, always at
 * the remitting unit's parent (`aboveOrigin`): a branch remits to its ward, a ward to its district.
 * Opened only by the campaign API, which also records the outcome in the campaign's ledger.
 */
export const campaignRemittanceDefinition: ProcessDefinition = {
  processType: CAMPAIGN_REMITTANCE,
  version: 1,
  name: { vi: 'Nộp tiền vận động', en: 'Campaign remittance' },
  originLevels: ['branch', 'ward', 'commune', 'district'],
  payloadSchema: campaignRemittancePayloadSchema,
  searchFields: ['campaignCode', 'campaignTitle', 'reference'],
  requestedAmountField: 'amount',
  steps: [
    {
      id: 'parent-confirmation',
      name: { vi: 'Cấp trên xác nhận đã nhận tiền', en: 'The parent unit confirms receipt' },
      levels: ['ward', 'commune', 'district', 'city', 'province'],
      aboveOrigin: true,
      actions: ['approve', 'reject'],
      commentRequiredFor: ['reject'],
      deadline: { days: 7, escalateAfterDays: null },
    },
  ],
  resubmitTo: 'returning-step',
};
