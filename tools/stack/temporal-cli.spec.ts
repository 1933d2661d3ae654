import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTemporalCli, resolveTemporalTestServer } from './temporal-cli';

/** The resolution order of the Temporal binaries, on fake executables (no installs happen here). */
describe('resolveTemporalCli', () => {
  let dir: string;
  const lines: string[] = [];
  const log = (m: string) => lines.push(m);
  const fakeBinary = (path: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'temporal-cli-spec-'));
    lines.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses TEMPORAL_CLI_PATH first, and refuses one that is not executable, naming the variable', async () => {
    const explicit = fakeBinary(join(dir, 'custom', 'temporal'));
    const onPath = fakeBinary(join(dir, 'bin', 'temporal'));
    await expect(resolveTemporalCli({ explicitPath: explicit, toolsDir: dir, pathVar: join(onPath, '..'), log })).resolves.toBe(explicit);
    await expect(resolveTemporalCli({ explicitPath: join(dir, 'missing'), toolsDir: dir, log })).rejects.toThrow(/TEMPORAL_CLI_PATH=/);
  });

  it('prefers `temporal` on PATH over the project tools folder', async () => {
    const onPath = fakeBinary(join(dir, 'bin', 'temporal'));
    fakeBinary(join(dir, 'tools', 'temporal-cli', 'bin', 'temporal'));
    await expect(resolveTemporalCli({ toolsDir: join(dir, 'tools'), pathVar: `/nonexistent:${join(dir, 'bin')}`, log })).resolves.toBe(onPath);
    expect(lines).toEqual([`Temporal CLI: ${onPath} (on PATH)`]);
  });

  it('falls back to the project tools folder', async () => {
    const local = fakeBinary(join(dir, 'tools', 'temporal-cli', 'bin', 'temporal'));
    await expect(resolveTemporalCli({ toolsDir: join(dir, 'tools'), pathVar: '', log })).resolves.toBe(local);
  });

  it('finds the time-skipping test server in the tools folder', async () => {
    const local = fakeBinary(join(dir, 'temporal-test-server', 'bin', 'temporal-test-server'));
    await expect(resolveTemporalTestServer({ toolsDir: dir, log })).resolves.toBe(local);
  });
});
