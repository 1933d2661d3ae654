import { createDataSource, DEMO_USERS, Member, runMigrationsLocked, seedDemo, Unit, User } from '@lienthong/persistence';
import { createTestDatabase } from './support/test-apps';

describe('migrations and the demo seed (real PostgreSQL)', () => {
  it('on an empty database, the migrations leave no schema difference from the entities', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      const applied = await runMigrationsLocked(ds);
      expect(applied.length).toBeGreaterThan(0);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await runMigrationsLocked(ds)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('every migration reverts (down) to an empty schema and applies again', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      const applied = await runMigrationsLocked(ds);
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables: { table_name: string }[] = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
      );
      expect(tables).toEqual([]);
      // Functions of our own (extensions' members aside, such as pgcrypto's, which TypeORM installs).
      const functions = await ds.query(
        `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
      );
      expect(functions).toEqual([]);
      expect(await ds.query(`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`)).toEqual([]);
      expect(await runMigrationsLocked(ds)).toEqual(applied);
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('several processes migrating and seeding at once (api + worker replicas) apply each step exactly once', async () => {
    const db = await createTestDatabase();
    const sources = await Promise.all([1, 2, 3].map(() => createDataSource(db.url).initialize()));
    try {
      const results = await Promise.all(sources.map((ds) => runMigrationsLocked(ds, (locked) => seedDemo(locked).then(() => undefined))));
      expect(results.filter((applied) => applied.length > 0)).toHaveLength(1);
      const [ds] = sources;
      expect(await ds.getRepository(User).count()).toBe(DEMO_USERS.length);
      expect(await ds.getRepository(Unit).count()).toBe(6);
      expect(await seedDemo(ds)).toBe(false);
    } finally {
      await Promise.all(sources.map((ds) => ds.destroy()));
      await db.drop();
    }
  });

  it('stores Vietnamese text as given and refuses a role that does not exist', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      await runMigrationsLocked(ds, (locked) => seedDemo(locked).then(() => undefined));
      const names = (await ds.getRepository(Member).find()).map((m) => m.fullName);
      expect(names).toContain('Đặng Văn Toàn');
      expect(names.every((n) => n === n.normalize('NFC'))).toBe(true);
      const user = await ds.getRepository(User).findOneByOrFail({ username: 'admin' });
      const unit = await ds.getRepository(Unit).findOneByOrFail({ name: 'Chi hội 2' });
      await expect(
        ds.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'king')`, [user.id, unit.id]),
      ).rejects.toThrow(/ck_memberships_role/);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
  it('members registered before the register migration keep their ids and get their organization and a code', async () => {
    const db = await createTestDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      await runMigrationsLocked(ds, (locked) => seedDemo(locked).then(() => undefined));
      const applied = async () => (await ds.query(`SELECT name FROM schema_migrations`)).map((r: { name: string }) => r.name) as string[];
      // Back to just before it, whatever later migrations exist.
      while ((await applied()).includes('MembersRegister1796520000000')) await ds.undoLastMigration({ transaction: 'each' });
      const before: { id: string; unit_id: string }[] = await ds.query(`SELECT id, unit_id FROM members ORDER BY created_at, id`);
      expect(before.length).toBeGreaterThan(0);
      await runMigrationsLocked(ds);
      const after: { id: string; member_code: string; organization_id: string; unit_org: string; status: string }[] = await ds.query(
        `SELECT m.id, m.member_code, m.organization_id, u.organization_id AS unit_org, m.status
           FROM members m JOIN units u ON u.id = m.unit_id ORDER BY m.created_at, m.id`,
      );
      expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
      expect(after.map((m) => m.member_code)).toEqual(before.map((_, i) => `HV-${String(i + 1).padStart(6, '0')}`));
      expect(after.every((m) => m.organization_id === m.unit_org && m.status === 'active')).toBe(true);
      // A member inserted without a code (as the demo seed does) takes the next one.
      const [{ member_code }] = await ds.query(
        `INSERT INTO members (unit_id, full_name) VALUES ($1, 'Hội viên mới') RETURNING member_code`,
        [before[0].unit_id],
      );
      expect(member_code).toBe(`HV-${String(before.length + 1).padStart(6, '0')}`);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
