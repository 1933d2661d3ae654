import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { DEMO_USERS } from '@lienthong/persistence';
import { startTestApps, TestApps } from './support/test-apps';

describe('sign-in (real PostgreSQL, argon2id, JWT)', () => {
  let apps: TestApps;

  beforeAll(async () => {
    // A small allowance so the rate-limit test needs few attempts. Behind a proxy on this machine, so
    // each test can sign in from an address of its own (X-Forwarded-For).
    apps = await startTestApps({ worker: false, env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '600', TRUST_PROXY: 'loopback' } });
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

  const signInFrom = (address: string, body: { username: string; password: string }) =>
    apps.http().post('/api/auth/login').set('X-Forwarded-For', address).send(body);

  it('holds the per-username limit under concurrency: of 30 wrong passwords at once, at most the limit get 401', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signInFrom('203.0.113.10', { username: 'ngocthuy.ch2', password: `wrong-${i}` })),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(27);
    for (const refused of attempts.filter((r) => r.status === 429)) {
      expect(refused.body.code).toBe('auth.too_many_attempts');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
    }
    // The username is locked, from any address and with the right password.
    const locked = await signInFrom('203.0.113.11', { username: 'ngocthuy.ch2', password: 'demo1234' }).expect(429);
    expect(locked.body.code).toBe('auth.too_many_attempts');
  });

  it('slows wrong passwords from an address with many failures, but never locks out a colleague with the right password there', async () => {
    const office = '198.51.100.7';
    // One failure each for 24 usernames: no username reaches its own limit, the office's address passes its allowance (12).
    const failures = await Promise.all(
      Array.from({ length: 24 }, (_, i) => signInFrom(office, { username: `khach-${i}`, password: 'sai-mat-khau' })),
    );
    expect(failures.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const slowed = await signInFrom(office, { username: 'khach-moi', password: 'sai-mat-khau' }).expect(429);
    expect(slowed.body.code).toBe('auth.address_slowed');
    expect(slowed.body.message).toMatch(/không đúng/);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    // A colleague in the same office, right password: in, at once and again.
    await signInFrom(office, { username: 'ngocthuy.pho', password: 'demo1234' }).expect(200);
    await signInFrom(office, { username: 'ngocthuy', password: 'demo1234' }).expect(200);
    // Another address is not slowed by this one.
    await signInFrom('198.51.100.8', { username: 'khach-moi', password: 'sai-mat-khau' }).expect(401);
  });

  it('takes whatever a client writes in X-Forwarded-For as a bounded key, never a 500', async () => {
    const res = await signInFrom('x'.repeat(500), { username: 'khach-la', password: 'sai' });
    expect(res.status).toBe(401);
  });

  it('keeps the counters in PostgreSQL, where every API replica reads them', async () => {
    const rows: { key: string; failures: number }[] = await apps.dataSource.query(
      `SELECT key, failures FROM sign_in_throttles WHERE key IN ('user:ngocthuy.ch2', 'addr:198.51.100.7')`,
    );
    expect(rows.find((r) => r.key === 'user:ngocthuy.ch2')?.failures).toBeGreaterThanOrEqual(30);
    expect(rows.find((r) => r.key === 'addr:198.51.100.7')?.failures).toBeGreaterThanOrEqual(24);
  });

  it('shares the count between API replicas: failures spread over two apps on one database still lock the username', async () => {
    const { createApiApp } = await import('../apps/api/src/create-api-app');
    const replica = await createApiApp(apps.config);
    try {
      const viaReplica = (password: string) =>
        request(replica.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', '203.0.113.50').send({ username: 'admin', password });
      await signInFrom('203.0.113.50', { username: 'admin', password: 'sai-1' }).expect(401);
      await viaReplica('sai-2').expect(401);
      await signInFrom('203.0.113.50', { username: 'admin', password: 'sai-3' }).expect(401);
      const locked = await viaReplica('demo1234').expect(429);
      expect(locked.body.code).toBe('auth.too_many_attempts');
    } finally {
      await replica.close();
    }
  });

  it('writes sign-in, failed sign-in and sign-out to an append-only audit log with the client address', async () => {
    const address = '192.0.2.44';
    await signInFrom(address, { username: 'ngocthuy.ch1', password: 'nhầm' }).expect(401);
    const ok = await signInFrom(address, { username: 'ngocthuy.ch1', password: 'demo1234' }).expect(200);
    await apps.http().post('/api/auth/logout').set('X-Forwarded-For', address).auth(ok.body.accessToken, { type: 'bearer' }).expect(204);
    const events: { event: string; username: string; user_id: string | null; outcome: string | null }[] = await apps.dataSource.query(
      `SELECT event, username, user_id, outcome FROM auth_events WHERE address = $1 ORDER BY id`,
      [address],
    );
    expect(events).toEqual([
      { event: 'sign_in_failed', username: 'ngocthuy.ch1', user_id: null, outcome: 'auth.invalid_credentials' },
      { event: 'sign_in', username: 'ngocthuy.ch1', user_id: ok.body.user.id, outcome: null },
      { event: 'sign_out', username: 'ngocthuy.ch1', user_id: ok.body.user.id, outcome: null },
    ]);
    await expect(apps.dataSource.query(`UPDATE auth_events SET address = '0.0.0.0' WHERE address = $1`, [address])).rejects.toThrow(/append-only/);
    await expect(apps.dataSource.query(`DELETE FROM auth_events WHERE address = $1`, [address])).rejects.toThrow(/append-only/);
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

describe('sign-in without TRUST_PROXY', () => {
  it('takes the address from the connection and ignores X-Forwarded-For (anyone can send it)', async () => {
    const apps = await startTestApps({ worker: false });
    try {
      await apps.http().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.99').send({ username: 'ngocthuy', password: 'demo1234' }).expect(200);
      const [row]: { address: string }[] = await apps.dataSource.query(`SELECT address FROM auth_events WHERE event = 'sign_in'`);
      expect(row.address).toMatch(/^(127\.0\.0\.1|::1)$/);
    } finally {
      await apps.close();
    }
  });
});

describe('sign-in lockout window', () => {
  it('frees a locked username once the window that began at its first failure has ended', async () => {
    const apps = await startTestApps({ worker: false, env: { LOGIN_MAX_FAILURES: '2', LOGIN_LOCKOUT_SECONDS: '2' } });
    try {
      const signIn = (password: string) => apps.http().post('/api/auth/login').send({ username: 'ngocthuy.pho', password });
      await signIn('sai-1').expect(401);
      await signIn('sai-2').expect(401);
      const locked = await signIn('demo1234').expect(429);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(2);
      // Polled: the window ends within 2 s of the first failure.
      const deadline = Date.now() + 15_000;
      let status = locked.status;
      while (status === 429 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await signIn('demo1234')).status;
      }
      expect(status).toBe(200);
      // The success starts the username afresh: two more failures are allowed again.
      await signIn('sai-3').expect(401);
      await signIn('sai-4').expect(401);
      await signIn('sai-5').expect(429);
    } finally {
      await apps.close();
    }
  });
});
