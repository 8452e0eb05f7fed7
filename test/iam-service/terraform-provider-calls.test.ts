import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { decodePolicy, lambdaTrustPolicy, queuePolicy, startIamTestKit, type IamTestKit } from './helpers/iamTestKit.ts';

// The calls of hashicorp/terraform-provider-aws internal/service/iam/role.go and role_policy.go
// (v5.100.0 and 6.x) for terraform/modules/subscriber/iam.tf, in the provider's order: create
// (CreateRole with default_tags, then the read), read (GetRole, ListRolePolicies + GetRolePolicy
// for inline_policy, ListAttachedRolePolicies for managed_policy_arns), update
// (UpdateAssumeRolePolicy, TagRole/UntagRole) and delete (ListInstanceProfilesForRole, the
// policy lists, DeleteRole). The provider decodes documents with Go's url.QueryUnescape.
describe('the Terraform provider calls for aws_iam_role and aws_iam_role_policy', () => {
  let kit: IamTestKit;
  const name = 'order-processor';
  const defaultTags = [
    { Key: 'ManagedBy', Value: 'terraform' },
    { Key: 'Project', Value: 'order-fanout' },
  ];

  beforeAll(async () => {
    kit = await startIamTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  async function readRole() {
    const { Role: role } = await kit.iam.send(new GetRoleCommand({ RoleName: name }));
    const inline = await kit.iam.send(new ListRolePoliciesCommand({ RoleName: name }));
    const documents = await Promise.all(
      (inline.PolicyNames ?? []).map((policyName) => kit.iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName }))),
    );
    const attached = await kit.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
    return { role, documents, attached };
  }

  it('creates the role and its inline policy, and reads them back as the provider does', async () => {
    // Act
    const created = await kit.iam.send(
      new CreateRoleCommand({ RoleName: name, Path: '/', MaxSessionDuration: 3600, AssumeRolePolicyDocument: lambdaTrustPolicy, Tags: defaultTags }),
    );
    await kit.iam.send(new PutRolePolicyCommand({ RoleName: created.Role?.RoleName, PolicyName: name, PolicyDocument: queuePolicy }));
    const read = await readRole();

    // Assess
    expect(read.role).toMatchObject({ RoleName: name, Path: '/', MaxSessionDuration: 3600, Tags: defaultTags });
    expect(read.role?.Arn).toBe(`arn:aws:iam::000000000000:role/${name}`);
    expect(decodePolicy(read.role?.AssumeRolePolicyDocument)).toEqual(JSON.parse(lambdaTrustPolicy));
    expect(read.documents.map((document) => [document.PolicyName, decodePolicy(document.PolicyDocument)])).toEqual([[name, JSON.parse(queuePolicy)]]);
    expect(read.attached.AttachedPolicies).toEqual([]);
  });

  it('applies an update of the trust policy and of the tags', async () => {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] } }] });

    await kit.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: trust }));
    await kit.iam.send(new UntagRoleCommand({ RoleName: name, TagKeys: ['ManagedBy'] }));
    await kit.iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: 'Owner', Value: 'fanout-team' }] }));
    const read = await readRole();

    expect(decodePolicy(read.role?.AssumeRolePolicyDocument)).toEqual(JSON.parse(trust));
    expect(read.role?.Tags).toEqual([
      { Key: 'Project', Value: 'order-fanout' },
      { Key: 'Owner', Value: 'fanout-team' },
    ]);
  });

  it('destroys the inline policy, then the role, which a read no longer finds', async () => {
    await kit.iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: name }));
    const profiles = await kit.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: name }));
    const attached = await kit.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
    const inline = await kit.iam.send(new ListRolePoliciesCommand({ RoleName: name }));
    await kit.iam.send(new DeleteRoleCommand({ RoleName: name }));

    expect(profiles).toMatchObject({ InstanceProfiles: [], IsTruncated: false });
    expect(attached.AttachedPolicies).toEqual([]);
    expect(inline.PolicyNames).toEqual([]);
    // The provider treats NoSuchEntity on read as "gone" and on delete as already deleted.
    await expect(kit.iam.send(new GetRoleCommand({ RoleName: name }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    await expect(kit.iam.send(new DeleteRoleCommand({ RoleName: name }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });
});
