import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  GetRoleCommand,
  ListRolesCommand,
  NoSuchEntityException,
  PutRolePermissionsBoundaryCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { decodePolicy, lambdaTrustPolicy, startIamTestKit, type IamTestKit } from './helpers/iamTestKit.ts';

// Source of the asserted shapes: LocalStack tests/aws/services/iam/test_iam_roles.snapshot.json
// (TestRoleLifecycle, recorded against AWS) and the IAM API reference of CreateRole/GetRole.
describe('role lifecycle', () => {
  let kit: IamTestKit;

  beforeAll(async () => {
    kit = await startIamTestKit({ accountId: '111111111111' });
  });

  afterAll(async () => {
    await kit.close();
  });

  it('creates a role with AWS defaults: ARN, AROA id, ISO date, path /, no MaxSessionDuration in the CreateRole answer', async () => {
    // Act
    const { Role: role } = await kit.iam.send(new CreateRoleCommand({ RoleName: 'order-processor', AssumeRolePolicyDocument: lambdaTrustPolicy }));

    // Assess
    expect(role).toMatchObject({
      Path: '/',
      RoleName: 'order-processor',
      Arn: 'arn:aws:iam::111111111111:role/order-processor',
    });
    expect(role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(role?.CreateDate).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (role?.CreateDate?.getTime() ?? 0))).toBeLessThan(60_000);
    expect(decodePolicy(role?.AssumeRolePolicyDocument)).toEqual(JSON.parse(lambdaTrustPolicy));
    expect(role).not.toHaveProperty('MaxSessionDuration');
    expect(role).not.toHaveProperty('RoleLastUsed');
  });

  it('reads the role back with GetRole, whatever the case of the name, with MaxSessionDuration 3600 and an empty RoleLastUsed', async () => {
    const { Role: created } = await kit.iam.send(new CreateRoleCommand({ RoleName: 'Reader', AssumeRolePolicyDocument: lambdaTrustPolicy, Description: 'reads' }));

    const { Role: role } = await kit.iam.send(new GetRoleCommand({ RoleName: 'reader' }));

    expect(role).toEqual({
      Path: '/',
      RoleName: 'Reader',
      RoleId: created?.RoleId,
      Arn: 'arn:aws:iam::111111111111:role/Reader',
      CreateDate: created?.CreateDate,
      AssumeRolePolicyDocument: created?.AssumeRolePolicyDocument,
      Description: 'reads',
      MaxSessionDuration: 3600,
      RoleLastUsed: {},
    });
  });

  it('puts the path into the ARN and lists roles under a PathPrefix only', async () => {
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'pathed', Path: '/service-role/fanout/', AssumeRolePolicyDocument: lambdaTrustPolicy }));

    const { Role: role } = await kit.iam.send(new GetRoleCommand({ RoleName: 'pathed' }));
    const listed = await kit.iam.send(new ListRolesCommand({ PathPrefix: '/service-role/' }));

    expect(role?.Arn).toBe('arn:aws:iam::111111111111:role/service-role/fanout/pathed');
    expect(listed.Roles?.map((listedRole) => listedRole.RoleName)).toEqual(['pathed']);
    expect(listed.IsTruncated).toBe(false);
  });

  it('updates description, session duration and trust policy, keeping what an update leaves out', async () => {
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'updated', AssumeRolePolicyDocument: lambdaTrustPolicy, Description: 'initial' }));
    const newTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }] });

    await kit.iam.send(new UpdateRoleCommand({ RoleName: 'updated', MaxSessionDuration: 7200 }));
    const described = await kit.iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'updated', Description: 'via UpdateRoleDescription' }));
    await kit.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'updated', PolicyDocument: newTrust }));
    const { Role: role } = await kit.iam.send(new GetRoleCommand({ RoleName: 'updated' }));

    expect(described.Role).toMatchObject({ RoleName: 'updated', Description: 'via UpdateRoleDescription' });
    expect(role).toMatchObject({ Description: 'via UpdateRoleDescription', MaxSessionDuration: 7200 });
    expect(decodePolicy(role?.AssumeRolePolicyDocument)).toEqual(JSON.parse(newTrust));
  });

  it('sets and clears a permissions boundary (stored, not enforced); AWS sends the type as "Policy"', async () => {
    const boundary = 'arn:aws:iam::aws:policy/PowerUserAccess';
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'bounded', AssumeRolePolicyDocument: lambdaTrustPolicy, PermissionsBoundary: boundary }));

    const withBoundary = await kit.iam.send(new GetRoleCommand({ RoleName: 'bounded' }));
    await kit.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'bounded' }));
    const cleared = await kit.iam.send(new GetRoleCommand({ RoleName: 'bounded' }));
    await kit.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'bounded', PermissionsBoundary: boundary }));
    const restored = await kit.iam.send(new GetRoleCommand({ RoleName: 'bounded' }));

    expect(withBoundary.Role?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundary });
    expect(cleared.Role).not.toHaveProperty('PermissionsBoundary');
    expect(restored.Role?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(boundary);
  });

  it('deletes a role; afterwards GetRole answers 404 NoSuchEntity in AWS wording', async () => {
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'short-lived', AssumeRolePolicyDocument: lambdaTrustPolicy }));

    await kit.iam.send(new DeleteRoleCommand({ RoleName: 'short-lived' }));

    const read = kit.iam.send(new GetRoleCommand({ RoleName: 'short-lived' }));
    await expect(read).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(read).rejects.toMatchObject({
      message: 'The role with name short-lived cannot be found.',
      $metadata: { httpStatusCode: 404 },
    });
  });
});
