import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { writeFileAtomically } from '../files/writeFileAtomically.ts';
import { importMetaOfSource } from './importMetaOfSource.ts';
import { hashInputs, readStamp, sha256, stampIsCurrent, stampPathFor, writeStamp } from './lambdaBuildStamp.ts';
import { bundleSettingsHash, NODE_BUNDLE_OPTIONS } from './nodeBundleOptions.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The publisher as its container runs it: TypeScript, through Node's type stripping. */
export const PUBLISHER_SOURCE = join(REPO_ROOT, 'services', 'publisher', 'src', 'server.ts');
/** The same entry point, bundled, as the embedded backend runs it. */
export const PUBLISHER_BUNDLE = join(REPO_ROOT, 'dist', 'publisher', 'server.mjs');

const ESBUILD_OPTIONS = {
  ...NODE_BUNDLE_OPTIONS,
  plugins: [...NODE_BUNDLE_OPTIONS.plugins, importMetaOfSource(REPO_ROOT)],
} as const satisfies BuildOptions;

export interface BuiltPublisher {
  path: string;
  bytes: number;
  /** The bundle of an earlier build, whose stamp says nothing it was made from has changed. */
  reused: boolean;
}

/** The bundle's settings (`bundleSettingsHash`), plus the checkout's path, which the bundle names (`importMetaOfSource`): a moved checkout rebuilds. */
function settingsHash(): Promise<string> {
  return bundleSettingsHash(REPO_ROOT, {
    options: ESBUILD_OPTIONS,
    code: [import.meta.url, new URL('./importMetaOfSource.ts', import.meta.url).href],
    extra: { root: REPO_ROOT },
  });
}

/**
 * Bundles the publisher (`services/publisher/src/server.ts`) into one ES module, `dist/publisher/server.mjs`,
 * unless the stamp beside it says the same sources and settings made it (`npm run build`, `npm test` and
 * the bench build it; a stack never does, see `publisherEntry`).
 */
export async function buildPublisher(options: { outFile?: string; force?: boolean } = {}): Promise<BuiltPublisher> {
  const outFile = options.outFile ?? PUBLISHER_BUNDLE;
  const settingsSha256 = await settingsHash();
  if (!options.force && (await isCurrent(outFile, settingsSha256))) {
    return { path: outFile, bytes: (await stat(outFile)).size, reused: true };
  }
  const result = await build({ ...ESBUILD_OPTIONS, absWorkingDir: REPO_ROOT, entryPoints: [PUBLISHER_SOURCE], outfile: outFile });
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error(`esbuild produced no bundle of ${PUBLISHER_SOURCE}`);
  // Every file esbuild read, tree-shaken ones included: an edit to any of them rebuilds.
  const inputs = hashInputs(REPO_ROOT, Object.keys(result.metafile.inputs));
  await mkdir(dirname(outFile), { recursive: true });
  await writeFileAtomically(outFile, bundle.contents);
  await writeStamp(stampPathFor(outFile), { settingsSha256, inputs, zipSha256: sha256(bundle.contents), bundleBytes: bundle.contents.byteLength });
  return { path: outFile, bytes: bundle.contents.byteLength, reused: false };
}

async function isCurrent(outFile: string, settingsSha256: string): Promise<boolean> {
  const stamp = await readStamp(stampPathFor(outFile));
  return stamp !== undefined && (await stampIsCurrent({ stamp, settingsSha256, workingDir: REPO_ROOT, zipPath: outFile }));
}

/**
 * What the embedded backend starts the publisher from: the bundle when a build made it from the sources
 * as they are now, else the TypeScript source, which is always current. Measured on this project's 2-core
 * machine: from the bundle the process listens after 210 ms and 220 ms of CPU, from source after 380 ms
 * and 500 ms (it strips the types of each file and loads Koa and the SDK file by file), RSS 97 against
 * 121 MB. A stack does not build the bundle itself: esbuild takes about 0.5 s of both cores for it, more
 * than the two publishers of a run save, so a fresh checkout's first `npm run features` would be slower.
 */
export async function publisherEntry(bundle: string = PUBLISHER_BUNDLE): Promise<string> {
  return (await isCurrent(bundle, await settingsHash())) ? bundle : PUBLISHER_SOURCE;
}
