import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * Bundled, every module's `import.meta` is the bundle's. For this repository's own TypeScript files under
 * `root` (never `node_modules`), `import.meta.dirname`, `.filename` and `.url` are set back to the source
 * file's, so code that finds files beside itself (the publisher's docs page) works the same bundled as run
 * from source. The bundle then belongs to this checkout, which is where `dist/` lives anyway.
 */
export function importMetaOfSource(root: string): Plugin {
  return {
    name: 'import-meta-of-source',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes('/node_modules/') || relative(root, args.path).startsWith('..')) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.')) return undefined;
        const values: Record<string, string> = {
          dirname: dirname(args.path),
          filename: args.path,
          url: pathToFileURL(args.path).href,
        };
        const contents = source.replace(/\bimport\.meta\.(dirname|filename|url)\b/g, (_, key: string) => JSON.stringify(values[key]));
        return { contents, loader: 'ts' };
      });
    },
  };
}
