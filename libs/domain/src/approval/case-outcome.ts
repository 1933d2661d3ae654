import type { CaseEvent, CaseState } from './case-model';

/** How a case's chain of decisions ended. */
export type ChainOutcome = 'approved' | 'rejected' | 'cancelled';

/** Reached the count a step needs: `data.votes`/`data.required` are only there when a step needs several. */
export function decisiveVote(event: Pick<CaseEvent, 'data'>): boolean {
  const { votes, required } = event.data ?? {};
  return typeof required !== 'number' || (typeof votes === 'number' && votes >= required);
}

/**
 * The outcome `event` gave the case's chain, or null when it did not end it: the deciding approval of
 * the last step, a deciding rejection, or the initiator's withdrawal. Derived from the event and the
 * case's chain alone, so whichever projection carries the event reads the same outcome from it.
 */
export function chainOutcome(state: Pick<CaseState, 'chain'>, event: Pick<CaseEvent, 'action' | 'stepId' | 'data'>): ChainOutcome | null {
  switch (event.action) {
    case 'approved': {
      const last = state.chain[state.chain.length - 1];
      return last && event.stepId === last.id && decisiveVote(event) ? 'approved' : null;
    }
    case 'rejected':
      return decisiveVote(event) ? 'rejected' : null;
    case 'cancelled':
      return 'cancelled';
    default:
      return null;
  }
}
