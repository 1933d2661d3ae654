import type { ProcessModule } from '@lienthong/domain';
import { HOUSING_SUPPORT, housingSupportDefinition, housingSupportDefinitionV1 } from './housing-support.definition';
import { housingSupportExample } from './housing-support.payload';
import { housingSupportPhase } from './housing-support.phase';
import { housingSupportMessages } from './housing-support.texts';

export * from './housing-support.definition';
export * from './housing-support.payload';

export const housingSupport: ProcessModule = {
  processType: HOUSING_SUPPORT,
  definitions: [housingSupportDefinitionV1, housingSupportDefinition],
  phase: housingSupportPhase,
  messages: housingSupportMessages,
  ownWords: ['housing', 'house', 'handover', 'construction'],
  example: housingSupportExample,
};
