import type { ServiceHandler } from '../edge/types.ts';
import { attachRolePolicy } from './actions/attachRolePolicy.ts';
import { createPolicy } from './actions/createPolicy.ts';
import { createPolicyVersion } from './actions/createPolicyVersion.ts';
import { createRole } from './actions/createRole.ts';
import { deletePolicy } from './actions/deletePolicy.ts';
import { deletePolicyVersion } from './actions/deletePolicyVersion.ts';
import { deleteRole } from './actions/deleteRole.ts';
import { deleteRolePermissionsBoundary } from './actions/deleteRolePermissionsBoundary.ts';
import { deleteRolePolicy } from './actions/deleteRolePolicy.ts';
import { detachRolePolicy } from './actions/detachRolePolicy.ts';
import { getPolicy } from './actions/getPolicy.ts';
import { getPolicyVersion } from './actions/getPolicyVersion.ts';
import { getRole } from './actions/getRole.ts';
import { getRolePolicy } from './actions/getRolePolicy.ts';
import { listAttachedRolePolicies } from './actions/listAttachedRolePolicies.ts';
import { listInstanceProfilesForRole } from './actions/listInstanceProfilesForRole.ts';
import { listPolicyVersions } from './actions/listPolicyVersions.ts';
import { listRolePolicies } from './actions/listRolePolicies.ts';
import { listRoles } from './actions/listRoles.ts';
import { listRoleTags } from './actions/listRoleTags.ts';
import { putRolePermissionsBoundary } from './actions/putRolePermissionsBoundary.ts';
import { putRolePolicy } from './actions/putRolePolicy.ts';
import { tagRole } from './actions/tagRole.ts';
import { untagRole } from './actions/untagRole.ts';
import { updateAssumeRolePolicy } from './actions/updateAssumeRolePolicy.ts';
import { updateRole } from './actions/updateRole.ts';
import { updateRoleDescription } from './actions/updateRoleDescription.ts';
import type { IamStore } from './IamStore.ts';
import { createQueryRouter, type QueryAction } from './queryRouter.ts';

/** The IAM operations this service answers; any other Action is InvalidAction, as on AWS. */
const ACTIONS: ReadonlyMap<string, QueryAction<IamStore>> = new Map<string, QueryAction<IamStore>>([
  ['CreateRole', createRole],
  ['GetRole', getRole],
  ['ListRoles', listRoles],
  ['UpdateRole', updateRole],
  ['UpdateRoleDescription', updateRoleDescription],
  ['UpdateAssumeRolePolicy', updateAssumeRolePolicy],
  ['PutRolePermissionsBoundary', putRolePermissionsBoundary],
  ['DeleteRolePermissionsBoundary', deleteRolePermissionsBoundary],
  ['DeleteRole', deleteRole],
  ['TagRole', tagRole],
  ['UntagRole', untagRole],
  ['ListRoleTags', listRoleTags],
  ['PutRolePolicy', putRolePolicy],
  ['GetRolePolicy', getRolePolicy],
  ['ListRolePolicies', listRolePolicies],
  ['DeleteRolePolicy', deleteRolePolicy],
  ['CreatePolicy', createPolicy],
  ['GetPolicy', getPolicy],
  ['DeletePolicy', deletePolicy],
  ['CreatePolicyVersion', createPolicyVersion],
  ['GetPolicyVersion', getPolicyVersion],
  ['ListPolicyVersions', listPolicyVersions],
  ['DeletePolicyVersion', deletePolicyVersion],
  ['AttachRolePolicy', attachRolePolicy],
  ['DetachRolePolicy', detachRolePolicy],
  ['ListAttachedRolePolicies', listAttachedRolePolicies],
  ['ListInstanceProfilesForRole', listInstanceProfilesForRole],
]);

/** IAM's Query API (version 2010-05-08) over one account's store. */
export function createIamRouter(store: IamStore): ServiceHandler {
  return createQueryRouter({
    namespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    version: '2010-05-08',
    actions: ACTIONS,
    context: store,
    internalErrorCode: 'ServiceFailure',
  });
}
