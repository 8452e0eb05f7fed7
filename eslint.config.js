import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { noTypeImportCycle } from './scripts/lint/noTypeImportCycle.js';

/**
 * zod as zod's documentation imports it: esbuild tree-shakes `z.object` read from a namespace import, but
 * not from zod's `z` re-export, which keeps all of zod, its locales included, in a bundle (the publisher's
 * was 366 KB larger and its process 5 MB heavier that way).
 */
const ZOD_AS_NAMESPACE = {
  selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
  message: "import * as z from 'zod': for `import { z }` a bundle keeps all of zod.",
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'reports/', 'coverage/', '.fanout/', 'terraform/.terraform/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', AbortController: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ZOD_AS_NAMESPACE],
    },
  },
  // No import cycle anywhere in the repo: import-x/no-cycle for the imports that run, our own rule for the
  // cycles it leaves out on purpose, those through `import type` (see scripts/lint/noTypeImportCycle.js).
  {
    plugins: { 'import-x': importX, fanout: { rules: { 'no-type-import-cycle': noTypeImportCycle } } },
    settings: {
      // Without a parser for .ts files import-x cannot read the modules it follows, and sees no cycle at all.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
      // Resolutions kept for the whole run (the default, 30 s, is shorter than a lint of the repo on a busy machine).
      'import-x/cache': { lifetime: '∞' },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'fanout/no-type-import-cycle': 'error',
    },
  },
  {
    // The oracle must not import the code under test: the specs and the harness read the formats both sides
    // share from contracts/, or an expectation moves with the bug it should catch. They start the publisher
    // (services/publisher/src/server.ts, by path) and deploy the Lambdas (bundled by scripts/build-lambdas.ts)
    // without importing them, so no entry point is needed here; list one below if that changes.
    files: ['steps/**/*.ts', 'harness/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          {
            regex: '(^|/)services/[^/]+/src(/|$)',
            message: 'steps/ and harness/ must not import the services they test: put the shared format in contracts/.',
          },
          {
            regex: '(^|/)lambdas(/|$)',
            message: 'steps/ and harness/ must not import the Lambdas they test: put the shared format in contracts/.',
          },
        ],
      }],
    },
  },
);
