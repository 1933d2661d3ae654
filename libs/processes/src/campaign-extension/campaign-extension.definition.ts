import type { ProcessDefinition } from '@lienthong/domain';
import { CampaignExtensionPayload, campaignExtensionPayloadSchema } from './campaign-extension.payload';

export const CAMPAIGN_EXTENSION = 'campaign-extension';

/**
 * A unit asks for more time to collect in a fund campaign (xin gia hạn), and an officer of its parent
 * approves or refuses with a reason. An approved extension lets that one unit record contributions
 * until its date; the campaign closes for everyone else. Opened only by the campaign API.
 */
export const campaignExtensionDefinition: ProcessDefinition = {
  processType: CAMPAIGN_EXTENSION,
  version: 1,
  name: { vi: 'Gia hạn vận động', en: 'Campaign extension' },
  originLevels: ['branch', 'ward', 'commune', 'district'],
  payloadSchema: campaignExtensionPayloadSchema,
  checkPayload: (payload) => {
    const p = payload as CampaignExtensionPayload;
    return p.until <= p.endDate ? { kind: 'unprocessable', code: 'campaign.extension_not_later', params: { endDate: p.endDate } } : null;
  },
  searchFields: ['campaignCode', 'campaignTitle', 'reason'],
  steps: [
    {
      id: 'parent-decision',
      name: { vi: 'Cấp trên quyết định gia hạn', en: 'The parent unit decides' },
      levels: ['ward', 'commune', 'district', 'city', 'province'],
      aboveOrigin: true,
      actions: ['approve', 'reject'],
      commentRequiredFor: ['reject'],
      deadline: { days: 3, escalateAfterDays: null },
    },
  ],
  resubmitTo: 'returning-step',
};
