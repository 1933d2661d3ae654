import type { ProcessModule } from '@lienthong/domain';
import { INTEREST_FREE_LOAN, interestFreeLoanDefinition } from './interest-free-loan.definition';
import { interestFreeLoanExample } from './interest-free-loan.payload';
import { interestFreeLoanPhase } from './interest-free-loan.phase';
import { interestFreeLoanMessages } from './interest-free-loan.texts';

export * from './interest-free-loan.definition';
export * from './interest-free-loan.payload';
export { addMonths } from './interest-free-loan.phase';

export const interestFreeLoan: ProcessModule = {
  processType: INTEREST_FREE_LOAN,
  definitions: [interestFreeLoanDefinition],
  phase: interestFreeLoanPhase,
  messages: interestFreeLoanMessages,
  ownWords: ['loan', 'loans', 'lend', 'lent'],
  example: interestFreeLoanExample,
};
