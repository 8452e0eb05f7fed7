import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { writeFileAtomically } from '../files/writeFileAtomically.ts';
import { bundleSettingsHash, NODE_BUNDLE_OPTIONS } from './nodeBundleOptions.ts';
import { hashInputs, readStamp, type FileHashes, sha256, stampIsCurrent, stampPathFor, writeStamp } from './lambdaBuildStamp.ts';
import { ZIP_FILE_MODE, ZIP_MTIME, zipEntries } from './zipEntries.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HANDLER_SOURCE = 'handler.ts';
const BUNDLE_NAME = 'index.mjs';

export interface BuildLambdasOptions {
  /** Where `<name>.zip` files go; default `dist/lambdas` in the repository. */
  outDir?: string;
  /** Folder holding one folder per function; default `lambdas` in the repository. */
  lambdasDir?: string;
  /** Build only these functions; default every folder with a `handler.ts`. */
  names?: string[];
  /** Run esbuild even where the stamp says the zip is current; default `FANOUT_REBUILD_LAMBDAS=1`. */
  force?: boolean;
}

export interface BuiltLambda {
  name: string;
  zipPath: string;
  /** Bytes of `index.mjs` before compression. */
  bundleBytes: number;
  zipBytes: number;
  sha256: string;
  /** True when the zip of an earlier build was kept: same inputs, same settings, esbuild not run. */
  reused: boolean;
}

/**
 * Bundles every function under `lambdas/` (with all dependencies, the AWS SDK included, so the deployed
 * version is the tested one) into `<outDir>/<name>.zip` holding `index.mjs`: Lambda handler `index.handler`.
 * The zips are byte-for-byte reproducible: fixed timestamps and modes, sorted entries, no absolute paths.
 */
export async function buildLambdas(options: BuildLambdasOptions = {}): Promise<BuiltLambda[]> {
  const outDir = resolve(options.outDir ?? join(REPO_ROOT, 'dist', 'lambdas'));
  const lambdasDir = resolve(options.lambdasDir ?? join(REPO_ROOT, 'lambdas'));
  const names = options.names ?? (await findFunctions(lambdasDir));
  const force = options.force ?? process.env.FANOUT_REBUILD_LAMBDAS === '1';
  await mkdir(outDir, { recursive: true });
  const settingsSha256 = await buildSettingsHash();
  const known: FileHashes = new Map();
  const kept = await Promise.all(names.map((name) => keptBuild({ name, outDir, settingsSha256, force, known })));
  const stale = names.filter((_, index) => kept[index] === undefined);
  const built = new Map((await bundleAll({ names: stale, lambdasDir, outDir, settingsSha256 })).map((lambda) => [lambda.name, lambda]));
  return names.map((name, index) => {
    const lambda = kept[index] ?? built.get(name);
    if (!lambda) throw new Error(`esbuild produced no ${BUNDLE_NAME} for ${name}`);
    return lambda;
  });
}

/** Folders with a `handler.ts`, sorted; `shared` holds helpers, not a function. */
export async function findFunctions(lambdasDir: string): Promise<string[]> {
  const entries = await readdir(lambdasDir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'shared') continue;
    const isFunction = await stat(join(lambdasDir, entry.name, HANDLER_SOURCE)).then((s) => s.isFile(), () => false);
    if (isFunction) names.push(entry.name);
  }
  return names.sort();
}

/** Every option but the entry point and working directory, so the stamp hashes exactly what decides the bundle. */
const ESBUILD_OPTIONS = {
  ...NODE_BUNDLE_OPTIONS,
  // One run bundles every function that needs it (each `<name>/index.mjs`): the files they share, most of
  // the AWS SDK, are read and parsed once.
  outdir: '.',
  entryNames: `[dir]/${BUNDLE_NAME.replace(/\.mjs$/, '')}`,
  outExtension: { '.js': '.mjs' },
} as const satisfies BuildOptions;

/** The stamp's settings: the bundle's (`bundleSettingsHash`), plus the zip writer's code and settings. */
function buildSettingsHash(): Promise<string> {
  return bundleSettingsHash(REPO_ROOT, {
    options: ESBUILD_OPTIONS,
    code: [import.meta.url, new URL('./zipEntries.ts', import.meta.url).href],
    extra: { zip: { mtime: ZIP_MTIME.getTime(), mode: ZIP_FILE_MODE } },
  });
}

interface KeptBuildOptions {
  name: string;
  outDir: string;
  settingsSha256: string;
  force: boolean;
  known: FileHashes;
}

/** The zip of an earlier build, when its stamp says the same inputs and settings made it; undefined when it must be built. */
async function keptBuild(options: KeptBuildOptions): Promise<BuiltLambda | undefined> {
  const { name, outDir, settingsSha256, force, known } = options;
  const zipPath = join(outDir, `${name}.zip`);
  const stamp = force ? undefined : await readStamp(stampPathFor(zipPath));
  if (stamp && (await stampIsCurrent({ stamp, settingsSha256, workingDir: REPO_ROOT, zipPath, known }))) {
    return { name, zipPath, bundleBytes: stamp.bundleBytes, zipBytes: (await stat(zipPath)).size, sha256: stamp.zipSha256, reused: true };
  }
  return undefined;
}

interface BundleAllOptions {
  names: string[];
  lambdasDir: string;
  outDir: string;
  settingsSha256: string;
}

/** One esbuild run for every function in `names`; each bundle is zipped and stamped with the inputs esbuild read for it. */
async function bundleAll(options: BundleAllOptions): Promise<BuiltLambda[]> {
  const { names, lambdasDir, outDir, settingsSha256 } = options;
  if (names.length === 0) return [];
  const result = await build({
    ...ESBUILD_OPTIONS,
    absWorkingDir: REPO_ROOT,
    // `[dir]` of each entry is its function's folder: outputs `<name>/index.mjs`.
    outbase: lambdasDir,
    entryPoints: names.map((name) => join(lambdasDir, name, HANDLER_SOURCE)),
  });
  return Promise.all(
    names.map(async (name) => {
      // `outdir` is the working directory: the file lands at `<root>/<name>/index.mjs`, the metafile names it relatively.
      const relativePath = `${name}/${BUNDLE_NAME}`;
      const bundle = result.outputFiles.find((file) => file.path === join(REPO_ROOT, relativePath));
      const output = result.metafile.outputs[relativePath];
      if (!bundle || !output?.entryPoint) throw new Error(`esbuild produced no ${BUNDLE_NAME} for ${name}`);
      return storeBundle({ name, outDir, settingsSha256, contents: bundle.contents, inputs: filesReadFor(result.metafile, output.entryPoint) });
    }),
  );
}

/**
 * Every file esbuild read for one entry point: what its import graph reaches, tree-shaken files included
 * (an output's own `inputs` lists only the files that put code into it, so an edit that makes a dropped
 * file count would leave the stamp current). A build of that entry alone would have read the same.
 */
function filesReadFor(metafile: Metafile, entryPoint: string): string[] {
  const read = new Set<string>();
  const pending = [entryPoint];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (read.has(file)) continue;
    read.add(file);
    for (const imported of metafile.inputs[file]?.imports ?? []) {
      if (!imported.external && metafile.inputs[imported.path]) pending.push(imported.path);
    }
  }
  return [...read];
}

async function storeBundle(options: { name: string; outDir: string; settingsSha256: string; contents: Uint8Array; inputs: string[] }): Promise<BuiltLambda> {
  const { name, outDir, settingsSha256, contents } = options;
  const zipPath = join(outDir, `${name}.zip`);
  const zip = await zipEntries([{ name: BUNDLE_NAME, data: Buffer.from(contents) }]);
  // A reader (a provisioner in another test worker) never sees half a zip.
  await writeFileAtomically(zipPath, zip);
  const zipSha256 = sha256(zip);
  // The stamp goes last: a build stopped before it leaves the old stamp, whose zip hash no longer matches.
  // (A source saved while esbuild runs is hashed as saved, after the bundle read it: the next build of
  // that edit would be skipped. Builds take a second, edits are rarer; `--force` is there for doubt.)
  // Fresh hashes (no `known`): an input hashed before this build may have been edited since.
  const inputs = hashInputs(REPO_ROOT, options.inputs);
  await writeStamp(stampPathFor(zipPath), { settingsSha256, inputs, zipSha256, bundleBytes: contents.byteLength });
  return { name, zipPath, bundleBytes: contents.byteLength, zipBytes: zip.byteLength, sha256: zipSha256, reused: false };
}
