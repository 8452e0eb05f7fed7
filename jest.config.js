/** Jest runs the TypeScript sources as ES modules; SWC strips the types. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2024', experimental: { keepImportAttributes: true } }, module: { type: 'es6' } }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Two workers on the two-core machines: the Terraform tests spend most of their time in the provider's own
  // waits, which the other worker fills. Jest's default (cores - 1) would run everything in one.
  maxWorkers: 2,
  // Tests that start processes (the AWS CLI, terraform, Node children) take seconds on a loaded machine;
  // a deadline is not a speed check (speed lives in npm run bench).
  testTimeout: 30_000,
  // The skip reporter lists every skipped test with its reason: the default one prints nothing for a file
  // whose tests all skip. It runs on Node 24 as TypeScript, like the scripts.
  reporters: ['default', ['<rootDir>/scripts/jestSkipReporter.ts', { outputFile: 'reports/jest-skips.json' }]],
};
