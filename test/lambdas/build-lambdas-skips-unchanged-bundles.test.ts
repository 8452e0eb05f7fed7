import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { buildLambdas } from '../../harness/build/buildLambdas.ts';
import { stampPathFor } from '../../harness/build/lambdaBuildStamp.ts';
import { readZipEntries } from './unzip.ts';

// A build whose inputs (every file esbuild read, from its metafile) and settings hash the same as the stamp
// beside the zip keeps that zip; anything else runs esbuild again. A small function of our own keeps the
// builds fast: the mechanism is the same for the real ones (see the last test).
let scratch: string;
let lambdasDir: string;
let outDir: string;

async function writeFunction(greeting: string): Promise<void> {
  await writeFile(path.join(lambdasDir, 'greeter', 'greeting.ts'), `export const greeting = '${greeting}';\n`);
}

async function buildGreeter(options: { force?: boolean } = {}) {
  const [built] = await buildLambdas({ lambdasDir, outDir, ...options });
  if (!built) throw new Error('no greeter built');
  return built;
}

async function bundleSource(zipPath: string): Promise<string> {
  const [entry] = await readZipEntries(zipPath);
  return entry?.data.toString('utf8') ?? '';
}

beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'build-lambdas-stamp-'));
  lambdasDir = path.join(scratch, 'lambdas');
  outDir = path.join(scratch, 'dist');
  await mkdir(path.join(lambdasDir, 'greeter'), { recursive: true });
  await writeFile(
    path.join(lambdasDir, 'greeter', 'handler.ts'),
    "import { greeting } from './greeting.ts';\nexport const handler = async (): Promise<string> => greeting;\n",
  );
  await writeFunction('hello');
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('buildLambdas with a stamp beside each zip', () => {
  it('keeps the zip of an unchanged function without rewriting it', async () => {
    // Prepare
    const first = await buildGreeter();
    const before = await stat(first.zipPath);

    // Act
    const second = await buildGreeter();

    // Assess
    const after = await stat(second.zipPath);
    expect(first.reused).toBe(false);
    expect(second.reused).toBe(true);
    expect(second.sha256).toBe(first.sha256);
    expect(second.bundleBytes).toBe(first.bundleBytes);
    expect(second.zipBytes).toBe(before.size);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('rebuilds when a source file the bundle imports changes', async () => {
    const first = await buildGreeter();
    await writeFunction('bonjour');

    const second = await buildGreeter();

    expect(second.reused).toBe(false);
    expect(second.sha256).not.toBe(first.sha256);
    expect(await bundleSource(second.zipPath)).toContain('bonjour');
  });

  it('rebuilds when an imported file the bundle tree-shook away changes so that it counts', async () => {
    // Prepare: the handler imports a module whose export it never uses, so esbuild reads it and drops it
    const handler = path.join(lambdasDir, 'greeter', 'handler.ts');
    await writeFile(path.join(lambdasDir, 'greeter', 'unused.ts'), 'export const unused = 1;\n');
    await writeFile(handler, `import './unused.ts';\n${await readFile(handler, 'utf8')}`);
    const first = await buildGreeter();
    expect(await bundleSource(first.zipPath)).not.toContain('now it counts');

    // Act: the dropped module gains a side effect, which the bundle must now carry
    await writeFile(path.join(lambdasDir, 'greeter', 'unused.ts'), "export const unused = 1;\nconsole.log('now it counts');\n");
    const second = await buildGreeter();

    // Assess
    expect(second.reused).toBe(false);
    expect(await bundleSource(second.zipPath)).toContain('now it counts');
  });

  it('rebuilds to the same bytes when the edit is undone: the stamp never replaces the reproducible build', async () => {
    const original = await buildGreeter();
    await writeFunction('bonjour');
    await buildGreeter();
    await writeFunction('hello');

    const restored = await buildGreeter();
    const forced = await buildGreeter({ force: true });

    expect(restored.reused).toBe(false);
    expect(restored.sha256).toBe(original.sha256);
    expect(forced.reused).toBe(false);
    expect(forced.sha256).toBe(original.sha256);
  });

  it('rebuilds when the settings differ from the stamp\'s (esbuild version or options, package-lock.json, tsconfig.json, this script)', async () => {
    const first = await buildGreeter();
    const stampPath = stampPathFor(first.zipPath);
    const stamp = JSON.parse(await readFile(stampPath, 'utf8')) as Record<string, unknown>;
    await writeFile(stampPath, JSON.stringify({ ...stamp, settingsSha256: '0'.repeat(64) }));

    const second = await buildGreeter();

    expect(second.reused).toBe(false);
    expect(JSON.parse(await readFile(stampPath, 'utf8'))).toMatchObject({ settingsSha256: stamp.settingsSha256 });
  });

  it('rebuilds when the stamp is missing', async () => {
    const first = await buildGreeter();
    await rm(stampPathFor(first.zipPath));

    const second = await buildGreeter();

    expect(second.reused).toBe(false);
    expect(second.sha256).toBe(first.sha256);
    expect(JSON.parse(await readFile(stampPathFor(second.zipPath), 'utf8'))).toMatchObject({ zipSha256: first.sha256 });
  });

  it.each([
    ['not JSON', '{"format": 1, "settingsSha'],
    ['JSON of another shape', '{"format": 1, "inputs": []}'],
    ['of another stamp format', '{"format": 99, "settingsSha256": "", "inputs": {}, "zipSha256": "", "bundleBytes": 0}'],
  ])('rebuilds when the stamp is %s', async (_kind, corrupt) => {
    const first = await buildGreeter();
    await writeFile(stampPathFor(first.zipPath), corrupt);

    const second = await buildGreeter();

    expect(second.reused).toBe(false);
    expect(second.sha256).toBe(first.sha256);
  });

  it('rebuilds when the zip is gone or is not the one the stamp was written for', async () => {
    const first = await buildGreeter();
    await writeFile(first.zipPath, 'not the zip the stamp describes');
    const replaced = await buildGreeter();
    await rm(first.zipPath);
    const deleted = await buildGreeter();

    expect(replaced.reused).toBe(false);
    expect(replaced.sha256).toBe(first.sha256);
    expect(deleted.reused).toBe(false);
    expect(deleted.sha256).toBe(first.sha256);
  });

  it('hashes the dependencies a real function bundles, so an upgrade in node_modules rebuilds it', async () => {
    const [built] = await buildLambdas({ outDir, names: ['order-processor'] });
    const stamp = JSON.parse(await readFile(stampPathFor(built?.zipPath ?? ''), 'utf8')) as { inputs: Record<string, string> };
    const inputs = Object.keys(stamp.inputs);

    expect(inputs).toContain('lambdas/order-processor/handler.ts');
    expect(inputs).toContain('lambdas/shared/createConsumerHandler.ts');
    expect(inputs.some((input) => input.startsWith('node_modules/@aws-lambda-powertools/batch/'))).toBe(true);
    expect(inputs.some((input) => input.startsWith('node_modules/@aws-sdk/client-sqs/'))).toBe(true);
    expect(Object.values(stamp.inputs).every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });
});
