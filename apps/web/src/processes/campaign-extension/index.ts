import { CAMPAIGN_EXTENSION, campaignExtension, campaignExtensionDefinition, campaignExtensionPayloadSchema } from '@lienthong/processes';
import type { WebProcess } from '../types';
import { CampaignExtensionPayloadView } from './CampaignExtensionPayloadView';

/** Extension requests in the web app: read-only here (opened from the campaign screens), decided with the generic actions. */
export const campaignExtensionWeb: WebProcess<typeof CAMPAIGN_EXTENSION> = {
  processType: CAMPAIGN_EXTENSION,
  server: campaignExtension,
  definition: campaignExtensionDefinition,
  schema: campaignExtensionPayloadSchema,
  PayloadView: CampaignExtensionPayloadView,
};
