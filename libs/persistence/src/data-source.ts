import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one description of our database for TypeORM. Migrations are listed explicitly (no globs) so the
 * same list works from TypeScript sources in tests and from `dist/` in production.
 */
export function dataSourceOptions(databaseUrl: string, applicationName = 'lienthong'): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    applicationName,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    // bigint columns (money, later) come back as strings; we convert at the edges, never to float.
    parseInt8: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
  } as DataSourceOptions;
}

export function createDataSource(databaseUrl: string, applicationName?: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl, applicationName));
}
