import { isBuiltin } from 'node:module';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'node-builtin';

/**
 * Bundles every `import ... from 'node:<module>'` as `process.getBuiltinModule('node:<module>')`, the
 * module object `require` returns, instead of leaving it an ES import.
 *
 * Node builds an ES module facade for a built-in the first time one is imported, and the facade reads
 * every export: for `node:http` that loads undici (its lazy `WebSocket`, `EventSource` and friends), for
 * `node:process` and `node:util` a dozen lazy getters. Measured on Node 24: importing `node:http` and
 * `node:https` costs 33-39 ms against 9-12 ms with `require`, `node:process` 12 ms against 0.1 ms. Every
 * Lambda environment pays that in its cold start; through this plugin it does not. esbuild treats the
 * module object as CommonJS, so named imports read its properties at use time, as `require` would.
 */
export const builtinsWithoutEsmFacade: Plugin = {
  name: 'builtins-without-esm-facade',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      if (!isBuiltin(args.path)) return undefined;
      const specifier = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
      return { path: specifier, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};
