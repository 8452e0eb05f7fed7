import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateRoleCommand,
  GetRoleCommand,
  InvalidInputException,
  ListRolesCommand,
  ListRoleTagsCommand,
  TagRoleCommand,
  UntagRoleCommand,
} from '@aws-sdk/client-iam';
import { lambdaTrustPolicy, startIamTestKit, type IamTestKit } from './helpers/iamTestKit.ts';

// Source: LocalStack test_iam_roles.snapshot.json TestRoleTags (test_role_with_tags,
// test_role_tag_operations, test_role_tag_errors), recorded against AWS.
describe('role tags', () => {
  let kit: IamTestKit;

  beforeAll(async () => {
    kit = await startIamTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('creates a role with tags (the provider sends default_tags this way); GetRole shows them, ListRoles does not', async () => {
    const tags = [
      { Key: 'Project', Value: 'order-fanout' },
      { Key: 'ManagedBy', Value: 'terraform' },
      { Key: 'emptykey', Value: '' },
    ];

    const created = await kit.iam.send(new CreateRoleCommand({ RoleName: 'tagged', AssumeRolePolicyDocument: lambdaTrustPolicy, Tags: tags }));
    const read = await kit.iam.send(new GetRoleCommand({ RoleName: 'tagged' }));
    const listed = await kit.iam.send(new ListRolesCommand({}));

    expect(created.Role?.Tags).toEqual(tags);
    expect(read.Role?.Tags).toEqual(tags);
    expect(listed.Roles?.[0]).not.toHaveProperty('Tags');
  });

  it('adds, replaces (keys are case-insensitive) and removes tags', async () => {
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'retagged', AssumeRolePolicyDocument: lambdaTrustPolicy }));

    await kit.iam.send(new TagRoleCommand({ RoleName: 'retagged', Tags: [{ Key: 'somekey', Value: 'somevalue' }, { Key: 'someotherkey', Value: 'someothervalue' }] }));
    await kit.iam.send(new TagRoleCommand({ RoleName: 'retagged', Tags: [{ Key: 'SomeKey', Value: 'updatedvalue' }] }));
    const updated = await kit.iam.send(new ListRoleTagsCommand({ RoleName: 'retagged' }));
    await kit.iam.send(new UntagRoleCommand({ RoleName: 'retagged', TagKeys: ['SOMEKEY', 'not-there'] }));
    const untagged = await kit.iam.send(new ListRoleTagsCommand({ RoleName: 'retagged' }));
    await kit.iam.send(new UntagRoleCommand({ RoleName: 'retagged', TagKeys: ['someotherkey'] }));
    const empty = await kit.iam.send(new ListRoleTagsCommand({ RoleName: 'retagged' }));
    const role = await kit.iam.send(new GetRoleCommand({ RoleName: 'retagged' }));

    expect(updated).toMatchObject({
      Tags: [
        { Key: 'SomeKey', Value: 'updatedvalue' },
        { Key: 'someotherkey', Value: 'someothervalue' },
      ],
      IsTruncated: false,
    });
    expect(untagged.Tags).toEqual([{ Key: 'someotherkey', Value: 'someothervalue' }]);
    expect(empty.Tags).toEqual([]);
    expect(role.Role).not.toHaveProperty('Tags');
  });

  it('pages ListRoleTags with MaxItems', async () => {
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'many-tags', AssumeRolePolicyDocument: lambdaTrustPolicy, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }, { Key: 'c', Value: '3' }] }));

    const first = await kit.iam.send(new ListRoleTagsCommand({ RoleName: 'many-tags', MaxItems: 2 }));
    const rest = await kit.iam.send(new ListRoleTagsCommand({ RoleName: 'many-tags', Marker: first.Marker }));

    expect(first).toMatchObject({ Tags: [{ Key: 'a' }, { Key: 'b' }], IsTruncated: true });
    expect(rest).toMatchObject({ Tags: [{ Key: 'c' }], IsTruncated: false });
  });

  it('refuses duplicate keys in any case with 400 InvalidInput, more than 50 tags with ValidationError', async () => {
    const duplicate = kit.iam.send(
      new CreateRoleCommand({ RoleName: 'dup', AssumeRolePolicyDocument: lambdaTrustPolicy, Tags: [{ Key: 'env', Value: 'a' }, { Key: 'ENV', Value: 'b' }] }),
    );
    const tooMany = kit.iam.send(
      new TagRoleCommand({ RoleName: 'tagged', Tags: Array.from({ length: 51 }, (_, index) => ({ Key: `k${index}`, Value: 'v' })) }),
    );
    const longKey = kit.iam.send(new TagRoleCommand({ RoleName: 'tagged', Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] }));

    await expect(duplicate).rejects.toBeInstanceOf(InvalidInputException);
    await expect(duplicate).rejects.toMatchObject({
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(tooMany).rejects.toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    });
    await expect(longKey).rejects.toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128",
    });
  });

  it('answers NoSuchEntity when tagging a role that does not exist', async () => {
    await expect(kit.iam.send(new TagRoleCommand({ RoleName: 'test-nonexistent-role', Tags: [{ Key: 'k', Value: 'v' }] }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name test-nonexistent-role cannot be found.',
    });
    await expect(kit.iam.send(new ListRoleTagsCommand({ RoleName: 'test-nonexistent-role' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });
});
