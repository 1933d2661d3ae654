import { SUPPORT_VISIT, supportVisit, supportVisitDefinition, supportVisitPayloadSchema } from '@lienthong/processes';
import type { WebProcess } from '../types';
import { SupportVisitForm } from './SupportVisitForm';
import { SupportVisitPayloadView } from './SupportVisitPayloadView';

/** Support visits in the web app: one confirmation by the ward, no execution phase. */
export const supportVisitWeb: WebProcess<typeof SUPPORT_VISIT> = {
  processType: SUPPORT_VISIT,
  server: supportVisit,
  definition: supportVisitDefinition,
  schema: supportVisitPayloadSchema,
  Form: SupportVisitForm,
  PayloadView: SupportVisitPayloadView,
};
