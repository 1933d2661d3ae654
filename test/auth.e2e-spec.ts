import { JwtService } from '@nestjs/jwt';
import { DEMO_USERS } from '@lienthong/persistence';
import { startTestApps, TestApps } from './support/test-apps';

describe('sign-in (real PostgreSQL, argon2id, JWT)', () => {
  let apps: TestApps;

  beforeAll(async () => {
    // A small allowance so the rate-limit test needs few attempts.
    apps = await startTestApps({ worker: false, env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '600' } });
  });
  afterAll(() => apps.close());

  it.each(DEMO_USERS.map((u) => [u.username, u.role, u.displayName] as const))(
    'demo user %s signs in and sees their %s membership',
    async (username, role, displayName) => {
      const res = await apps.http().post('/api/auth/login').send({ username, password: 'demo1234' }).expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.expiresIn).toBe(apps.config.JWT_EXPIRES_IN_SECONDS);
      expect(res.body.user).toMatchObject({ username, displayName });
      expect(res.body.user.memberships.map((m: { role: string }) => m.role)).toEqual([role]);

      const me = await apps.http().get('/api/me').auth(res.body.accessToken, { type: 'bearer' }).expect(200);
      expect(me.body).toEqual(res.body.user);
    },
  );

  it('accepts the username in any case and with surrounding spaces', async () => {
    await apps.http().post('/api/auth/login').send({ username: ' NgocThuy ', password: 'demo1234' }).expect(200);
  });

  it('answers a wrong password and an unknown user with the same 401, in Vietnamese by default', async () => {
    const wrong = await apps.http().post('/api/auth/login').send({ username: 'longbien', password: 'nope' }).expect(401);
    const unknown = await apps.http().post('/api/auth/login').send({ username: 'nobody', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'auth.invalid_credentials',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(unknown.body).toEqual(wrong.body);
    const english = await apps
      .http()
      .post('/api/auth/login')
      .set('Accept-Language', 'en-US,en;q=0.9')
      .send({ username: 'longbien', password: 'nope' })
      .expect(401);
    expect(english.body.message).toBe('Invalid username or password.');
  });

  it('refuses malformed sign-in bodies with a 400 naming the fields', async () => {
    const res = await apps.http().post('/api/auth/login').send({ username: 'admin', role: 'admin' }).expect(400);
    expect(res.body.code).toBe('validation.failed');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'role']);
    const bad = await apps
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(bad.body.code).toBe('request.malformed');
  });

  it('rate-limits repeated failures for a username, even with the right password, and says when to retry', async () => {
    for (let i = 0; i < 3; i++) {
      await apps.http().post('/api/auth/login').send({ username: 'phucdong', password: `wrong-${i}` }).expect(401);
    }
    const limited = await apps.http().post('/api/auth/login').send({ username: 'phucdong', password: 'demo1234' }).expect(429);
    expect(limited.body.code).toBe('auth.too_many_attempts');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(500);
    // Other accounts are not locked out by one account's failures.
    await apps.http().post('/api/auth/login').send({ username: 'phucdong.ch1', password: 'demo1234' }).expect(200);
  });

  describe('tokens', () => {
    let token: string;
    let userId: string;
    beforeAll(async () => {
      const res = await apps.http().post('/api/auth/login').send({ username: 'ngocthuy.ch1', password: 'demo1234' });
      token = res.body.accessToken;
      userId = res.body.user.id;
    });

    it('is required on /api routes: missing → 401', async () => {
      const res = await apps.http().get('/api/units').expect(401);
      expect(res.body.code).toBe('auth.token_missing');
      await apps.http().get('/api/me').expect(401);
    });

    it('is refused when expired', async () => {
      const expired = await new JwtService({ secret: apps.config.JWT_SECRET }).signAsync(
        { sub: userId, username: 'ngocthuy.ch1', exp: Math.floor(Date.now() / 1000) - 60 },
        { algorithm: 'HS256', issuer: 'lienthong' },
      );
      const res = await apps.http().get('/api/units').auth(expired, { type: 'bearer' }).expect(401);
      expect(res.body.code).toBe('auth.token_invalid');
    });

    it('is refused when signed with another secret, tampered with, or unsigned', async () => {
      const forged = await new JwtService({ secret: 'x'.repeat(40) }).signAsync(
        { sub: userId, username: 'ngocthuy.ch1' },
        { algorithm: 'HS256', issuer: 'lienthong', expiresIn: 600 },
      );
      await apps.http().get('/api/units').auth(forged, { type: 'bearer' }).expect(401);

      const [header, , signature] = token.split('.');
      const adminClaims = Buffer.from(JSON.stringify({ sub: userId, username: 'admin', iss: 'lienthong', exp: 9999999999 })).toString('base64url');
      await apps.http().get('/api/units').auth(`${header}.${adminClaims}.${signature}`, { type: 'bearer' }).expect(401);

      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      await apps.http().get('/api/units').auth(`${none}.${adminClaims}.`, { type: 'bearer' }).expect(401);

      await apps.http().get('/api/units').set('Authorization', `Basic ${token}`).expect(401);
    });

    it('stops working as soon as the user is disabled', async () => {
      const res = await apps.http().post('/api/auth/login').send({ username: 'longbien.pho', password: 'demo1234' }).expect(200);
      const { User } = await import('@lienthong/persistence');
      await apps.dataSource.getRepository(User).update({ username: 'longbien.pho' }, { active: false });
      const refused = await apps.http().get('/api/me').auth(res.body.accessToken, { type: 'bearer' }).expect(401);
      expect(refused.body.code).toBe('auth.token_invalid');
      await apps.http().post('/api/auth/login').send({ username: 'longbien.pho', password: 'demo1234' }).expect(401);
    });

    it('is accepted when valid', async () => {
      await apps.http().get('/api/units').auth(token, { type: 'bearer' }).expect(200);
    });
  });
});
