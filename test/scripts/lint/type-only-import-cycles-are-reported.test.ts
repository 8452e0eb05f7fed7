import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { noTypeImportCycle } from '../../../scripts/lint/noTypeImportCycle.js';

// import-x/no-cycle leaves out `import type` on purpose; this rule reports the cycles that go through one.
const files: Record<string, string> = {
  // A helper that needs the World's types, imported by the World: the cycle the World had.
  'world.ts': "import { check } from './helper.ts';\nexport class World { run(): void { check(this); } }\n",
  'helper.ts': "import type { World } from './world.ts';\nexport function check(_world: World): void {}\n",
  // The same with inline `type` markers only, three files round.
  'first.ts': "import { second } from './second.ts';\nexport const first = second;\n",
  'second.ts': "import { third } from './third.ts';\nexport const second = third;\n",
  'third.ts': "import { type First } from './types-of-first.ts';\nexport const third = 3 satisfies First;\n",
  'types-of-first.ts': "export type First = number;\nexport { first as again } from './first.ts';\n",
  // Value imports only: import-x/no-cycle reports these, not this rule.
  'ping.ts': "import { pong } from './pong.ts';\nexport const ping = (): unknown => pong;\n",
  'pong.ts': "import { ping } from './ping.ts';\nexport const pong = (): unknown => ping;\n",
  // A type import with no way back.
  'leaf-user.ts': "import type { Leaf } from './leaf.ts';\nexport const leaf: Leaf = 1;\n",
  'leaf.ts': 'export type Leaf = number;\n',
};

describe('the import cycle rule that counts type-only imports', () => {
  let dir: string;
  let linter: Linter;
  const lint = (name: string): string[] =>
    linter
      .verify(files[name] ?? '', [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { fanout: { rules: { 'no-type-import-cycle': noTypeImportCycle } } }, rules: { 'fanout/no-type-import-cycle': 'error' } }], { filename: path.join(dir, name) })
      .map((m) => `${m.line}: ${m.message}`);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'type-import-cycle-'));
    await Promise.all(Object.entries(files).map(([name, text]) => writeFile(path.join(dir, name), text)));
    linter = new Linter({ cwd: dir });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the World and its helper, on both sides, with the route', () => {
    expect(lint('world.ts')).toEqual(['1: Import cycle through a type-only import: world.ts -> helper.ts -> world.ts']);
    expect(lint('helper.ts')).toEqual(['1: Import cycle through a type-only import: helper.ts -> world.ts -> helper.ts']);
  });

  it('follows value imports and re-exports to a type-only one several files away', () => {
    expect(lint('first.ts')).toEqual(['1: Import cycle through a type-only import: first.ts -> second.ts -> third.ts -> types-of-first.ts -> first.ts']);
  });

  it('leaves cycles of value imports to import-x/no-cycle, and passes imports with no way back', () => {
    expect(lint('ping.ts')).toEqual([]);
    expect(lint('leaf-user.ts')).toEqual([]);
  });
});
