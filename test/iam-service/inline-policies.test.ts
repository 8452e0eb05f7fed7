import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateRoleCommand,
  DeleteConflictException,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRolePolicyCommand,
  LimitExceededException,
  ListRolePoliciesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { decodePolicy, lambdaTrustPolicy, queuePolicy, startIamTestKit, type IamTestKit } from './helpers/iamTestKit.ts';

// Sources: LocalStack test_iam_roles.snapshot.json TestRoleInlinePolicies (lifecycle and error wording)
// and TestRoleLifecycle::test_delete_role_with_inline_policy; the GetRolePolicy API reference
// ("URL-encoded compliant with RFC 3986") with the wire capture in getmoto/moto#8157.
describe('inline role policies', () => {
  let kit: IamTestKit;

  beforeAll(async () => {
    kit = await startIamTestKit();
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'consumer', AssumeRolePolicyDocument: lambdaTrustPolicy }));
  });

  afterAll(async () => {
    await kit.close();
  });

  it('stores a policy and returns it URL-encoded (RFC 3986: spaces %20, * %2A) as IAM does', async () => {
    await kit.iam.send(new PutRolePolicyCommand({ RoleName: 'consumer', PolicyName: 'queue', PolicyDocument: queuePolicy }));

    const policy = await kit.iam.send(new GetRolePolicyCommand({ RoleName: 'consumer', PolicyName: 'queue' }));

    expect(policy).toMatchObject({ RoleName: 'consumer', PolicyName: 'queue' });
    expect(policy.PolicyDocument).toMatch(/^%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22/);
    expect(policy.PolicyDocument).toContain('%3A%2A%22');
    expect(decodeURIComponent(policy.PolicyDocument ?? '')).toBe(queuePolicy);
    expect(decodePolicy(policy.PolicyDocument)).toEqual(JSON.parse(queuePolicy));
  });

  it('replaces a policy put again under the same name and lists names in order', async () => {
    const replacement = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }] });
    await kit.iam.send(new PutRolePolicyCommand({ RoleName: 'consumer', PolicyName: 'logs', PolicyDocument: queuePolicy }));
    await kit.iam.send(new PutRolePolicyCommand({ RoleName: 'consumer', PolicyName: 'logs', PolicyDocument: replacement }));

    const policy = await kit.iam.send(new GetRolePolicyCommand({ RoleName: 'consumer', PolicyName: 'logs' }));
    const listed = await kit.iam.send(new ListRolePoliciesCommand({ RoleName: 'consumer' }));

    expect(decodePolicy(policy.PolicyDocument)).toEqual(JSON.parse(replacement));
    expect(listed).toMatchObject({ PolicyNames: ['logs', 'queue'], IsTruncated: false });
  });

  it('refuses to delete the role while it has inline policies, then deletes them and the role', async () => {
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'with-inline', AssumeRolePolicyDocument: lambdaTrustPolicy }));
    await kit.iam.send(new PutRolePolicyCommand({ RoleName: 'with-inline', PolicyName: 'p', PolicyDocument: queuePolicy }));

    const conflict = kit.iam.send(new DeleteRoleCommand({ RoleName: 'with-inline' }));
    await expect(conflict).rejects.toBeInstanceOf(DeleteConflictException);
    await expect(conflict).rejects.toMatchObject({
      message: 'Cannot delete entity, must delete policies first.',
      $metadata: { httpStatusCode: 409 },
    });
    await kit.iam.send(new DeleteRolePolicyCommand({ RoleName: 'with-inline', PolicyName: 'p' }));
    await kit.iam.send(new DeleteRoleCommand({ RoleName: 'with-inline' }));

    await expect(kit.iam.send(new ListRolePoliciesCommand({ RoleName: 'with-inline' }))).rejects.toBeInstanceOf(NoSuchEntityException);
  });

  it('answers NoSuchEntity for an unknown policy or role, in AWS wording', async () => {
    const unknownPolicy = kit.iam.send(new GetRolePolicyCommand({ RoleName: 'consumer', PolicyName: 'non-existent-policy' }));
    const deleteUnknown = kit.iam.send(new DeleteRolePolicyCommand({ RoleName: 'consumer', PolicyName: 'non-existent-policy' }));
    const unknownRole = kit.iam.send(new PutRolePolicyCommand({ RoleName: 'nonexistent-role', PolicyName: 'p', PolicyDocument: queuePolicy }));

    await expect(unknownPolicy).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role policy with name non-existent-policy cannot be found.',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(deleteUnknown).rejects.toMatchObject({ message: 'The role policy with name non-existent-policy cannot be found.' });
    await expect(unknownRole).rejects.toMatchObject({ message: 'The role with name nonexistent-role cannot be found.' });
  });

  it('refuses a document that is not JSON with 400 MalformedPolicyDocument', async () => {
    const put = kit.iam.send(new PutRolePolicyCommand({ RoleName: 'consumer', PolicyName: 'broken', PolicyDocument: '{"Version": "2012-10-17",' }));

    await expect(put).rejects.toBeInstanceOf(MalformedPolicyDocumentException);
    await expect(put).rejects.toMatchObject({ message: 'This policy contains invalid Json', $metadata: { httpStatusCode: 400 } });
  });

  it("refuses inline policies over the role's 10240-character quota with LimitExceeded", async () => {
    const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'x'.repeat(10_300) }] });

    const put = kit.iam.send(new PutRolePolicyCommand({ RoleName: 'consumer', PolicyName: 'big', PolicyDocument: big }));

    await expect(put).rejects.toBeInstanceOf(LimitExceededException);
    await expect(put).rejects.toMatchObject({ message: 'Maximum policy size of 10240 bytes exceeded for role consumer', $metadata: { httpStatusCode: 409 } });
  });
});
