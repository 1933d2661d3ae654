import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@lienthong/config';
import { caseProjectionQuery, caseWorkflowId } from '@lienthong/contracts';
import { CaseProjectionService, DueCheck, ProjectionChecksService } from '@lienthong/persistence';
import { TemporalClient } from '@lienthong/temporal';

/** Due checks are few (only what a dead or impatient API left behind): a small table, polled cheaply. */
const POLL_INTERVAL_MS = 2_000;
const BATCH = 50;
/** A check taken but not settled (Temporal or the worker down) is tried again after this long. */
const LEASE_SECONDS = 30;

/**
 * Repairs the read model where the API did not finish its job: for each check row that fell due
 * (see ProjectionChecksService), it asks the case workflow for its state and the events it has not
 * written itself (a query: no history events, and it works on a closed workflow too), writes them
 * idempotently, and settles the checks. Several workers may run it at once: checks are leased.
 */
@Injectable()
export class ProjectionReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ProjectionReconciler');
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly checks: ProjectionChecksService,
    private readonly projections: CaseProjectionService,
    private readonly client: TemporalClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // One round at a time: a slow round (Temporal timing out) must not pile up behind itself.
      this.round = this.round
        .then(() => this.reconcileDue())
        .then(
          () => undefined,
          (err) => this.logger.warn(`Round failed: ${err}`),
        );
    }, POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One pass over the checks that are due; returns how many cases it brought up to date. */
  async reconcileDue(): Promise<number> {
    const due = await this.checks.takeDue(BATCH, LEASE_SECONDS);
    const byCase = new Map<string, DueCheck[]>();
    for (const check of due) byCase.set(check.caseId, [...(byCase.get(check.caseId) ?? []), check]);
    let repaired = 0;
    for (const [caseId, checks] of byCase) {
      const updateIds = checks.map((c) => c.updateId);
      try {
        const projection = await this.client.workflow.getHandle(caseWorkflowId(caseId)).query(caseProjectionQuery);
        await this.projections.apply(projection);
        repaired += 1;
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) {
          const attempts = Math.max(...checks.map((c) => c.attempts));
          this.logger.warn(`Case ${caseId}: cannot check the read model yet (attempt ${attempts}, again in ${LEASE_SECONDS}s): ${err}`);
          continue;
        }
        // No workflow: the creation never reached Temporal, so there is nothing to write.
      }
      await this.checks.settle(caseId, updateIds);
    }
    if (byCase.size > 0) this.logger.log(`Checked ${byCase.size} case(s) the API left unconfirmed; ${repaired} written`);
    return repaired;
  }
}
