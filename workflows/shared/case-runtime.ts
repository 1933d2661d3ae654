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
import type { CaseActivities, CaseProjection, CaseWorkflowInput, UpdateResult } from '@lienthong/contracts';
import { caseProjectionQuery, caseStateQuery, RULE_VIOLATION_FAILURE, SA_STATUS, submittedUpdate } from '@lienthong/contracts';
import { applyAlarm, CaseEvent, CaseState, ExecutionPhase, FINAL_STATUSES, nextAlarm, openCase, RuleViolation } from '@lienthong/domain';

const { projectCase } = proxyActivities<CaseActivities>({
  // A regular activity, not a local one, although a local one would add fewer history events: a local
  // activity runs inside a workflow task that the server may still discard (it does, when concurrent
  // Updates race for one step), and its write would then describe a decision that never happened.
  // A regular activity is only scheduled once the decision is durably in the history. For the same
  // reason the Update result is only seen by the caller once the change is durable.
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
 * The chain (approval-chain.ts) and the process's execution phase (execution-phase.ts) plug their
 * Update handlers in through `change`; `phase` holds the process module's rules for after approval.
 */
export class CaseRuntime {
  readonly state: CaseState;
  /** Events this workflow has not written to the read model itself (callers may have). */
  private pending: CaseEvent[] = [];
  private readonly callerProjects: boolean;
  private projectedSeq: number;
  private writing: Promise<void> = Promise.resolve();
  private searchStatus: string;

  constructor(
    private readonly input: CaseWorkflowInput,
    readonly phase: ExecutionPhase | null,
  ) {
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
    // Cases started with `callerProjects` hand each change's projection back to the caller in the
    // Update result (the API writes it; the worker's reconciler repairs what a dead caller left)
    // instead of writing it through the activity before answering. A change then costs 5 history
    // events instead of 11 (no activity events, no second workflow task): most of a case's history.
    // Older cases keep the activity until they close; their recorded histories replay (test/replay).
    this.callerProjects = input.callerProjects === true;
    setHandler(caseStateQuery, () => this.state);
    setHandler(caseProjectionQuery, () => this.projection(this.pending));
    // Sent together with the start (update-with-start), so the API can return the new case and a GET
    // right after finds it: the API writes the opening events from the result (or, for cases
    // started without the flag, the answer waits for the workflow's own write).
    const opening = [...this.pending];
    setHandler(submittedUpdate, async () => {
      if (this.callerProjects) return { seq: 1, requestHash: input.requestHash, projection: this.projection(opening) };
      await condition(() => this.projectedSeq >= 1);
      return { seq: this.state.seq, requestHash: input.requestHash };
    });
  }

  /**
   * Runs one accepted change: `apply` mutates the state synchronously (so the next Update's validator,
   * even in the same workflow task, already sees it). The caller gets the change's projection back and
   * writes it before it answers, so the API reads its own write; the change stays pending here until
   * the next write of the workflow's own (a deadline, continue-as-new), which repeats it harmlessly.
   */
  async change(apply: (now: number) => CaseEvent[], requestHash: string): Promise<UpdateResult> {
    const updateId = currentUpdateInfo()?.id ?? null;
    const events = apply(Date.now()).map((event) => ({ ...event, updateId, requestHash }));
    this.record(events);
    if (this.callerProjects) return { seq: this.state.seq, requestHash, projection: this.projection(events) };
    await this.flush();
    return { seq: this.state.seq, requestHash };
  }

  /** A copy: later changes must not leak into a result or a write that is being retried. */
  private projection(events: CaseEvent[]): CaseProjection {
    const state = JSON.parse(JSON.stringify(this.state)) as CaseState;
    return { state, events: [...events], requestHash: this.input.requestHash };
  }

  private record(events: CaseEvent[]): void {
    this.pending.push(...events);
    if (this.state.status !== this.searchStatus) {
      this.searchStatus = this.state.status;
      upsertSearchAttributes([{ key: SA_STATUS, value: this.state.status }]);
    }
  }

  /** Writes pending events in order, one activity at a time; resolves when all written so far are in. */
  private flush(): Promise<void> {
    const next = this.writing.then(() => this.writePending());
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return;
    const projection = this.projection(this.pending);
    this.pending = [];
    await projectCase(projection);
    this.projectedSeq = Math.max(this.projectedSeq, projection.events[projection.events.length - 1].seq);
  }

  /**
   * Waits for the case to close, firing its deadlines on the way (overdue, escalation, late
   * milestones). The timer is only replaced when the next deadline moves, not on every change.
   */
  async runToClose(): Promise<CaseState> {
    if (!this.callerProjects) await this.flush();
    while (!FINAL_STATUSES.includes(this.state.status)) {
      if (workflowInfo().continueAsNewSuggested) await this.continueAsNew();
      const alarm = nextAlarm(this.state, this.phase);
      if (alarm !== null && alarm <= Date.now()) {
        this.record(applyAlarm(this.state, Date.now(), this.phase));
        await this.flush();
        continue;
      }
      const moved = () =>
        nextAlarm(this.state, this.phase) !== alarm || FINAL_STATUSES.includes(this.state.status) || workflowInfo().continueAsNewSuggested;
      if (alarm === null) await condition(moved);
      else await condition(moved, alarm - Date.now());
    }
    // Answer every Update in flight before the workflow completes. The change that closed the case is
    // written by its caller (a dead caller's by the reconciler, which can still query a closed workflow).
    await condition(allHandlersFinished);
    if (!this.callerProjects) await this.flush();
    return this.state;
  }

  private async continueAsNew(): Promise<never> {
    await condition(allHandlersFinished);
    // The next run starts with nothing pending, so nothing may be left unwritten behind it.
    await this.flush();
    return continueAsNew<(input: CaseWorkflowInput) => Promise<unknown>>({ ...this.input, carried: this.state });
  }
}
