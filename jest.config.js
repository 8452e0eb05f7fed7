/** Jest runs the TypeScript sources as ES modules; SWC strips the types. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2024', experimental: { keepImportAttributes: true } }, module: { type: 'es6' } }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The skip reporter lists every skipped test with its reason: the default one prints nothing for a file
  // whose tests all skip. It runs on Node 24 as TypeScript, like the scripts.
  reporters: ['default', ['<rootDir>/scripts/jestSkipReporter.ts', { outputFile: 'reports/jest-skips.json' }]],
};
