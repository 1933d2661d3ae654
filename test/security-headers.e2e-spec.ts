import { readdirSync, readFileSync } from 'node:fs';
import { get, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { webDistDir } from '../apps/api/src/web-app';
import { startTestApps, TestApps } from './support/test-apps';

/**
 * What every response carries (issue 15: `X-Powered-By: Express`, no nosniff, no CSP, the 1.3 MB
 * bundle uncompressed), over HTTP against the API as production builds it. The bundle needs
 * `npm run build` (CI's `npm test` builds before jest).
 */
describe('security headers and compression', () => {
  let apps: TestApps;
  let port: number;
  beforeAll(async () => {
    apps = await startTestApps({ worker: false });
    await apps.api.listen(0, '127.0.0.1');
    port = (apps.api.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => apps.close());

  const fetchRaw = (path: string, acceptEncoding: string) =>
    new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      }).on('error', reject);
    });

  const expectSecurityHeaders = (headers: Record<string, string>) => {
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
    const csp = headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBe('no-referrer');
  };

  it('on API answers, errors included', async () => {
    expectSecurityHeaders((await apps.http().get('/api/health')).headers);
    expectSecurityHeaders((await apps.http().get('/api/units').expect(401)).headers);
    expectSecurityHeaders((await apps.http().get('/api/no-such-route').expect(404)).headers);
  });

  it('on the web app, whose JS bundle comes compressed when the client accepts gzip', async () => {
    const dir = webDistDir();
    if (!dir) throw new Error('The web app is not built: run `npm run build` first');
    const page = await apps.http().get('/inbox').set('Accept', 'text/html').set('Accept-Encoding', 'gzip').expect(200);
    expectSecurityHeaders(page.headers);
    // The page loads its scripts from our origin only, none inline (what script-src 'self' allows).
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const bundle = readdirSync(join(dir, 'assets')).find((f) => /^index-.*\.js$/.test(f));
    expect(bundle).toBeDefined();
    // Over a real socket, so that the bytes on the wire are seen as sent (supertest would inflate them).
    const file = readFileSync(join(dir, 'assets', bundle!));
    const gzip = await fetchRaw(`/assets/${bundle}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expectSecurityHeaders(gzip.headers as Record<string, string>);
    expect(gunzipSync(gzip.body).equals(file)).toBe(true);
    expect(gzip.body.length).toBeLessThan(file.length / 2);

    // Brotli when the client prefers it; as it is when the client accepts nothing else.
    const br = await fetchRaw(`/assets/${bundle}`, 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(file)).toBe(true);
    const plain = await fetchRaw(`/assets/${bundle}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);
  });

  it('smoke routes are for admins only: an officer gets 403, an admin runs them', async () => {
    const [officer, admin] = await Promise.all([apps.login('ngocthuy'), apps.login('admin')]);
    const refused = await apps.http().post('/api/smoke').auth(officer, { type: 'bearer' }).send({ message: 'thử' }).expect(403);
    expect(refused.body).toMatchObject({ code: 'smoke.admin_only', message: 'Chỉ quản trị viên mới được chạy kiểm tra hệ thống.' });
    await apps.http().get('/api/smoke/7c1d2a9e-0000-4000-8000-000000000001').auth(officer, { type: 'bearer' }).expect(403);
    // The admin passes the check (no worker runs here, so the ping itself is not found).
    await apps.http().get('/api/smoke/7c1d2a9e-0000-4000-8000-000000000001').auth(admin, { type: 'bearer' }).expect(404);
  });
});
