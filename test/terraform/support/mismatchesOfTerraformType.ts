import type { TerraformType } from './terraformType.ts';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Where a JSON value (from a .tfvars.json file) does not fit a type constraint, as paths with a
 * reason. Stricter than Terraform, which would convert "10" to 10: the TypeScript schema would not.
 */
export function mismatchesOfTerraformType(value: unknown, type: TerraformType, at = '$'): string[] {
  switch (type.kind) {
    case 'any':
      return [];
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: ${JSON.stringify(value)} is not a string`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: ${JSON.stringify(value)} is not a number`];
    case 'bool':
      return typeof value === 'boolean' ? [] : [`${at}: ${JSON.stringify(value)} is not a bool`];
    case 'list':
    case 'set':
      return Array.isArray(value)
        ? value.flatMap((item, i) => mismatchesOfTerraformType(item, type.element, `${at}[${i}]`))
        : [`${at}: not a ${type.kind}`];
    case 'tuple':
      return Array.isArray(value) && value.length === type.elements.length
        ? type.elements.flatMap((element, i) => mismatchesOfTerraformType(value[i], element, `${at}[${i}]`))
        : [`${at}: not a tuple of ${type.elements.length}`];
    case 'map':
      return isPlainObject(value)
        ? Object.entries(value).flatMap(([key, item]) => mismatchesOfTerraformType(item, type.element, `${at}.${key}`))
        : [`${at}: not a map`];
    case 'object': {
      if (!isPlainObject(value)) return [`${at}: not an object`];
      const undeclared = Object.keys(value)
        .filter((key) => !Object.hasOwn(type.attributes, key))
        .map((key) => `${at}.${key}: not declared (Terraform would drop it silently)`);
      const declared = Object.entries(type.attributes).flatMap(([key, attribute]) => {
        if (!Object.hasOwn(value, key)) return attribute.optional ? [] : [`${at}.${key}: missing`];
        const item = value[key];
        return item === null && attribute.optional ? [] : mismatchesOfTerraformType(item, attribute.type, `${at}.${key}`);
      });
      return [...undeclared, ...declared];
    }
  }
}
