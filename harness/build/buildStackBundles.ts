import { buildLambdas, type BuiltLambda } from './buildLambdas.ts';
import { buildPublisher, type BuiltPublisher } from './buildPublisher.ts';

/**
 * Everything the embedded backend runs from `dist/`: the Lambda zips (`dist/lambdas`) and the publisher
 * bundle (`dist/publisher/server.mjs`, used while current). Both builds skip what their stamps say is
 * unchanged, and run side by side. The bench builds both before it measures.
 */
export async function buildStackBundles(options: { lambdasOutDir?: string } = {}): Promise<{ lambdas: BuiltLambda[]; publisher: BuiltPublisher }> {
  const [lambdas, publisher] = await Promise.all([
    buildLambdas(options.lambdasOutDir === undefined ? {} : { outDir: options.lambdasOutDir }),
    buildPublisher(),
  ]);
  return { lambdas, publisher };
}
