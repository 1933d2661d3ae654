import { ProcessRegistry } from '@lienthong/domain';
import { campaignExtension } from './campaign-extension';
import { campaignRemittance } from './campaign-remittance';
import { housingSupport } from './housing-support';
import { interestFreeLoan } from './interest-free-loan';
import { supportVisit } from './support-visit';

/** Every process Liên Thông runs: one line per module folder. */
export const PROCESSES = new ProcessRegistry([housingSupport, supportVisit, interestFreeLoan, campaignRemittance, campaignExtension]);
