import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { repoRoot } from '../../../harness/topology/loadTopology.ts';
import { parseHclCached } from './parseHclCached.ts';

/** The body of one block as hcl2json renders it: expressions become `${...}` strings, nested blocks arrays. */
export type HclBody = Record<string, unknown>;

/** The blocks of one Terraform module (one folder of `.tf` files), indexed by address. */
export interface TerraformModule {
  dir: string;
  /** Each file's parsed JSON, by file name. */
  files: Record<string, HclBody>;
  variables: Record<string, HclBody>;
  outputs: Record<string, HclBody>;
  locals: Record<string, unknown>;
  modules: Record<string, HclBody>;
  /** `resources[type][name]`. */
  resources: Record<string, Record<string, HclBody>>;
  /** `data[type][name]`. */
  data: Record<string, Record<string, HclBody>>;
  providers: Record<string, HclBody>;
  terraform: HclBody[];
}

export const terraformRoot = path.join(repoRoot, 'terraform');
export const subscriberModuleDir = path.join(terraformRoot, 'modules', 'subscriber');

const body = z.record(z.string(), z.unknown());
const namedBlocks = z.record(z.string(), z.array(body));
const typedBlocks = z.record(z.string(), namedBlocks);
const fileSchema = z.strictObject({
  variable: namedBlocks.optional(),
  output: namedBlocks.optional(),
  locals: z.array(body).optional(),
  module: namedBlocks.optional(),
  resource: typedBlocks.optional(),
  data: typedBlocks.optional(),
  provider: namedBlocks.optional(),
  terraform: z.array(body).optional(),
});

function addUnique<T>(index: Record<string, T>, name: string, value: T, what: string): void {
  if (Object.hasOwn(index, name)) throw new Error(`${what} "${name}" is declared twice`);
  index[name] = value;
}

function addNamed(index: Record<string, HclBody>, blocks: z.infer<typeof namedBlocks> | undefined, what: string): void {
  for (const [name, bodies] of Object.entries(blocks ?? {})) {
    for (const block of bodies) addUnique(index, name, block, what);
  }
}

function addTyped(
  index: Record<string, Record<string, HclBody>>,
  blocks: z.infer<typeof typedBlocks> | undefined,
  what: string,
): void {
  for (const [type, byName] of Object.entries(blocks ?? {})) {
    index[type] ??= {};
    addNamed(index[type], byName, `${what} ${type}`);
  }
}

/** Parses every `.tf` file of `dir` with the real HCL parser (hcl2json: HashiCorp's HCL library compiled to WebAssembly). */
export async function parseTerraformModule(dir: string): Promise<TerraformModule> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.tf')).sort();
  if (names.length === 0) throw new Error(`no .tf files in ${dir}`);
  const module: TerraformModule = {
    dir, files: {}, variables: {}, outputs: {}, locals: {}, modules: {}, resources: {}, data: {}, providers: {}, terraform: [],
  };
  for (const name of names) {
    const json = await parseHclCached(name, await readFile(path.join(dir, name), 'utf8'));
    const file = fileSchema.parse(json);
    module.files[name] = json;
    addNamed(module.variables, file.variable, 'variable');
    addNamed(module.outputs, file.output, 'output');
    addNamed(module.modules, file.module, 'module');
    addNamed(module.providers, file.provider, 'provider');
    addTyped(module.resources, file.resource, 'resource');
    addTyped(module.data, file.data, 'data');
    for (const locals of file.locals ?? []) {
      for (const [localName, value] of Object.entries(locals)) addUnique(module.locals, localName, value, 'local');
    }
    module.terraform.push(...(file.terraform ?? []));
  }
  return module;
}

const cache = new Map<string, Promise<TerraformModule>>();

/** {@link parseTerraformModule}, once per folder and test file. */
export function loadTerraformModule(dir: string): Promise<TerraformModule> {
  let loaded = cache.get(dir);
  if (!loaded) {
    loaded = parseTerraformModule(dir);
    cache.set(dir, loaded);
  }
  return loaded;
}

/** Both modules of this repository: the root and modules/subscriber. */
export async function loadAllModules(): Promise<TerraformModule[]> {
  return Promise.all([loadTerraformModule(terraformRoot), loadTerraformModule(subscriberModuleDir)]);
}

/** The one block at `resources[type][name]` (or `data`), failing with the address when absent. */
export function block(index: Record<string, Record<string, HclBody>>, type: string, name: string): HclBody {
  const found = index[type]?.[name];
  if (!found) throw new Error(`${type}.${name} is not declared`);
  return found;
}

/** Nested blocks (`environment { ... }`) are arrays of bodies in hcl2json's output. */
export function nestedBlocks(parent: HclBody, name: string): HclBody[] {
  return z.array(body).optional().parse(parent[name]) ?? [];
}

/** The single nested block `name` of `parent`. */
export function nestedBlock(parent: HclBody, name: string): HclBody {
  const [only, ...others] = nestedBlocks(parent, name);
  if (!only || others.length > 0) throw new Error(`expected exactly one "${name}" block`);
  return only;
}

/** An attribute that must be a string (a literal or a `${...}` expression). */
export function stringAttribute(parent: HclBody, name: string): string {
  const value = parent[name];
  if (typeof value !== 'string') throw new Error(`attribute "${name}" is ${JSON.stringify(value)}, not a string`);
  return value;
}

/** Every resource of a module as `[type, name, body]`. */
export function allResources(module: TerraformModule): Array<[string, string, HclBody]> {
  return Object.entries(module.resources).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, resource]): [string, string, HclBody] => [type, name, resource]));
}

const validationSchema = z.array(z.looseObject({ condition: z.string(), error_message: z.string() }));

/** The `validation` blocks of a variable. */
export function validationsOf(variable: HclBody | undefined): Array<{ condition: string; error_message: string }> {
  return validationSchema.optional().parse(variable?.validation) ?? [];
}
