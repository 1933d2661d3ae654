/** Three tiers (`npm run test:unit`, `test:integration`, `test:e2e`; `npm test` runs them all): unit
 * tests sit next to the code (`*.spec.ts`); integration tests under test/ run against a real Temporal
 * dev server and a real PostgreSQL that test/support/global-setup.ts starts once per run; browser
 * tests under test/web drive Debian's Chromium against the same stack. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
/** Libraries by name, as tsconfig.json's `paths` says. */
const moduleNameMapper = { '^@lienthong/([a-z0-9-]+)$': '<rootDir>/libs/$1/src' };

/** Tests that need the real servers: test/support/global-setup.ts starts them once per run. */
const realServers = {
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

module.exports = {
  // Integration tests start apps against real servers; a unit test never comes near this.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/{apps,libs,tools,workflows,activities}/**/*.spec.ts'],
    },
    {
      // The API, worker and workflows against a real Temporal and PostgreSQL.
      displayName: 'integration',
      ...realServers,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/web/'],
    },
    {
      // The web app as officers use it: real Chromium against the same real stack.
      displayName: 'e2e',
      ...realServers,
      testMatch: ['<rootDir>/test/web/**/*.e2e-spec.ts'],
    },
  ],
};
