/**
 * One jest run for the whole monorepo. Tests live in packages/<name>/test, laid out like src/.
 * TypeScript is transpiled only (type checking is `pnpm lint`'s job), which keeps the run fast.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/lib/', '/fixtures/', '/templates/'],
  modulePathIgnorePatterns: ['<rootDir>/packages/[^/]+/lib/', '/fixtures/', '/templates/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
