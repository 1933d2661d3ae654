import { ProcessRegistry } from '@lienthong/domain';
import { housingSupport } from './housing-support';

/** Every process Liên Thông runs: one line per module folder. */
export const PROCESSES = new ProcessRegistry([housingSupport]);
