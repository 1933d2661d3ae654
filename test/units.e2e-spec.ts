import { startTestApps, TestApps } from './support/test-apps';

interface UnitBody {
  id: string;
  name: string;
  parentId: string | null;
  level: { code: string };
}

describe('unit visibility: own units and below, admins see the organization', () => {
  let apps: TestApps;
  const label = (u: UnitBody, all: UnitBody[]) => {
    const parent = all.find((p) => p.id === u.parentId);
    return u.level.code === 'branch' && parent ? `${parent.name} / ${u.name}` : u.name;
  };
  const visibleTo = async (username: string) => {
    const token = await apps.login(username);
    const res = await apps.http().get('/api/units').auth(token, { type: 'bearer' }).expect(200);
    return { token, items: res.body.items as UnitBody[] };
  };
  let everything: UnitBody[];

  beforeAll(async () => {
    apps = await startTestApps({ worker: false });
    everything = (await visibleTo('admin')).items;
  });
  afterAll(() => apps.close());

  it('admin sees the whole organization, top-down', async () => {
    expect(everything.map((u) => label(u, everything))).toEqual([
      'Hội CCB quận Long Biên',
      'Hội CCB phường Ngọc Thụy',
      'Hội CCB phường Ngọc Thụy / Chi hội 1',
      'Hội CCB phường Ngọc Thụy / Chi hội 2',
      'Hội CCB phường Phúc Đồng',
      'Hội CCB phường Phúc Đồng / Chi hội 1',
    ]);
  });

  it.each([
    ['longbien', ['Hội CCB quận Long Biên', 'Hội CCB phường Ngọc Thụy', 'Hội CCB phường Ngọc Thụy / Chi hội 1', 'Hội CCB phường Ngọc Thụy / Chi hội 2', 'Hội CCB phường Phúc Đồng', 'Hội CCB phường Phúc Đồng / Chi hội 1']],
    ['ngocthuy', ['Hội CCB phường Ngọc Thụy', 'Hội CCB phường Ngọc Thụy / Chi hội 1', 'Hội CCB phường Ngọc Thụy / Chi hội 2']],
    ['ngocthuy.pho', ['Hội CCB phường Ngọc Thụy', 'Hội CCB phường Ngọc Thụy / Chi hội 1', 'Hội CCB phường Ngọc Thụy / Chi hội 2']],
    ['phucdong', ['Hội CCB phường Phúc Đồng', 'Hội CCB phường Phúc Đồng / Chi hội 1']],
    ['ngocthuy.ch1', ['Hội CCB phường Ngọc Thụy / Chi hội 1']],
    ['ngocthuy.ch2', ['Hội CCB phường Ngọc Thụy / Chi hội 2']],
    ['phucdong.ch1', ['Hội CCB phường Phúc Đồng / Chi hội 1']],
  ])('%s sees exactly their units and below', async (username, expected) => {
    const { items } = await visibleTo(username);
    expect(items.map((u) => label(u, everything))).toEqual(expected);
  });

  it('GET /api/units/:id returns a visible unit with breadcrumbs and children', async () => {
    const { token } = await visibleTo('ngocthuy');
    const ward = everything.find((u) => u.name === 'Hội CCB phường Ngọc Thụy')!;
    const res = await apps.http().get(`/api/units/${ward.id}`).auth(token, { type: 'bearer' }).expect(200);
    expect(res.body).toMatchObject({ id: ward.id, name: ward.name, level: { code: 'ward', name: 'Phường', rank: 1 } });
    expect(res.body.ancestors.map((a: UnitBody) => a.name)).toEqual(['Hội CCB quận Long Biên']);
    expect(res.body.children.map((c: UnitBody) => c.name)).toEqual(['Chi hội 1', 'Chi hội 2']);
  });

  it('answers 404 alike for a unit outside the caller’s view and one that does not exist', async () => {
    const { token } = await visibleTo('phucdong');
    const ngocthuy = everything.find((u) => u.name === 'Hội CCB phường Ngọc Thụy')!;
    const hidden = await apps.http().get(`/api/units/${ngocthuy.id}`).auth(token, { type: 'bearer' }).expect(404);
    const missing = await apps
      .http()
      .get('/api/units/00000000-0000-4000-8000-000000000000')
      .auth(token, { type: 'bearer' })
      .expect(404);
    expect(hidden.body).toEqual(missing.body);
    expect(hidden.body.message).toBe('Không tìm thấy đơn vị.');
  });

  it('answers 400 naming the field for an id that is not a UUID', async () => {
    const { token } = await visibleTo('admin');
    const res = await apps.http().get('/api/units/not-a-uuid').auth(token, { type: 'bearer' }).expect(400);
    expect(res.body.details).toEqual([{ field: 'id', messages: ['id must be a UUID'] }]);
  });

  it('keeps Vietnamese names intact (NFC) from the database to the wire', async () => {
    for (const u of everything) expect(u.name).toBe(u.name.normalize('NFC'));
    expect(everything.map((u) => u.name)).toContain('Hội CCB phường Phúc Đồng');
  });
});
