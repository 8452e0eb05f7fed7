// @ts-check
// JavaScript, not TypeScript, as eslint.config.js is: `node_modules/.bin/eslint` may run on a Node that does not strip types.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * A static import or re-export of one of the repo's own files. `typeOnly`: `import type`, `export type`, or
 * every named binding marked `type`, erased before the code runs.
 * @typedef {{ specifier: string; target: string; typeOnly: boolean }} Edge
 */

/** @typedef {{ mtimeMs: number; checkedAt: number; edges: readonly Edge[] }} CachedEdges */

/** How long a file's imports are trusted before its mtime is looked at again (an editor keeps ESLint running). */
const RECHECK_MS = 1000;
/** @type {Map<string, CachedEdges>} */
const cache = new Map();

/** @param {ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>} elements */
const isNamedTypeOnly = (elements) =>
  elements.length > 0 && elements.every((element) => element.isTypeOnly);

/**
 * The file's static imports and re-exports of relative paths, read by TypeScript's parser (no type checking).
 * @param {string} file
 * @param {string} text
 * @returns {Edge[]}
 */
function edgesIn(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** @type {Edge[]} */
  const edges = [];
  for (const statement of source.statements) {
    let typeOnly;
    let from;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      typeOnly = clause?.phaseModifier === ts.SyntaxKind.TypeKeyword || (clause !== undefined && !clause.name && named !== undefined && isNamedTypeOnly(named));
      from = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const named = statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements : undefined;
      typeOnly = statement.isTypeOnly || (named !== undefined && isNamedTypeOnly(named));
      from = statement.moduleSpecifier;
    } else {
      continue;
    }
    const specifier = ts.isStringLiteral(from) ? from.text : undefined;
    if (specifier?.startsWith('.')) edges.push({ specifier, target: path.resolve(path.dirname(file), specifier), typeOnly });
  }
  return edges;
}

/**
 * The edges of a file on disk, cached while its mtime stays; none for a file that is not there (a package, JSON).
 * @param {string} file
 * @returns {readonly Edge[]}
 */
function edgesOnDisk(file) {
  const now = Date.now();
  const cached = cache.get(file);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.edges;
  let mtimeMs;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  if (cached?.mtimeMs === mtimeMs) {
    cached.checkedAt = now;
    return cached.edges;
  }
  const edges = /\.[cm]?[jt]s$/.test(file) ? edgesIn(file, readFileSync(file, 'utf8')) : [];
  cache.set(file, { mtimeMs, checkedAt: now, edges });
  return edges;
}

/**
 * The shortest import path from `start` back to `file` on which at least one import is type-only (the edge
 * from `file` to `start` counts, as `startTypeOnly`), or undefined. Cycles of value imports only are
 * `import-x/no-cycle`'s to report.
 * @param {string} file
 * @param {string} start
 * @param {boolean} startTypeOnly
 * @returns {string[] | undefined}
 */
function typeCycleBack(file, start, startTypeOnly) {
  /** @type {(node: string, sawType: boolean) => string} */
  const key = (node, sawType) => `${sawType ? 't' : 'v'}${node}`;
  /** @type {Map<string, string | undefined>} */
  const parent = new Map([[key(start, startTypeOnly), undefined]]);
  /** @type {Array<[string, boolean]>} */
  const queue = [[start, startTypeOnly]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [node, sawType] = next;
    for (const edge of edgesOnDisk(node)) {
      const seen = sawType || edge.typeOnly;
      if (edge.target === file) {
        if (!seen) continue;
        const route = [];
        for (let at = /** @type {string | undefined} */ (key(node, sawType)); at !== undefined; at = parent.get(at)) route.unshift(at.slice(1));
        return route;
      }
      const state = key(edge.target, seen);
      if (parent.has(state)) continue;
      parent.set(state, key(node, sawType));
      queue.push([edge.target, seen]);
    }
  }
  return undefined;
}

/**
 * No import cycle through type-only imports either. `import-x/no-cycle` leaves out `import type` by design (it
 * costs nothing at run time), but a module that needs the types of a module that needs it is still a cycle in
 * the design: the helpers of the Cucumber World that import the World's types, for one.
 * @type {import('eslint').Rule.RuleModule}
 */
export const noTypeImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, counting type-only imports' },
    schema: [],
    messages: { cycle: 'Import cycle through a type-only import: {{route}}' },
  },
  create(context) {
    const file = context.physicalFilename;
    return {
      Program(program) {
        const edges = edgesIn(file, context.sourceCode.text);
        /** @param {string} target */
        const relative = (target) => path.relative(context.cwd, target);
        for (const edge of edges) {
          const route = typeCycleBack(file, edge.target, edge.typeOnly);
          if (!route) continue;
          const node = program.body.find((statement) => 'source' in statement && statement.source?.value === edge.specifier) ?? program;
          context.report({ node, messageId: 'cycle', data: { route: [file, ...route, file].map(relative).join(' -> ') } });
        }
      },
    };
  },
};
