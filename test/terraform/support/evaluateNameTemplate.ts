import type { TerraformModule } from './terraformModule.ts';

/**
 * Evaluates a name such as `"${local.queue_name}-dlq"` whose interpolations are plain
 * `var.x` / `local.y` references, given values for the variables. Anything richer throws, so a
 * name computed some other way makes the test that uses this fail loudly instead of guessing.
 */
export function evaluateNameTemplate(
  template: string,
  module: TerraformModule,
  variables: Record<string, string>,
  seen: readonly string[] = [],
): string {
  return template.replace(/\$\{([^}]*)\}/g, (_, inner: string) => {
    const [, kind, name] = /^\s*(var|local)\.([A-Za-z_][\w-]*)\s*$/.exec(inner) ?? [];
    if (!kind || !name) throw new Error(`"${template}": only var.x and local.x interpolations can be evaluated, not "${inner}"`);
    if (kind === 'var') {
      const value = variables[name];
      if (value === undefined) throw new Error(`"${template}": no value given for var.${name}`);
      return value;
    }
    if (seen.includes(name)) throw new Error(`local.${name} refers to itself`);
    const local = module.locals[name];
    if (typeof local !== 'string') throw new Error(`"${template}": local.${name} is not a string template`);
    return evaluateNameTemplate(local, module, variables, [...seen, name]);
  });
}
