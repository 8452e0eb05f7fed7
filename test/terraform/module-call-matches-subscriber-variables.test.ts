import { describe, expect, it } from '@jest/globals';
import { loadTerraformModule, subscriberModuleDir, terraformRoot } from './support/terraformModule.ts';

/** Arguments of a module block that are meta-arguments, not the module's variables. */
const metaArguments = new Set(['source', 'version', 'for_each', 'count', 'providers', 'depends_on']);

describe('module "subscriber"', () => {
  it('is called once per effective consumer with exactly the variables it declares, all required ones included', async () => {
    // Prepare
    const root = await loadTerraformModule(terraformRoot);
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const call = root.modules.subscriber;

    // Act
    const passed = Object.keys(call ?? {}).filter((name) => !metaArguments.has(name)).sort();
    const required = Object.entries(subscriber.variables)
      .filter(([, variable]) => !Object.hasOwn(variable, 'default'))
      .map(([name]) => name);

    // Assess
    expect(call?.source).toBe('./modules/subscriber');
    expect(call?.for_each).toBe('${local.consumers}');
    expect(call?.consumer).toBe('${each.value}');
    expect(call?.consumer_name).toBe('${each.key}');
    expect(passed.filter((name) => !Object.hasOwn(subscriber.variables, name))).toEqual([]);
    expect(required.filter((name) => !passed.includes(name))).toEqual([]);
  });
});
