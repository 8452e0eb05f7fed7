import { describe, expect, it } from '@jest/globals';
import { collectReferences } from './support/terraformReferences.ts';
import { loadAllModules, type TerraformModule } from './support/terraformModule.ts';

function unresolved(module: TerraformModule): string[] {
  const references = Object.entries(module.files).flatMap(([file, json]) => collectReferences(json, file));
  return references
    .filter((reference) => {
      switch (reference.kind) {
        case 'var':
          return !Object.hasOwn(module.variables, reference.address);
        case 'local':
          return !Object.hasOwn(module.locals, reference.address);
        case 'module':
          return !Object.hasOwn(module.modules, reference.address);
        case 'data': {
          const [type = '', name = ''] = reference.address.split('.');
          return !module.data[type]?.[name];
        }
        case 'resource': {
          const [type = '', name = ''] = reference.address.split('.');
          return !module.resources[type]?.[name];
        }
      }
    })
    .map((reference) => `${reference.kind} ${reference.address} (at ${reference.at})`);
}

describe('Terraform references', () => {
  it('name only variables, locals, modules, resources and data sources declared in the same module', async () => {
    // Prepare
    const modules = await loadAllModules();

    // Act
    const dangling = modules.map((module) => ({ module: module.dir, dangling: unresolved(module) }));

    // Assess
    expect(dangling).toEqual(modules.map((module) => ({ module: module.dir, dangling: [] })));
  });

  it('are found in every kind of expression, so the check above is not vacuous', async () => {
    const [root, subscriber] = await loadAllModules();
    const kinds = (module: TerraformModule | undefined) =>
      new Set(Object.entries(module?.files ?? {}).flatMap(([file, json]) => collectReferences(json, file).map((r) => r.kind)));

    expect([...kinds(root)].sort()).toEqual(['local', 'module', 'resource', 'var']);
    expect([...kinds(subscriber)].sort()).toEqual(['data', 'local', 'resource', 'var']);
  });
});
