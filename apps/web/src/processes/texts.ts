import type { components } from '../api/schema';
import { campaignExtensionTexts } from './campaign-extension/texts';
import { campaignRemittanceTexts } from './campaign-remittance/texts';
import { housingSupportTexts } from './housing-support/texts';
import { interestFreeLoanTexts } from './interest-free-loan/texts';
import { supportVisitTexts } from './support-visit/texts';

type ProcessType = components['schemas']['CaseDetailDto']['processType'];
type Tree = { readonly [key: string]: string | Tree };

/**
 * What every process module's texts hold, in each language (English with the same keys as the
 * Vietnamese: each module types its `en` from its `vi`). The generic pages read `name`, `newTitle`,
 * `intro` and, where a module words them its own way, `action.*`, `event.*`, `milestone.*`,
 * `detail.execution`; the rest is the module's own.
 */
export interface ProcessTexts extends Tree {
  /** "Hỗ trợ nhà ở": in lists, filters, tags. */
  readonly name: string;
  /** The heading of its create form: "Lập hồ sơ hỗ trợ nhà ở". */
  readonly newTitle: string;
  /** One line on who does what, under that heading and in the list of processes to start. */
  readonly intro: string;
}

/**
 * The texts of every process the API knows, by process type: pure data (no React), so that the
 * i18n resources, the tests and the browser tests load them without the app. A process in the
 * API's enum without texts here is a compile error, as in registry.ts.
 */
export const PROCESS_TEXTS: { readonly [K in ProcessType]: { readonly vi: ProcessTexts; readonly en: ProcessTexts } } = {
  'housing-support': housingSupportTexts,
  'support-visit': supportVisitTexts,
  'interest-free-loan': interestFreeLoanTexts,
  'campaign-remittance': campaignRemittanceTexts,
  'campaign-extension': campaignExtensionTexts,
};
