import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities, CaseWorkflowInput, UpdateResult } from '../../libs/contracts/src/case.contract';
import { caseStateQuery, RULE_VIOLATION_FAILURE, submittedUpdate } from '../../libs/contracts/src/case.contract';
import { SA_STATUS } from '../../libs/contracts/src/search-attributes.contract';
import { applyAlarm, nextAlarm, openCase } from '../../libs/domain/src/approval/approval-rules';
import { CaseEvent, CaseState, FINAL_STATUSES, RuleViolation } from '../../libs/domain/src/approval/case-model';

const { projectCase } = proxyActivities<CaseActivities>({
  // A regular activity, not a local one, although a local one would add fewer history events: a local
  // activity runs inside a workflow task that the server may still discard (it does, when concurrent
  // Updates race for one step), and its write would then describe a decision that never happened.
  // A regular activity is only scheduled once the decision is durably in the history.
  startToCloseTimeout: '10 seconds',
  // The change is already in the workflow state when the projection runs: the read model must
  // converge, not diverge. So retry until PostgreSQL answers again, backing off to once a minute.
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** A refusal from a validator: the caller gets it synchronously and the history records nothing. */
export function refuse(violation: RuleViolation | null): void {
  if (violation) {
    throw ApplicationFailure.create({
      type: RULE_VIOLATION_FAILURE,
      message: violation.code,
      details: [violation],
      nonRetryable: true,
    });
  }
}

/**
 * The durable life of one case, shared by every process: its state (the source of truth), the
 * projection of its events into PostgreSQL, its deadlines, its search attributes and continue-as-new.
 * Processes plug their Update handlers in (approval-chain.ts, execution phases) through `change`.
 */
export class CaseRuntime {
  readonly state: CaseState;
  private pending: CaseEvent[] = [];
  private projectedSeq: number;
  private writing: Promise<void> = Promise.resolve();
  private searchStatus: string;

  constructor(private readonly input: CaseWorkflowInput) {
    if (input.carried) {
      // Continued as new: everything up to carried.seq is already in the read model.
      this.state = input.carried;
      this.projectedSeq = input.carried.seq;
    } else {
      const { state, events } = openCase(input, Date.now());
      this.state = state;
      this.pending = events;
      this.projectedSeq = 0;
    }
    this.searchStatus = this.state.status;
    setHandler(caseStateQuery, () => this.state);
    // Sent together with the start (update-with-start): answers once the case is in the read model,
    // so the API can return it and a GET right after finds it.
    setHandler(submittedUpdate, async () => {
      await condition(() => this.projectedSeq >= 1);
      return { seq: this.state.seq, requestHash: input.requestHash };
    });
  }

  /**
   * Runs one accepted change: `apply` mutates the state synchronously (so the next Update's validator,
   * even in the same workflow task, already sees it), then the events are written to the read model
   * before the caller is answered, so the API reads its own write.
   */
  async change(apply: (now: number) => CaseEvent[], requestHash: string): Promise<UpdateResult> {
    const updateId = currentUpdateInfo()?.id ?? null;
    this.record(apply(Date.now()).map((event) => ({ ...event, updateId, requestHash })));
    await this.flush();
    return { seq: this.state.seq, requestHash };
  }

  private record(events: CaseEvent[]): void {
    this.pending.push(...events);
    if (this.state.status !== this.searchStatus) {
      this.searchStatus = this.state.status;
      upsertSearchAttributes([{ key: SA_STATUS, value: this.state.status }]);
    }
  }

  /** Writes pending events in order, one local activity at a time; resolves when all written so far are in. */
  private flush(): Promise<void> {
    const next = this.writing.then(() => this.writePending());
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    // A copy: later changes must not leak into a write that is being retried.
    const state = JSON.parse(JSON.stringify(this.state)) as CaseState;
    await projectCase({ state, events, requestHash: this.input.requestHash });
    this.projectedSeq = Math.max(this.projectedSeq, events[events.length - 1].seq);
  }

  /**
   * Waits for the case to close, firing its deadlines on the way (overdue, escalation, late
   * milestones). The timer is only replaced when the next deadline moves, not on every change.
   */
  async runToClose(): Promise<CaseState> {
    await this.flush();
    while (!FINAL_STATUSES.includes(this.state.status)) {
      if (workflowInfo().continueAsNewSuggested) await this.continueAsNew();
      const alarm = nextAlarm(this.state);
      if (alarm !== null && alarm <= Date.now()) {
        this.record(applyAlarm(this.state, Date.now()));
        await this.flush();
        continue;
      }
      const moved = () =>
        nextAlarm(this.state) !== alarm || FINAL_STATUSES.includes(this.state.status) || workflowInfo().continueAsNewSuggested;
      if (alarm === null) await condition(moved);
      else await condition(moved, alarm - Date.now());
    }
    // Answer every Update in flight (each awaits its projection) before the workflow completes.
    await condition(allHandlersFinished);
    await this.flush();
    return this.state;
  }

  private async continueAsNew(): Promise<never> {
    await condition(allHandlersFinished);
    await this.flush();
    return continueAsNew<(input: CaseWorkflowInput) => Promise<unknown>>({ ...this.input, carried: this.state });
  }
}
