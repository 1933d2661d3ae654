import { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Recorded case histories, replayed by test/replay against today's workflow code. */
export const HISTORY_DIR = join(__dirname, '..', 'fixtures', 'histories');

/**
 * With LIENTHONG_RECORD_HISTORIES=1 (`npm run test:record-histories`), saves the history of a finished
 * scenario as a replay fixture. Record after a deliberate, versioned change only: the committed
 * fixtures are what running cases look like, and replaying them is how CI notices a change that
 * would break those cases.
 */
export async function recordHistory(handle: WorkflowHandle, name: string, runId?: string): Promise<void> {
  if (process.env.LIENTHONG_RECORD_HISTORIES !== '1') return;
  const history = await (runId ? handle.client.getHandle(handle.workflowId, runId) : handle).fetchHistory();
  mkdirSync(HISTORY_DIR, { recursive: true });
  writeFileSync(join(HISTORY_DIR, `${name}.json`), historyToJSON(history));
}
