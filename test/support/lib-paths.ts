import Module from 'node:module';
import { join } from 'node:path';

/**
 * Jest maps `@lienthong/<lib>` for test files (moduleNameMapper) but not for its global setup and
 * teardown, which Node's own require loads: teach that require the same mapping. Imported first.
 */
const libs = join(__dirname, '..', '..', 'libs');
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = resolver._resolveFilename;
resolver._resolveFilename = function (request: string, ...rest: unknown[]) {
  const lib = /^@lienthong\/([a-z0-9-]+)$/.exec(request);
  return original.call(this, lib ? join(libs, lib[1], 'src') : request, ...rest);
};
