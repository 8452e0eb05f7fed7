import type { ServiceHandler } from '../edge/types.ts';
import { createQueryRouter, type QueryAction } from '../iam-service/queryRouter.ts';
import { assumeRole } from './actions/assumeRole.ts';
import { getCallerIdentity } from './actions/getCallerIdentity.ts';
import type { StsContext } from './StsContext.ts';

/** The STS operations this service answers; any other Action is InvalidAction, as on AWS. */
const ACTIONS: ReadonlyMap<string, QueryAction<StsContext>> = new Map<string, QueryAction<StsContext>>([
  ['GetCallerIdentity', getCallerIdentity],
  ['AssumeRole', assumeRole],
]);

/** STS's Query API (version 2011-06-15), on the Query protocol machinery it shares with IAM. */
export function createStsRouter(context: StsContext): ServiceHandler {
  return createQueryRouter({
    namespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    version: '2011-06-15',
    actions: ACTIONS,
    context,
    internalErrorCode: 'InternalFailure',
  });
}
