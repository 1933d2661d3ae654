import { CAMPAIGN_REMITTANCE, campaignRemittance, campaignRemittanceDefinition, campaignRemittancePayloadSchema } from '@lienthong/processes';
import type { WebProcess } from '../types';
import { CampaignRemittancePayloadView } from './CampaignRemittancePayloadView';

/**
 * Remittances in the web app: read-only here (the campaign screens open them through the campaign's
 * API); the parent's officers confirm or dispute them with the generic decision actions.
 */
export const campaignRemittanceWeb: WebProcess<typeof CAMPAIGN_REMITTANCE> = {
  processType: CAMPAIGN_REMITTANCE,
  server: campaignRemittance,
  definition: campaignRemittanceDefinition,
  schema: campaignRemittancePayloadSchema,
  PayloadView: CampaignRemittancePayloadView,
};
