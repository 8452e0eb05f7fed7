// `npm run build:publisher [-- --force]`: the command line of harness/build/buildPublisher.ts.
import { relative } from 'node:path';
import { buildPublisher } from '../harness/build/buildPublisher.ts';

const started = performance.now();
const built = await buildPublisher(process.argv.includes('--force') ? { force: true } : {});
console.log(
  `publisher ${relative(process.cwd(), built.path)}  ${(built.bytes / 1024).toFixed(1)} KiB${built.reused ? '  (unchanged, kept)' : ''} in ${Math.round(performance.now() - started)} ms`,
);
