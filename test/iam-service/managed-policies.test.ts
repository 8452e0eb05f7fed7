import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  EntityAlreadyExistsException,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPolicyVersionsCommand,
} from '@aws-sdk/client-iam';
import { decodePolicy, queuePolicy, startIamTestKit, type IamTestKit } from './helpers/iamTestKit.ts';

// Sources: LocalStack test_iam_roles.snapshot.json (create-policy: v1 default, AttachmentCount 0,
// PermissionsBoundaryUsageCount 0, IsAttachable true) and test_iam.snapshot.json
// (test_delete_non_existent_policy_returns_no_such_entity); the IAM API reference of CreatePolicy,
// GetPolicyVersion (document URL-encoded), ListPolicyVersions and DeletePolicy.
describe('customer managed policies', () => {
  let kit: IamTestKit;

  beforeAll(async () => {
    kit = await startIamTestKit({ accountId: '111111111111' });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('creates a policy with v1 as its default version, and reads it with GetPolicy', async () => {
    const { Policy: created } = await kit.iam.send(
      new CreatePolicyCommand({ PolicyName: 'consume', Path: '/fanout/', PolicyDocument: queuePolicy, Description: 'consume orders' }),
    );
    const { Policy: read } = await kit.iam.send(new GetPolicyCommand({ PolicyArn: created?.Arn }));

    expect(created).toMatchObject({
      PolicyName: 'consume',
      Arn: 'arn:aws:iam::111111111111:policy/fanout/consume',
      Path: '/fanout/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
    });
    expect(created?.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/);
    expect(created?.CreateDate).toBeInstanceOf(Date);
    expect(read).toMatchObject({ ...created, Description: 'consume orders' });
  });

  it('returns a version with its document URL-encoded, and versions newest first without documents', async () => {
    const arn = 'arn:aws:iam::111111111111:policy/fanout/consume';
    const second = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }] });

    const created = await kit.iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: second, SetAsDefault: true }));
    const v1 = await kit.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    const versions = await kit.iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    const policy = await kit.iam.send(new GetPolicyCommand({ PolicyArn: arn }));

    expect(created.PolicyVersion).toMatchObject({ VersionId: 'v2', IsDefaultVersion: true });
    expect(v1.PolicyVersion).toMatchObject({ VersionId: 'v1', IsDefaultVersion: false });
    expect(v1.PolicyVersion?.Document).toMatch(/^%7B%0A/);
    expect(decodePolicy(v1.PolicyVersion?.Document)).toEqual(JSON.parse(queuePolicy));
    expect(versions.Versions?.map((version) => [version.VersionId, version.IsDefaultVersion, version.Document])).toEqual([
      ['v2', true, undefined],
      ['v1', false, undefined],
    ]);
    expect(policy.Policy?.DefaultVersionId).toBe('v2');
  });

  it('deletes a policy only once its other versions are gone; the default version cannot be deleted', async () => {
    const arn = 'arn:aws:iam::111111111111:policy/fanout/consume';

    await expect(kit.iam.send(new DeletePolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      $metadata: { httpStatusCode: 409 },
    });
    await expect(kit.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete the default version of a policy.',
    });
    await kit.iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    await kit.iam.send(new DeletePolicyCommand({ PolicyArn: arn }));

    await expect(kit.iam.send(new GetPolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${arn} was not found.`,
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses a second policy of the same name with 409 EntityAlreadyExists', async () => {
    await kit.iam.send(new CreatePolicyCommand({ PolicyName: 'unique', PolicyDocument: queuePolicy }));

    const duplicate = kit.iam.send(new CreatePolicyCommand({ PolicyName: 'unique', Path: '/other/', PolicyDocument: queuePolicy }));

    await expect(duplicate).rejects.toBeInstanceOf(EntityAlreadyExistsException);
    await expect(duplicate).rejects.toMatchObject({
      message: 'A policy called unique already exists. Duplicate names are not allowed.',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('answers NoSuchEntity for a version that does not exist', async () => {
    const { Policy: policy } = await kit.iam.send(new CreatePolicyCommand({ PolicyName: 'versioned', PolicyDocument: queuePolicy }));

    const read = kit.iam.send(new GetPolicyVersionCommand({ PolicyArn: policy?.Arn, VersionId: 'v9' }));

    await expect(read).rejects.toMatchObject({ name: 'NoSuchEntityException', $metadata: { httpStatusCode: 404 } });
  });
});
