import type { FauxqsStores } from './types.ts';

/**
 * New instances of fauxqs's own SQS, SNS and S3 stores, to pass to `buildApp({ stores })` so that the additions
 * read and change the state fauxqs serves. fauxqs exports the store types but not the classes, so they are
 * loaded from its `dist/` beside the module its package exports.
 */
export async function createFauxqsStores(): Promise<FauxqsStores> {
  const entry = import.meta.resolve('fauxqs');
  const load = async (file: string, className: string): Promise<new () => unknown> => {
    const module: Record<string, unknown> = await import(new URL(file, entry).href);
    const constructor = module[className];
    if (typeof constructor !== 'function') throw new Error(`fauxqs no longer has ${className} in ${file}: update harness/embedded/fauxqs-additions`);
    return constructor as new () => unknown;
  };
  const [SqsStore, SnsStore, S3Store] = await Promise.all([
    load('./sqs/sqsStore.js', 'SqsStore'),
    load('./sns/snsStore.js', 'SnsStore'),
    load('./s3/s3Store.js', 'S3Store'),
  ]);
  // The classes come from fauxqs's own dist, whose declarations FauxqsStores names.
  return { sqsStore: new SqsStore(), snsStore: new SnsStore(), s3Store: new S3Store() } as FauxqsStores;
}
