import { z } from 'zod';
import { ProcessModule, ProcessRegistry } from '@lienthong/domain';
import { PROCESSES } from '@lienthong/processes';
import { casesApi, demoUnitId } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

/**
 * A process is a module: a definition, a payload schema, texts, and a line in a registry. This one
 * exists only here ("Trồng cây nghĩa tình", a branch's tree-planting drive confirmed by the ward) and
 * runs through the real API, worker, Temporal and PostgreSQL with no other code of its own.
 */
const treePlanting: ProcessModule = {
  processType: 'tree-planting',
  definitions: [
    {
      processType: 'tree-planting',
      version: 1,
      name: { vi: 'Trồng cây nghĩa tình', en: 'Tree planting' },
      originLevels: ['branch'],
      payloadSchema: z.strictObject({ place: z.string().trim().min(1).max(200), trees: z.number().int().min(1).max(10_000) }),
      checkPayload: (payload) =>
        (payload as { trees: number }).trees > 500 ? { kind: 'unprocessable', code: 'trees.too_many', params: { max: 500 } } : null,
      searchFields: ['place'],
      steps: [
        {
          id: 'ward-confirmation',
          name: { vi: 'Hội phường xác nhận', en: 'Ward confirmation' },
          levels: ['ward'],
          actions: ['approve', 'return'],
          commentRequiredFor: ['return'],
          deadline: { days: 5, escalateAfterDays: null },
        },
      ],
      resubmitTo: 'returning-step',
    },
  ],
  phase: null,
  ownWords: ['tree', 'trees'],
  messages: { 'trees.too_many': { vi: 'Mỗi đợt trồng tối đa {max} cây.', en: 'At most {max} trees per drive.' } },
  example: { title: 'Trồng cây ven đê', payload: { place: 'Đê sông Hồng', trees: 120 } },
};

describe('a process added as a module and one registry line', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;

  beforeAll(async () => {
    apps = await startTestApps({ processes: new ProcessRegistry([...PROCESSES.modules, treePlanting]) });
    api = casesApi(apps);
  });
  afterAll(async () => {
    await apps?.close();
  });

  it('runs through the API: created, listed, searched, confirmed, with its own rules and texts', async () => {
    const [branch, ward] = [await apps.login('ngocthuy.ch1'), await apps.login('ngocthuy')];
    const unitId = await demoUnitId(apps.dataSource, 'ngocthuy.ch1');
    const body = { processType: 'tree-planting', unitId, title: 'Trồng cây ven đê', payload: { place: 'Đê sông Hồng, phường Ngọc Thụy', trees: 120 } };

    const bad = await api.create(branch, { ...body, payload: { place: '', trees: 1.5 } }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['payload.place', 'payload.trees']);
    const tooMany = await api.create(branch, { ...body, payload: { ...body.payload, trees: 600 } }).expect(422);
    expect(tooMany.body).toMatchObject({ code: 'trees.too_many', message: 'Mỗi đợt trồng tối đa 500 cây.' });

    const created = await api.create(branch, body).expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ processType: 'tree-planting', status: 'pending', currentStep: { id: 'ward-confirmation' } });
    expect((await api.get(ward, '/api/cases?processType=tree-planting&q=de song hong').expect(200)).body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await api.inbox(ward).expect(200)).body.counts).toMatchObject({ 'tree-planting': 1 });

    const done = await api.decide(ward, id, { action: 'approve' }).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', execution: null, allowedActions: [] });
    await api.post(ward, `/api/cases/${id}/disbursements`, { amount: 1_000, date: '2026-01-01' }).expect(409);

    const doc = await apps.http().get('/api/docs-json').expect(200);
    expect(doc.body.components.schemas.TreePlantingPayload).toMatchObject({ type: 'object', required: ['place', 'trees'] });
  });
});
