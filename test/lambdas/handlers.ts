import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../harness/topology/loadTopology.ts';
import type { ConsumerHandler } from '../../lambdas/shared/createConsumerHandler.ts';
import { findFunctions } from '../../harness/build/buildLambdas.ts';

/** The `lambdas/` folder of the repository. */
export const lambdasDir = path.join(repoRoot, 'lambdas');

/**
 * Every consumer handler found under `lambdasDir`, by the rule `npm run build:lambdas` bundles them with
 * (a folder with a `handler.ts`), so a consumer added there is in the shared contract tests without an
 * edit here. Import `./environment.ts` before this module: handlers read it when they load.
 */
export async function loadConsumerHandlers(dir = lambdasDir): Promise<[consumer: string, handler: ConsumerHandler][]> {
  const names = await findFunctions(dir);
  return Promise.all(names.map(async (name): Promise<[string, ConsumerHandler]> => {
    const module = (await import(pathToFileURL(path.join(dir, name, 'handler.ts')).href)) as { handler?: unknown };
    if (typeof module.handler !== 'function') throw new Error(`lambdas/${name}/handler.ts exports no handler function`);
    return [name, module.handler as ConsumerHandler];
  }));
}

/** Every consumer handler of the repository, for behaviour all of them share. */
export const consumerHandlers = await loadConsumerHandlers();
