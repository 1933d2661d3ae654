import type { ProcessDefinition } from '@lienthong/domain';
import { interestFreeLoanPayloadSchema } from './interest-free-loan.payload';

export const INTEREST_FREE_LOAN = 'interest-free-loan';

/**
 * An interest-free loan from the association's fund (cho vay vốn không lãi): the branch proposes a
 * member, the ward approves an amount (at most the one asked for) from a named fund, pays it out and
 * records the repayments; the case completes when the loan is repaid in full.
 */
export const interestFreeLoanDefinition: ProcessDefinition = {
  processType: INTEREST_FREE_LOAN,
  version: 1,
  name: { vi: 'Cho vay vốn không lãi', en: 'Interest-free loan' },
  originLevels: ['branch'],
  payloadSchema: interestFreeLoanPayloadSchema,
  searchFields: ['borrower.name'],
  memberFields: ['borrower.memberId'],
  requestedAmountField: 'amount',
  fundField: 'fundingSource',
  steps: [
    {
      id: 'ward-approval',
      name: { vi: 'Hội phường xét duyệt', en: 'Ward approval' },
      levels: ['ward', 'commune'],
      actions: ['approve', 'return', 'reject'],
      commentRequiredFor: ['return', 'reject'],
      approveData: [
        { name: 'approvedAmount', type: 'vnd', maxFromPayload: 'amount' },
        { name: 'fundingSource', type: 'text', maxLength: 200 },
      ],
      deadline: { days: 10, escalateAfterDays: 5 },
    },
  ],
  resubmitTo: 'returning-step',
  restartOnChangeOf: ['borrower', 'amount', 'termMonths'],
  execution: {
    milestones: [],
    milestonesBy: [],
    disbursementsBy: ['step:ward-approval'],
    repaymentsBy: ['step:ward-approval'],
    settlementBy: ['step:ward-approval'],
    capField: 'approvedAmount',
  },
};
