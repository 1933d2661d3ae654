import { INTEREST_FREE_LOAN, interestFreeLoan, interestFreeLoanDefinition, interestFreeLoanPayloadSchema } from '@lienthong/processes';
import type { WebProcess } from '../types';
import { LoanExecutionView } from './LoanExecutionView';
import { LoanForm } from './LoanForm';
import { LoanPayloadView } from './LoanPayloadView';

/** Interest-free loans in the web app: payouts and repayments have their own panel. */
export const interestFreeLoanWeb: WebProcess<typeof INTEREST_FREE_LOAN> = {
  processType: INTEREST_FREE_LOAN,
  server: interestFreeLoan,
  definition: interestFreeLoanDefinition,
  schema: interestFreeLoanPayloadSchema,
  Form: LoanForm,
  PayloadView: LoanPayloadView,
  ExecutionView: LoanExecutionView,
};
