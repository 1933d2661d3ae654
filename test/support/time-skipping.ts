import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { loadStackConfig } from '@lienthong/config';
import type { CaseProjection } from '@lienthong/contracts';
import { stackLog } from '../../tools/stack/log';
import { resolveTemporalTestServer } from '../../tools/stack/temporal-cli';
import { testEnv } from './test-env';

/** Temporal's time-skipping test server (the project-local binary): days of deadlines pass in seconds. */
export async function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  const stack = loadStackConfig();
  const path = await resolveTemporalTestServer({
    explicitPath: stack.TEMPORAL_TEST_SERVER_PATH,
    toolsDir: stack.LIENTHONG_TOOLS_DIR,
    log: stackLog('time-skipping'),
  });
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

/** A worker on its own task queue whose projection activity only collects what reaches the read model. */
export async function collectingWorker(env: TestWorkflowEnvironment, name: string) {
  const projections: CaseProjection[] = [];
  const taskQueue = `${name}-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: testEnv('workflowBundle') },
    activities: { projectCase: async (p: CaseProjection) => void projections.push(p) },
  });
  return { worker, taskQueue, projections };
}
