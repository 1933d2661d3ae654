import { startTestApps, TestApps } from './support/test-apps';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The OpenAPI document says what the API really answers (issue 15): clients generated from it, and a
 * fuzzer driven by it, meet no undocumented error and no error of another shape.
 */
describe('the OpenAPI document (GET /api/docs-json)', () => {
  let apps: TestApps;
  let doc: Json;
  const operations = () =>
    Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
      ['get', 'put', 'post', 'delete', 'patch'].filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Json })),
    );
  const ERROR_REF = '#/components/schemas/ApiError';

  beforeAll(async () => {
    apps = await startTestApps({ worker: false });
    doc = (await apps.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => apps.close());

  it('documents 401 on every route that needs a token, 400 where there is input and 413 where there is a body', () => {
    const missing: string[] = [];
    for (const { path, method, op } of operations()) {
      const name = `${method.toUpperCase()} ${path}`;
      const secured = (op.security ?? []).length > 0;
      if (secured && !op.responses['401']) missing.push(`${name}: 401`);
      const input = op.requestBody || (op.parameters ?? []).some((p: Json) => ['query', 'path', 'header'].includes(p.in));
      if (input && !op.responses['400']) missing.push(`${name}: 400`);
      if (op.requestBody && !op.responses['413']) missing.push(`${name}: 413`);
    }
    expect(missing).toEqual([]);
    expect(operations().filter(({ op }) => (op.security ?? []).length > 0).length).toBeGreaterThan(15);
  });

  it('gives every error response the one error schema, examples kept', () => {
    const wrong = operations().flatMap(({ path, method, op }) =>
      Object.entries(op.responses as Record<string, Json>)
        .filter(([status]) => /^[45]/.test(status) && path !== '/api/health')
        .filter(([, r]) => r.content?.['application/json']?.schema?.$ref !== ERROR_REF)
        .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(doc.components.schemas.ApiError.required).toEqual(['statusCode', 'error', 'code', 'message']);
    const keyReused = doc.paths['/api/cases'].post.responses['422'].content['application/json'];
    expect(keyReused.example).toMatchObject({ statusCode: 422, code: expect.any(String) });
  });

  it('answers errors in that schema', async () => {
    const bodies = [
      (await apps.http().get('/api/units').expect(401)).body,
      (await apps.http().post('/api/auth/login').send({ username: 'x' }).expect(400)).body,
      (await apps.http().post('/api/auth/login').send({ username: 'nobody', password: 'x' }).expect(401)).body,
    ];
    const properties = Object.keys(doc.components.schemas.ApiError.properties);
    for (const body of bodies) {
      for (const key of doc.components.schemas.ApiError.required) expect(body).toHaveProperty(key);
      expect(Object.keys(body).every((k) => properties.includes(k))).toBe(true);
    }
  });

  it('links case creation to the routes of the case it creates', () => {
    const links = doc.paths['/api/cases'].post.responses['201'].links as Record<string, Json>;
    const caseOperations = operations().filter(({ path }) => path.startsWith('/api/cases/{id}'));
    expect(Object.keys(links)).toHaveLength(caseOperations.length);
    expect(links.detail).toEqual(expect.objectContaining({ operationId: 'CasesController_detail', parameters: { id: '$response.body#/id' } }));
    const ids = new Set(operations().map(({ op }) => op.operationId));
    for (const link of Object.values(links)) expect(ids.has(link.operationId)).toBe(true);
  });

  it('states the bounds of paging', () => {
    const params = doc.paths['/api/cases'].get.parameters as Json[];
    expect(params.find((p) => p.name === 'page')?.schema).toMatchObject({ minimum: 1, maximum: 100_000 });
    expect(params.find((p) => p.name === 'pageSize')?.schema).toMatchObject({ minimum: 1, maximum: 100 });
  });
});
