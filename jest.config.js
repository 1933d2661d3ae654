/** Unit tests sit next to the code (`*.spec.ts`); integration tests under test/ run against a real
 * Temporal dev server and a real PostgreSQL that test/support/global-setup.ts starts once per run. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
/** Libraries by name, as tsconfig.json's `paths` says. */
const moduleNameMapper = { '^@lienthong/([a-z0-9-]+)$': '<rootDir>/libs/$1/src' };

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
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
