import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as esbuildVersion, type BuildOptions } from 'esbuild';
import { sha256 } from './lambdaBuildStamp.ts';
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

/** The files whose source decides how a bundle is made, besides the caller's own. */
const NODE_BUNDLE_CODE: readonly string[] = [import.meta.url, new URL('./builtinsWithoutEsmFacade.ts', import.meta.url).href];

/**
 * What, besides its inputs, decides a bundle's bytes, for its stamp: esbuild's version and the options; the
 * files that steer resolution without being inputs themselves (package-lock.json for which package
 * versions `node_modules` holds, tsconfig.json, which esbuild reads); the build code (this file, the
 * plugin and the caller's `code`, module URLs), so editing it rebuilds; and whatever else the caller's
 * output depends on (`extra`).
 */
export async function bundleSettingsHash(root: string, settings: { options: BuildOptions; code: readonly string[]; extra?: Record<string, unknown> }): Promise<string> {
  const code = [...settings.code, ...NODE_BUNDLE_CODE].map((url) => relative(root, fileURLToPath(url)));
  const files = ['package-lock.json', 'tsconfig.json', ...code];
  const contents = await Promise.all(files.map((file) => readFile(join(root, file)).then(sha256, () => 'missing')));
  return sha256(JSON.stringify({ esbuildVersion, options: settings.options, ...settings.extra, files: Object.fromEntries(files.map((file, i) => [file, contents[i]])) }));
}
