import type { ProcessModule } from '@lienthong/domain';
import { CAMPAIGN_EXTENSION, campaignExtensionDefinition } from './campaign-extension.definition';
import { campaignExtensionExample } from './campaign-extension.payload';

export * from './campaign-extension.definition';
export * from './campaign-extension.payload';

/** No execution phase: the decision is the end; the campaign's ledger records what it allows. */
export const campaignExtension: ProcessModule = {
  processType: CAMPAIGN_EXTENSION,
  definitions: [campaignExtensionDefinition],
  phase: null,
  messages: {},
  ownWords: [],
  example: campaignExtensionExample,
  startedBy: { primitive: 'campaign', purpose: 'extension' },
};
