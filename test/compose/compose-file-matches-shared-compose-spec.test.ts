import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../../harness/topology/loadTopology.ts';
import { composeSchemaValidator, describeErrors } from './support/composeSchemaValidator.ts';
import { readComposeDocument } from './support/loadComposeFile.ts';

/** The current upstream schema, kept beside the project (see ../shared/schemas/README.md), absent in a user's clone. */
const sharedSchema = path.resolve(repoRoot, '..', 'shared', 'schemas', 'compose-spec.json');
const present = existsSync(sharedSchema);
if (!present) console.warn(`skipped: ${sharedSchema} is absent (it lives beside the project, not in it)`);
const maybe = present ? it : it.skip;

describe('compose/docker-compose.yml', () => {
  maybe('is valid against the upstream Compose Specification schema in ../shared/schemas', async () => {
    // Prepare
    const validate = composeSchemaValidator(JSON.parse(await readFile(sharedSchema, 'utf8')));

    // Act
    const valid = validate(await readComposeDocument());

    // Assess
    expect(describeErrors(validate)).toEqual([]);
    expect(valid).toBe(true);
  });
});
