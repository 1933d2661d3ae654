import type { ProcessDefinition } from '@lienthong/domain';
import { SupportVisitPayload, supportVisitPayloadSchema } from './support-visit.payload';

export const SUPPORT_VISIT = 'support-visit';

/**
 * The small support work every ward reports (thăm hỏi, tặng quà, phúng viếng): a branch or ward
 * officer records a visit with what was given, and an officer of the ward confirms it (or returns
 * it to be corrected). Confirmed visits are what the term report counts.
 */
export const supportVisitDefinition: ProcessDefinition = {
  processType: SUPPORT_VISIT,
  version: 1,
  name: { vi: 'Thăm hỏi, tặng quà', en: 'Support visit' },
  originLevels: ['branch', 'ward', 'commune'],
  payloadSchema: supportVisitPayloadSchema,
  checkPayload: (payload, today) => {
    const p = payload as SupportVisitPayload;
    return p.date > today ? { kind: 'unprocessable', code: 'visit.date_in_future', params: { date: p.date } } : null;
  },
  searchFields: ['recipient.name'],
  memberFields: ['recipient.memberId'],
  requestedAmountField: 'amount',
  steps: [
    {
      id: 'ward-confirmation',
      name: { vi: 'Hội phường xác nhận', en: 'Ward confirmation' },
      // A visit recorded at the ward is confirmed there too, by another officer.
      levels: ['ward', 'commune'],
      actions: ['approve', 'return'],
      commentRequiredFor: ['return'],
      deadline: { days: 7, escalateAfterDays: null },
    },
  ],
  resubmitTo: 'returning-step',
};
