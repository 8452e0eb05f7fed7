export { createFauxqsStores } from './createFauxqsStores.ts';
export { installFauxqsAdditions } from './installFauxqsAdditions.ts';
export type { AdditionStores, FauxqsStores } from './types.ts';
