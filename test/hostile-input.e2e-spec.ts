import { casesApi, demoUnitId, housingBody } from './support/cases-api';
import { startTestApps, TestApps } from './support/test-apps';

/**
 * What an attacker or a fuzzer sends: every such request gets a coded 4xx (never a 500) and writes
 * nothing. Issue 15 found each of these answering 500 or passing.
 */
describe('hostile input is refused with a coded 4xx', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  let branch: string;
  let ward: string;
  let unitId: string;

  beforeAll(async () => {
    apps = await startTestApps();
    api = casesApi(apps);
    [branch, ward] = await Promise.all([apps.login('ngocthuy.ch1'), apps.login('ngocthuy')]);
    unitId = await demoUnitId(apps.dataSource, 'ngocthuy.ch1');
  });
  afterAll(() => apps.close());

  const login = () => apps.http().post('/api/auth/login').set('Content-Type', 'application/json');

  it('a deeply nested JSON body at sign-in (no token needed) is a 400, not a crash', async () => {
    const depth = 10_000; // 60 KB at most: under the size limit, so depth alone is judged
    const nested = `{"username":"admin","password":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await login().send(nested).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'request.too_deep' });
    expect(res.body.message).toMatch(/lồng nhau/);
    const objects = `{"username":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},"password":"x"}`;
    expect((await login().send(objects).expect(400)).body.code).toBe('request.too_deep');
    // The same as a form body.
    const form = await apps
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`username${'[a]'.repeat(5000)}=1&password=x`);
    expect(form.status).toBe(400);
    expect(form.body.code).toMatch(/^(request\.|validation\.)/);
    // A body of ordinary depth still reaches validation.
    expect((await login().send({ username: { a: { b: 1 } }, password: 'x' }).expect(400)).body.code).toBe('validation.failed');
  });

  it('a body over the size limit is a 413 with a code, in Vietnamese', async () => {
    const res = await login().send(JSON.stringify({ username: 'admin', password: 'x'.repeat(2_000_000) })).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large', code: 'request.too_large' });
    expect(res.body.message).toMatch(/quá lớn/);
    const english = await login().set('Accept-Language', 'en').send(JSON.stringify({ password: 'x'.repeat(2_000_000) })).expect(413);
    expect(english.body.message).toMatch(/too large/i);
  });

  it('a body that says it is compressed and is not, or in an unknown encoding or charset, is a coded 4xx', async () => {
    const gzip = await login().set('Content-Encoding', 'gzip').send('{"username":"a","password":"b"}').expect(400);
    expect(gzip.body.code).toBe('request.malformed');
    const unknown = await login().set('Content-Encoding', 'zstd-x').send('{}').expect(415);
    expect(unknown.body.code).toBe('request.malformed');
    const charset = await apps.http().post('/api/auth/login').set('Content-Type', 'application/json; charset=klingon').send('{}').expect(415);
    expect(charset.body.code).toBe('request.malformed');
  });

  it('a compressed body that inflates past the size limit is a 413', async () => {
    const { gzipSync } = await import('node:zlib');
    const bomb = gzipSync(JSON.stringify({ username: 'a', password: 'x'.repeat(5_000_000) }));
    expect(bomb.length).toBeLessThan(20_000);
    // Over a real socket: supertest re-encodes a Buffer body.
    await apps.api.listen(0, '127.0.0.1');
    const { port } = apps.api.getHttpServer().address();
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    });
    const body = (await res.json()) as { code: string };
    expect(res.status).toBe(413);
    expect(body.code).toBe('request.too_large');
  });

  it.each([
    ['page', '2147483648'],
    ['page', '99999999999999999999'],
    ['page', '1e300'],
    ['pageSize', '2147483648'],
    ['pageSize', '101'],
  ])('a %s of %s is a 400 naming the field', async (field, value) => {
    const res = await api.get(branch, `/api/cases?${field}=${value}`).expect(400);
    expect(res.body).toMatchObject({ code: 'validation.failed', details: [{ field }] });
  });

  it('the last page the API accepts is answered (empty), not a 500', async () => {
    const res = await api.get(branch, '/api/cases?page=100000&pageSize=100').expect(200);
    expect(res.body).toMatchObject({ items: [], page: 100000, pageSize: 100 });
  });

  const invisible = ['\u200B', '\u200C\u200D', '\u2060 \uFEFF', '\u00A0\u200B\u00A0', '\u00AD\u180E', ' \u3000 '];

  it.each(invisible.map((s) => [JSON.stringify(s), s]))('a title blank to the eye (%s) is a 400 naming the title', async (_, title) => {
    const res = await api.create(branch, { ...housingBody(unitId), title }).expect(400);
    expect(res.body).toMatchObject({ code: 'validation.failed', details: [{ field: 'title' }] });
  });

  it("a payload's required text blank to the eye is a 400 naming the field", async () => {
    const body = housingBody(unitId);
    const payload = { ...body.payload, beneficiary: { ...body.payload.beneficiary, name: '\u200B\u00A0\uFEFF' }, situation: '\u2060' };
    const res = await api.create(branch, { ...body, payload }).expect(400);
    expect(res.body.code).toBe('validation.failed');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['payload.beneficiary.name', 'payload.situation']);
  });

  it('titles are stored NFC and without invisible characters at their ends', async () => {
    const decomposed = 'Sửa nhà cho hội viên Nguyễn Văn Hùng'.normalize('NFD');
    const res = await api.create(branch, { ...housingBody(unitId), title: `\u200B\uFEFF${decomposed}\u00A0\u200B` }).expect(201);
    expect(res.body.title).toBe('Sửa nhà cho hội viên Nguyễn Văn Hùng'.normalize('NFC'));
  });

  it('a rejection or return whose reason is blank to the eye is refused, and the case stays where it was', async () => {
    const created = await api.create(branch, housingBody(unitId)).expect(201);
    for (const action of ['reject', 'return']) {
      const res = await api.decide(ward, created.body.id, { action, comment: '\u200B\u2060\uFEFF\u00A0' }).expect(422);
      expect(res.body.code).toBe('case.comment_required');
    }
    const detail = await api.detail(ward, created.body.id).expect(200);
    expect(detail.body.status).toBe('pending');
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submitted']);
  });
});
