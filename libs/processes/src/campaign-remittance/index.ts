import type { ProcessModule } from '@lienthong/domain';
import { CAMPAIGN_REMITTANCE, campaignRemittanceDefinition } from './campaign-remittance.definition';
import { campaignRemittanceExample } from './campaign-remittance.payload';

export * from './campaign-remittance.definition';
export * from './campaign-remittance.payload';

/** No execution phase: confirmed (or disputed) is the end; the campaign's ledger records which. */
export const campaignRemittance: ProcessModule = {
  processType: CAMPAIGN_REMITTANCE,
  definitions: [campaignRemittanceDefinition],
  phase: null,
  messages: {},
  ownWords: [],
  example: campaignRemittanceExample,
  startedBy: { primitive: 'campaign', purpose: 'remittance' },
};
