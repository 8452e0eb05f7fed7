// `npm run build:lambdas [-- --force]`: the command line of harness/build/buildLambdas.ts.
import { relative } from 'node:path';
import { buildLambdas } from '../harness/build/buildLambdas.ts';

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

const started = performance.now();
const built = await buildLambdas(process.argv.includes('--force') ? { force: true } : {});
for (const lambda of built) {
  console.log(
    `${lambda.name.padEnd(20)} ${relative(process.cwd(), lambda.zipPath)}  index.mjs ${kib(lambda.bundleBytes)}  zip ${kib(lambda.zipBytes)}  sha256 ${lambda.sha256}${lambda.reused ? '  (unchanged, kept)' : ''}`,
  );
}
const reused = built.filter((lambda) => lambda.reused).length;
console.log(`built ${built.length - reused} and kept ${reused} unchanged of ${built.length} lambdas in ${Math.round(performance.now() - started)} ms`);
