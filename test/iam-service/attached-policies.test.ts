import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteConflictException,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  ListAttachedRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { lambdaTrustPolicy, queuePolicy, startIamTestKit, type IamTestKit } from './helpers/iamTestKit.ts';

// Sources: LocalStack test_iam_roles.snapshot.json TestRoleManagedPolicies (lifecycle and error
// wording) and TestRoleLifecycle::test_delete_role_with_attached_policy, recorded against AWS.
describe('managed policies attached to roles', () => {
  let kit: IamTestKit;
  const basicExecution = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
  let customArn: string;

  beforeAll(async () => {
    kit = await startIamTestKit({ accountId: '111111111111' });
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'consumer', AssumeRolePolicyDocument: lambdaTrustPolicy }));
    const created = await kit.iam.send(new CreatePolicyCommand({ PolicyName: 'consume-orders', PolicyDocument: queuePolicy }));
    customArn = created.Policy?.Arn ?? '';
  });

  afterAll(async () => {
    await kit.close();
  });

  it('attaches a customer managed policy and an AWS managed one that this service does not catalogue', async () => {
    await kit.iam.send(new AttachRolePolicyCommand({ RoleName: 'consumer', PolicyArn: customArn }));
    await kit.iam.send(new AttachRolePolicyCommand({ RoleName: 'consumer', PolicyArn: basicExecution }));
    await kit.iam.send(new AttachRolePolicyCommand({ RoleName: 'consumer', PolicyArn: basicExecution }));

    const attached = await kit.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'consumer' }));
    const policy = await kit.iam.send(new GetPolicyCommand({ PolicyArn: customArn }));

    expect(attached).toMatchObject({
      AttachedPolicies: [
        { PolicyName: 'consume-orders', PolicyArn: 'arn:aws:iam::111111111111:policy/consume-orders' },
        { PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: basicExecution },
      ],
      IsTruncated: false,
    });
    expect(policy.Policy?.AttachmentCount).toBe(1);
  });

  it("filters attached policies by the policy's path", async () => {
    const serviceRole = await kit.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'consumer', PathPrefix: '/service-role/' }));

    expect(serviceRole.AttachedPolicies?.map((attached) => attached.PolicyName)).toEqual(['AWSLambdaBasicExecutionRole']);
  });

  it('refuses to delete an attached policy, or a role with attached policies, with 409 DeleteConflict', async () => {
    const deletePolicy = kit.iam.send(new DeletePolicyCommand({ PolicyArn: customArn }));
    const deleteRole = kit.iam.send(new DeleteRoleCommand({ RoleName: 'consumer' }));

    await expect(deletePolicy).rejects.toBeInstanceOf(DeleteConflictException);
    await expect(deletePolicy).rejects.toMatchObject({ message: 'Cannot delete a policy attached to entities.', $metadata: { httpStatusCode: 409 } });
    await expect(deleteRole).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must detach all policies first.',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('detaches policies; detaching one that is not attached is NoSuchEntity "Policy <arn> was not found."', async () => {
    await kit.iam.send(new DetachRolePolicyCommand({ RoleName: 'consumer', PolicyArn: customArn }));
    await kit.iam.send(new DetachRolePolicyCommand({ RoleName: 'consumer', PolicyArn: basicExecution }));

    const again = kit.iam.send(new DetachRolePolicyCommand({ RoleName: 'consumer', PolicyArn: customArn }));
    await expect(again).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${customArn} was not found.`,
      $metadata: { httpStatusCode: 404 },
    });
    const attached = await kit.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'consumer' }));
    expect(attached.AttachedPolicies).toEqual([]);
    expect((await kit.iam.send(new GetPolicyCommand({ PolicyArn: customArn }))).Policy?.AttachmentCount).toBe(0);
  });

  it('refuses an unknown customer policy with NoSuchEntity and a text that is no ARN with ValidationError', async () => {
    const unknown = kit.iam.send(new AttachRolePolicyCommand({ RoleName: 'consumer', PolicyArn: 'arn:aws:iam::111111111111:policy/nonexistent-policy' }));
    const notAnArn = kit.iam.send(new AttachRolePolicyCommand({ RoleName: 'consumer', PolicyArn: 'longpolicynamebutnoarn' }));

    await expect(unknown).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'Policy arn:aws:iam::111111111111:policy/nonexistent-policy does not exist or is not attachable.',
    });
    await expect(notAnArn).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'ARN longpolicynamebutnoarn is not valid.',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
