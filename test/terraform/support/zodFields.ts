import * as z from 'zod';

/** One field of a zod object schema, in the terms a Terraform type constraint uses. */
export interface ZodField {
  /** `number`, `string`, `bool`, `map(string)`, or `any` for a JSON object that may be null. */
  kind: string;
  optional: boolean;
  minimum?: number;
  maximum?: number;
  integer: boolean;
  pattern?: string;
}

const jsonSchemaNode = z.looseObject({
  type: z.union([z.string(), z.array(z.string())]).optional(),
  pattern: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  additionalProperties: z.unknown().optional(),
  propertyNames: z.unknown().optional(),
  required: z.array(z.string()).optional(),
  anyOf: z.array(z.unknown()).optional(),
});
type JsonSchemaNode = z.infer<typeof jsonSchemaNode>;

function isRecordOfUnknown(node: JsonSchemaNode): boolean {
  const values = jsonSchemaNode.safeParse(node.additionalProperties);
  return node.type === 'object' && !node.properties && values.success && values.data.type === undefined;
}

function kindOf(node: JsonSchemaNode): string {
  if (node.anyOf) {
    const branches = node.anyOf.map((branch) => jsonSchemaNode.parse(branch));
    const nonNull = branches.filter((branch) => branch.type !== 'null');
    // A nullable JSON object of unknown shape (filter_policy) is what Terraform calls `any`.
    if (nonNull.length === 1 && branches.length === 2 && nonNull[0] && isRecordOfUnknown(nonNull[0])) return 'any';
    throw new Error(`no Terraform equivalent for ${JSON.stringify(node)}`);
  }
  switch (node.type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'object': {
      if (node.properties) return 'object';
      const values = jsonSchemaNode.parse(node.additionalProperties ?? {});
      return `map(${kindOf(values)})`;
    }
    default:
      throw new Error(`no Terraform equivalent for ${JSON.stringify(node)}`);
  }
}

/** Converts a JSON Schema node of zod's own rendering into a {@link ZodField}. */
export function describeJsonSchemaField(schema: unknown, optional: boolean): ZodField {
  const node = jsonSchemaNode.parse(schema);
  return {
    kind: kindOf(node),
    optional,
    integer: node.type === 'integer',
    ...(node.minimum === undefined ? {} : { minimum: node.minimum }),
    ...(node.maximum === undefined ? {} : { maximum: node.maximum }),
    ...(node.pattern === undefined ? {} : { pattern: node.pattern }),
  };
}

/** The JSON Schema zod 4 derives from `schema` (refinements are not part of it). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchemaNode {
  return jsonSchemaNode.parse(z.toJSONSchema(schema, { io: 'input' }));
}

/** The fields of an object schema, by name. */
export function zodObjectFields(schema: z.ZodType): Record<string, ZodField> {
  const root = jsonSchemaOf(schema);
  if (!root.properties) throw new Error('not an object schema');
  const required = new Set(root.required ?? []);
  return Object.fromEntries(
    Object.entries(root.properties).map(([name, field]) => [name, describeJsonSchemaField(field, !required.has(name))]),
  );
}
