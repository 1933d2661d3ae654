import type { ProcessModule } from '@lienthong/domain';
import { SUPPORT_VISIT, supportVisitDefinition } from './support-visit.definition';
import { supportVisitExample } from './support-visit.payload';
import { supportVisitMessages } from './support-visit.texts';

export * from './support-visit.definition';
export * from './support-visit.payload';

/** No execution phase: a confirmed visit is complete. */
export const supportVisit: ProcessModule = {
  processType: SUPPORT_VISIT,
  definitions: [supportVisitDefinition],
  phase: null,
  messages: supportVisitMessages,
  ownWords: ['condolence', 'hardship'],
  example: supportVisitExample,
};
