import type { BuildOptions } from 'esbuild';
import { builtinsWithoutEsmFacade } from './builtinsWithoutEsmFacade.ts';

/**
 * Bundled ESM still contains CommonJS dependencies (parts of the AWS SDK) that call `require` for Node
 * built-ins; ESM has no `require`, so the bundle creates one.
 */
const CJS_SHIM = "import { createRequire as __fanoutCreateRequire } from 'node:module'; const require = __fanoutCreateRequire(import.meta.url);";

/**
 * How this repository bundles code that Node 24 runs as one ES module: the Lambda zips and the embedded
 * backend's publisher. Every option here is hashed into their build stamps, with this file's source.
 */
export const NODE_BUNDLE_OPTIONS = {
  write: false,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  // Prefer the ES module builds (AWS SDK `dist-es`) for tree shaking.
  mainFields: ['module', 'main'],
  minify: true,
  // Minified, but error and class names stay readable in logs (`UnknownSkuError`, `OrderRecordError`).
  keepNames: true,
  legalComments: 'none',
  sourcemap: false,
  banner: { js: CJS_SHIM },
  plugins: [builtinsWithoutEsmFacade],
  logLevel: 'warning',
  // Lists every file esbuild read: the inputs a stamp hashes.
  metafile: true,
} as const satisfies BuildOptions;

/** The files whose source decides how a bundle is made, besides the caller's own: hashed into each stamp. */
export const NODE_BUNDLE_CODE: readonly string[] = [import.meta.url, new URL('./builtinsWithoutEsmFacade.ts', import.meta.url).href];
