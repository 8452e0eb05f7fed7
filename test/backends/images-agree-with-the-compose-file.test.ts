import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import * as z from 'zod';
import { pinnedImages } from '../../harness/backends/images.ts';
import { repoRoot } from '../../harness/topology/loadTopology.ts';

const composeFile = path.join(repoRoot, 'compose', 'docker-compose.yml');
const composeImages = z.object({ services: z.record(z.string(), z.looseObject({ image: z.string().optional() })) });

describe('pinned images', () => {
  it('are the ones compose/docker-compose.yml runs, so that compose and testcontainers test the same LocalStack and Terraform', async () => {
    expect(existsSync(composeFile)).toBe(true);
    const { services } = composeImages.parse(parse(await readFile(composeFile, 'utf8')));

    expect(services.localstack?.image).toBe(pinnedImages.localstack);
    expect(services.terraform?.image).toBe(pinnedImages.terraform);
  });
});
