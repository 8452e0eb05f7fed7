import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipEntries } from '../build/zipEntries.ts';

/** The tiny handler timed by the Lambda service figures: it returns its event. */
const ECHO_SOURCE = 'export const handler = async (event) => event;\n';

export type EchoHandler = (event: unknown, context?: unknown) => Promise<unknown>;

export interface EchoFixture extends AsyncDisposable {
  /** `index.mjs`, handler `index.handler`, zipped for CreateFunction. */
  zip: Buffer;
  /** The same module, imported into this process for the direct-call reference. */
  handler: EchoHandler;
  close(): Promise<void>;
}

/** Writes the echo handler to a temporary folder, zips it in memory and imports it. */
export async function createEchoFixture(): Promise<EchoFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-echo-'));
  const file = join(dir, 'index.mjs');
  await writeFile(file, ECHO_SOURCE);
  const zip = await zipEntries([{ name: 'index.mjs', data: ECHO_SOURCE }]);
  const module = (await import(pathToFileURL(file).href)) as { handler: EchoHandler };
  const close = (): Promise<void> => rm(dir, { recursive: true, force: true });
  return { zip, handler: module.handler, close, [Symbol.asyncDispose]: close };
}
