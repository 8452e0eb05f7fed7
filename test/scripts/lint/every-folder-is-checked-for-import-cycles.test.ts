import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

// npm run lint is `eslint .`: both cycle rules must apply to the TypeScript of every folder of the repo.
const folders = ['contracts', 'services/publisher/src', 'lambdas/shared', 'harness', 'steps', 'steps/support', 'scripts', 'test'];

describe('the lint configuration', () => {
  it.each(folders)('checks %s for import cycles, with type-only imports and without', async (folder) => {
    const config = (await new ESLint().calculateConfigForFile(`${folder}/any.ts`)) as { rules?: Record<string, unknown> };

    expect(config.rules?.['import-x/no-cycle']).toEqual([2, expect.objectContaining({ ignoreExternal: true })]);
    expect(config.rules?.['fanout/no-type-import-cycle']).toEqual([2]);
  });
});
