import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HISTORY_DIR } from '../support/history-fixtures';
import { testEnv } from '../support/test-env';

/**
 * Every recorded case history must replay against the current workflow code without a
 * nondeterminism error. A change that fails here would break cases already running in production:
 * guard it with `patched()`, a flag in the workflow input or a new workflow type instead of
 * re-recording the fixture.
 */
describe('replay of recorded case histories', () => {
  const files = readdirSync(HISTORY_DIR).filter((f) => f.endsWith('.json'));

  it('has fixtures from the scenarios to replay, from every generation of running cases', () => {
    // v1-*: recorded when every change went through the projection activity; cases like these may
    // still be running, so they must replay (without `callerProjects` in their input they keep that path).
    expect(files.filter((f) => f.startsWith('v1-')).length).toBeGreaterThanOrEqual(5);
    // v2-*: callers write the read model; housing ran as `housingSupportWorkflow` with definition 1.
    expect(files.filter((f) => f.startsWith('v2-')).length).toBeGreaterThanOrEqual(5);
    // The rest: today's `caseWorkflow`, for every process module.
    expect(files.filter((f) => !/^v\d-/.test(f)).length).toBeGreaterThanOrEqual(5);
  });

  it('replays each of them deterministically', async () => {
    const histories = files.map((file) => ({
      workflowId: basename(file, '.json'),
      history: historyFromJSON(JSON.parse(readFileSync(join(HISTORY_DIR, file), 'utf8'))),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: testEnv('workflowBundle') } }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
