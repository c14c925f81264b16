/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/packages'],
  // Workspace packages are tested from their sources, never from a stale build.
  moduleNameMapper: {
    '^@tfauth/slack-test-server$': '<rootDir>/packages/slack-test-server/src/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/packages/[^/]+/dist/'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // End-to-end suites start servers and child processes; keep them honest but bounded.
  testTimeout: 30000,
  watchman: false,
  // Two suites at a time even on a 2-core machine (Jest's default there is one): many suites
  // wait on sockets, child processes and timers. They share nothing: every server listens on
  // a free port, every data folder is a fresh temporary one, the Redis suites start their own
  // redis-server (only outcomes.test.ts uses TFAUTH_TEST_REDIS_URL, under its own keys).
  maxWorkers: 2,
  // One temporary folder per run, removed at the end (test/support/global-setup.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
