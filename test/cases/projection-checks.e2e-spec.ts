import { randomUUID } from 'node:crypto';
import { ProjectionChecksService } from '@lienthong/persistence';
import { waitFor } from '../../tools/stack/ports';
import { casesApi, demoUnitId, housingBody } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

/**
 * The API's promise to write each change it sends (projection_checks): kept and settled by every
 * answered request, whatever the answer, and left to the worker's reconciler only when the API could
 * not finish (worker-crash.e2e-spec.ts covers a change the reconciler then writes).
 */
describe('projection checks', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  const checksOf = async (caseId: string) =>
    ((await apps.dataSource.query('SELECT count(*)::int AS n FROM projection_checks WHERE case_id = $1', [caseId]))[0] as { n: number }).n;

  beforeAll(async () => {
    apps = await startTestApps({ env: { PROJECTION_CHECK_AFTER_SECONDS: '1' } });
    api = casesApi(apps);
  });
  afterAll(async () => {
    await apps?.close();
  });

  it('settles its check with every answer: a creation, an accepted decision, a refused one', async () => {
    const [initiator, ward] = [await apps.login('ngocthuy.ch1'), await apps.login('ngocthuy')];
    const created = await api.create(initiator, housingBody(await demoUnitId(apps.dataSource, 'ngocthuy.ch1'))).expect(201);
    const caseId = created.body.id as string;
    expect(await checksOf(caseId)).toBe(0);

    await api.decide(initiator, caseId, { action: 'approve' }).expect(403);
    expect(await checksOf(caseId)).toBe(0);
    await api.decide(ward, caseId, { action: 'approve', comment: 'Đã khảo sát' }).expect(200);
    expect(await checksOf(caseId)).toBe(0);
  });

  it('drops a due check whose case never reached Temporal, writing nothing', async () => {
    const caseId = randomUUID();
    await new ProjectionChecksService(apps.dataSource).expect(caseId, 'submitted', 0);
    await waitFor('the reconciler to drop the check', async () => (await checksOf(caseId)) === 0, { timeoutMs: 20_000 });
    const rows = await apps.dataSource.query('SELECT 1 FROM cases WHERE id = $1', [caseId]);
    expect(rows).toHaveLength(0);
  });
});
