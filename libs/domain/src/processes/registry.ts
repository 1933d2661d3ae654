import { housingSupportDefinition } from './housing-support.definition';
import { ProcessDefinition } from './process-definition';

/** Every process Liên Thông runs. Fund campaigns and commendations join this list. */
export const PROCESS_DEFINITIONS: readonly ProcessDefinition[] = [housingSupportDefinition];
