import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * tools/ensure-installed.mjs (npm's prestart/pretest) on a throwaway "clone": a fake npm (npm_execpath)
 * records what it is asked to run and installs by writing the lockfile npm would leave in node_modules.
 */
describe('ensure-installed (before npm start / npm test)', () => {
  let clone: string;
  let calls: string;
  const lock = {
    name: 'clone',
    lockfileVersion: 3,
    packages: {
      '': { name: 'clone' },
      'node_modules/left-pad': { version: '1.3.0' },
      'node_modules/@esbuild/darwin-arm64': { version: '0.25.0', optional: true },
    },
  };

  beforeEach(() => {
    clone = mkdtempSync(join(tmpdir(), 'ensure-installed-'));
    mkdirSync(join(clone, 'tools'));
    copyFileSync(resolve(__dirname, 'ensure-installed.mjs'), join(clone, 'tools', 'ensure-installed.mjs'));
    writeFileSync(join(clone, 'package-lock.json'), JSON.stringify(lock));
    calls = join(clone, 'npm-calls');
    // The fake npm: `ci` installs exactly the lockfile (the platform's packages only), `run …` is recorded.
    writeFileSync(
      join(clone, 'fake-npm.js'),
      `const fs = require('fs');
       fs.appendFileSync(${JSON.stringify(calls)}, process.argv.slice(2).join(' ') + '\\n');
       if (process.argv[2] === 'ci') {
         const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
         delete lock.packages['node_modules/@esbuild/darwin-arm64'];
         fs.mkdirSync('node_modules', { recursive: true });
         fs.writeFileSync('node_modules/.package-lock.json', JSON.stringify(lock));
       }`,
    );
  });
  afterEach(() => rmSync(clone, { recursive: true, force: true }));

  const run = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [join(clone, 'tools', 'ensure-installed.mjs'), ...args], {
      cwd: clone,
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', npm_execpath: join(clone, 'fake-npm.js'), LIENTHONG_TOOLS_DIR: join(clone, '.tools'), ...env },
    });
    expect(result.status).toBe(0);
    return existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
  };
  const installed = (version: string) => {
    mkdirSync(join(clone, 'node_modules'), { recursive: true });
    const packages = { '': {}, 'node_modules/left-pad': { version } };
    writeFileSync(join(clone, 'node_modules', '.package-lock.json'), JSON.stringify({ packages }));
  };
  const fakeBinary = (path: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
  };

  it('runs npm ci on a fresh clone (no node_modules), then nothing on the next run', () => {
    expect(run([])).toEqual(['ci --no-audit --no-fund']);
    expect(run([])).toEqual(['ci --no-audit --no-fund']);
  });

  it('runs npm ci when node_modules differs from package-lock.json, not when it matches', () => {
    installed('1.3.0');
    expect(run([])).toEqual([]);
    installed('1.1.0');
    expect(run([])).toEqual(['ci --no-audit --no-fund']);
  });

  it('installs the Temporal CLI (alone for npm start; with the test server for npm test) only when it is missing', () => {
    installed('1.3.0');
    expect(run(['--temporal-cli'])).toEqual(['run --silent temporal:install -- --cli-only']);
    rmSync(calls);
    expect(run(['--temporal-cli', '--temporal-test-server'])).toEqual(['run --silent temporal:install']);
    rmSync(calls);
    fakeBinary(join(clone, '.tools', 'temporal-cli', 'bin', 'temporal'));
    fakeBinary(join(clone, '.tools', 'temporal-test-server', 'bin', 'temporal-test-server'));
    expect(run(['--temporal-cli', '--temporal-test-server'])).toEqual([]);
    expect(run(['--temporal-cli'], { TEMPORAL_CLI_PATH: '/opt/temporal' })).toEqual([]);
  });
});
