/** Variables global-setup passes to the test files (jest forks its workers after global setup). */
export const TEST_ENV = {
  temporalAddress: 'LIENTHONG_TEST_TEMPORAL_ADDRESS',
  pgAdminUrl: 'LIENTHONG_TEST_PG_ADMIN_URL',
  workflowBundle: 'LIENTHONG_TEST_WORKFLOW_BUNDLE',
  root: 'LIENTHONG_TEST_ROOT',
} as const;

export function testEnv(key: keyof typeof TEST_ENV): string {
  const value = process.env[TEST_ENV[key]];
  if (!value) throw new Error(`${TEST_ENV[key]} is not set: run integration tests through jest (global setup)`);
  return value;
}
