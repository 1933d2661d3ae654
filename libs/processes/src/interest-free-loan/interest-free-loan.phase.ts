import {
  CaseEvent,
  CaseState,
  CompletionRule,
  emit,
  endOfDateHcm,
  ExecutionPhase,
  ledgerOperation,
  NO_STEP,
  NotificationPlan,
  OperationRules,
  LedgerRequest,
  phaseNotifications,
  settlementOperation,
  startExecution,
} from '@lienthong/domain';
import type { InterestFreeLoanPayload } from './interest-free-loan.payload';

/**
 * A loan's execution phase: the ward pays the approved amount out (in one or several parts, or
 * settles it lower), the borrower pays it back, and the case completes when everything paid out is
 * back and nothing more is to be paid out. The whole loan falls due `termMonths` after the first
 * payout; if money is still outstanding at the end of that day, the ward and the branch are told.
 */
const isComplete: CompletionRule = (e) => {
  const paidOut = e.cap === null || e.disbursed + (e.settlement?.waived ?? 0) >= e.cap;
  return paidOut && e.disbursed > 0 && (e.repaid ?? 0) >= e.disbursed;
};

/** `months` calendar months after a YYYY-MM-DD date, on the last day of a shorter month (31/1 + 1 → 28/2). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const disburse = ledgerOperation('disbursement', isComplete);
const payout: OperationRules<LedgerRequest> = {
  ...disburse,
  apply(state, actor, req, now) {
    const events = disburse.apply(state, actor, req, now);
    const e = state.execution!;
    // The term runs from the first payout.
    if (!e.repaymentDue) e.repaymentDue = { date: addMonths(req.date, (state.payload as InterestFreeLoanPayload).termMonths), overdue: false };
    return events;
  },
};

const outstanding = (state: CaseState) => state.execution!.disbursed - (state.execution!.repaid ?? 0);

function nextAlarm(state: CaseState): number | null {
  const due = state.status === 'in_progress' ? state.execution?.repaymentDue : null;
  return due && !due.overdue ? endOfDateHcm(due.date) : null;
}

function applyAlarm(state: CaseState, now: number): CaseEvent[] {
  const due = state.status === 'in_progress' ? state.execution?.repaymentDue : null;
  if (!due || due.overdue || now < endOfDateHcm(due.date) || outstanding(state) <= 0) return [];
  due.overdue = true;
  return [emit(state, now, { action: 'repayment_overdue', actor: null, ...NO_STEP, comment: null, data: { dueDate: due.date, outstanding: outstanding(state) } })];
}

function notifications(state: CaseState, event: CaseEvent): NotificationPlan[] {
  if (event.action !== 'repayment_overdue') return phaseNotifications(state, event);
  const params = { title: state.title, dueDate: event.data?.dueDate, outstanding: event.data?.outstanding };
  return [
    { kind: 'repayment_overdue', to: { units: state.plan?.repaymentUnitIds ?? [] }, params },
    { kind: 'repayment_overdue', to: { user: state.initiator.userId }, params },
  ];
}

export const interestFreeLoanPhase: ExecutionPhase = {
  operations: {
    disbursement: payout,
    repayment: ledgerOperation('repayment', isComplete),
    settlement: settlementOperation(isComplete),
  },
  begin: startExecution,
  nextAlarm,
  applyAlarm,
  notifications,
  deadline: (state) => {
    const due = state.execution?.repaymentDue;
    return due ? { dueAt: new Date(endOfDateHcm(due.date)).toISOString(), overdue: due.overdue } : { dueAt: null, overdue: false };
  },
};
