import './lib-paths';
import { rmSync } from 'node:fs';
import type { EmbeddedPostgres } from '../../tools/stack/embedded-postgres';
import type { TemporalDevServer } from '../../tools/stack/temporal-dev-server';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>).__lienthongStack as
    | { temporal: TemporalDevServer; postgres: EmbeddedPostgres; root: string }
    | undefined;
  if (!stack) return;
  await Promise.all([stack.temporal.stop(), stack.postgres.stop()]);
  rmSync(stack.root, { recursive: true, force: true });
}
