import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');

/** The lint rule that keeps workflow code deterministic must actually fire (and not fire on good code). */
describe('lint: workflow code imports nothing of Node, Nest or the database', () => {
  // The ESLint CLI in a child process: its flat config is ESM, which jest's module sandbox cannot load.
  const lint = (code: string, file = 'workflows/example/example.workflow.ts'): Promise<string[]> =>
    new Promise((resolvePromise, reject) => {
      const child = spawn(
        process.execPath,
        [resolve(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', resolve(root, file)],
        { cwd: root },
      );
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', () => {
        try {
          const [result] = JSON.parse(out) as { messages: { ruleId: string }[] }[];
          resolvePromise(result.messages.map((m) => m.ruleId));
        } catch (err) {
          reject(err);
        }
      });
      child.stdin.end(code);
    });

  it.each([
    "import { readFileSync } from 'node:fs';",
    "import { DataSource } from 'typeorm';",
    "import { Injectable } from '@nestjs/common';",
    "import { Client } from '@temporalio/client';",
    "import { SmokePingService } from '@lienthong/persistence';",
    "import { APP_CONFIG } from '@lienthong/config';",
    "import { isVnd } from '../../libs/domain/src/money/vnd';",
    "import { SmokeActivities } from '../../activities/smoke/smoke.activities';",
  ])('refuses %s', async (line) => {
    expect(await lint(`${line}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('allows @temporalio/workflow, contracts, and activity types', async () => {
    const code = [
      "import { proxyActivities } from '@temporalio/workflow';",
      "import type { SmokeActivities } from '../../activities/smoke/smoke.activities';",
      "import type { SmokeInput } from '@lienthong/contracts';",
      "import { applyDecision } from '@lienthong/domain';",
      'export const d = applyDecision;',
      'export const a = proxyActivities<SmokeActivities>({ startToCloseTimeout: 1000 });',
      'export type I = SmokeInput;',
    ].join('\n');
    expect(await lint(code)).toEqual([]);
  });

  it('holds the libraries workflows import to the same rule', async () => {
    expect(await lint("import { DataSource } from 'typeorm';\nexport const x = 1;\n", 'libs/domain/src/example.ts')).toContain('no-restricted-imports');
    expect(await lint("import { readFileSync } from 'node:fs';\nexport const x = 1;\n", 'libs/processes/src/example/example.rules.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await lint("import { DataSource } from 'typeorm';\nexport const x = DataSource;\n", 'libs/persistence/src/example.ts')).toEqual([]);
  });

  it('refuses process.env outside libs/config', async () => {
    expect(await lint('export const p = process.env.PORT;\n', 'apps/api/src/example.ts')).toContain('no-restricted-properties');
    expect(await lint('export const p = process.env.PORT;\n', 'libs/config/src/example.ts')).toEqual([]);
  });
});
