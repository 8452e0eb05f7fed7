import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import './environment.ts';
import { loadTopology } from '../../harness/topology/loadTopology.ts';
import { buildLambdas, findFunctions } from '../../harness/build/buildLambdas.ts';
import { consumerHandlers, lambdasDir, loadConsumerHandlers } from './handlers.ts';

// The README's "Adding a consumer": a folder `lambdas/<name>/handler.ts` and one entry under `consumers` in
// terraform/fanout.auto.tfvars.json, "and that is all". Nothing in the tests may list the consumers by hand.
describe('a consumer added by the README\'s two steps', () => {
  let scratch: string;

  beforeAll(async () => {
    // A lambdas folder with one more consumer than the repository's, as a new team member would add it.
    scratch = await mkdtemp(path.join(tmpdir(), 'added-consumer-'));
    await mkdir(path.join(scratch, 'shared'));
    await writeFile(path.join(scratch, 'shared', 'index.ts'), 'export const helper = 1;\n');
    for (const name of ['gift-wrapping', 'order-processor']) {
      await mkdir(path.join(scratch, name));
      await writeFile(path.join(scratch, name, 'handler.ts'), 'export const handler = async (): Promise<{ batchItemFailures: [] }> => ({ batchItemFailures: [] });\n');
    }
  });
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('has a handler folder for every consumer of the topology, and no handler without its entry', async () => {
    const topology = await loadTopology();

    expect(await findFunctions(lambdasDir)).toEqual(Object.keys(topology.consumers).sort());
  });

  it('is in the shared contract tests, which take every handler folder', async () => {
    expect(consumerHandlers.map(([name]) => name)).toEqual(await findFunctions(lambdasDir));
    expect((await loadConsumerHandlers(scratch)).map(([name]) => name)).toEqual(['gift-wrapping', 'order-processor']);
  });

  it('is bundled by build:lambdas, which takes every handler folder', async () => {
    const built = await buildLambdas({ lambdasDir: scratch, outDir: path.join(scratch, 'dist') });

    expect(built.map((lambda) => lambda.name)).toEqual(['gift-wrapping', 'order-processor']);
  });
});
