import {
  applyMilestoneAlarms,
  CompletionRule,
  ExecutionPhase,
  ledgerOperation,
  milestoneDeadline,
  milestoneOperation,
  nextMilestoneAlarm,
  phaseNotifications,
  settlementOperation,
  startExecution,
} from '@lienthong/domain';

/**
 * Housing's execution phase: milestones up to handover, disbursements against the approved amount,
 * and a settlement that closes the ledger below it. Cases opened under version 1 close at handover;
 * later ones once the money is paid in full too (the flag is frozen in each case's plan).
 */
const isComplete: CompletionRule = (e, state) => {
  const handedOver = e.milestones.every((m) => m.date);
  if (!state.plan?.closeWhenDisbursed) return handedOver;
  const paid = e.cap === null || e.disbursed >= e.cap || Boolean(e.settlement);
  return handedOver && paid;
};

export const housingSupportPhase: ExecutionPhase = {
  operations: {
    milestone: milestoneOperation(isComplete),
    disbursement: ledgerOperation('disbursement', isComplete),
    settlement: settlementOperation(isComplete),
  },
  begin: startExecution,
  nextAlarm: nextMilestoneAlarm,
  applyAlarm: applyMilestoneAlarms,
  notifications: phaseNotifications,
  deadline: milestoneDeadline,
};
