import { HOUSING_SUPPORT, housingSupport, housingSupportDefinition, housingSupportPayloadSchema } from '@lienthong/processes';
import type { WebProcess } from '../types';
import { HousingForm } from './HousingForm';
import { HousingPayloadView } from './HousingPayloadView';

/**
 * Housing support in the web app. Its execution (milestones to handover, disbursements, the
 * settlement) reads well in the generic panel, worded by its texts (texts.ts).
 */
export const housingSupportWeb: WebProcess<typeof HOUSING_SUPPORT> = {
  processType: HOUSING_SUPPORT,
  server: housingSupport,
  definition: housingSupportDefinition,
  schema: housingSupportPayloadSchema,
  Form: HousingForm,
  PayloadView: HousingPayloadView,
};
