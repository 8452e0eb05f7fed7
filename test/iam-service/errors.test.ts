import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateRoleCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  MalformedPolicyDocumentException,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { rawRequest } from './helpers/serveService.ts';
import { lambdaTrustPolicy, startIamTestKit, type IamTestKit } from './helpers/iamTestKit.ts';

// Sources: LocalStack test_iam_roles.snapshot.json (test_role_errors, test_update_assume_role_policy_errors),
// the Coral validation wording of the STS probes in versity/versitygw (`Value null at 'roleArn' ...
// Member must not be null`, pattern before length), and the ErrorResponse layout of AWS's Query protocol.
describe('IAM errors', () => {
  let kit: IamTestKit;

  beforeAll(async () => {
    kit = await startIamTestKit();
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'existing', AssumeRolePolicyDocument: lambdaTrustPolicy }));
  });

  afterAll(async () => {
    await kit.close();
  });

  it('renders an error as IAM does: ErrorResponse in the IAM namespace, Type Sender, RequestId in body and header', async () => {
    const reply = await rawRequest(kit.served.url, { body: 'Action=GetRole&Version=2010-05-08&RoleName=missing' });

    const requestId = reply.headers.get('x-amzn-requestid');
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe('text/xml');
    expect(reply.body).toBe(
      [
        '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">',
        '  <Error>',
        '    <Type>Sender</Type>',
        '    <Code>NoSuchEntity</Code>',
        '    <Message>The role with name missing cannot be found.</Message>',
        '  </Error>',
        `  <RequestId>${requestId}</RequestId>`,
        '</ErrorResponse>',
        '',
      ].join('\n'),
    );
  });

  it('refuses a second role of the same name, in any case, with 409 EntityAlreadyExists', async () => {
    const duplicate = kit.iam.send(new CreateRoleCommand({ RoleName: 'EXISTING', AssumeRolePolicyDocument: lambdaTrustPolicy }));

    await expect(duplicate).rejects.toBeInstanceOf(EntityAlreadyExistsException);
    await expect(duplicate).rejects.toMatchObject({ message: 'Role with name EXISTING already exists.', $metadata: { httpStatusCode: 409 } });
  });

  it('refuses a trust policy that is not JSON with 400 MalformedPolicyDocument, on create and on update', async () => {
    const create = kit.iam.send(new CreateRoleCommand({ RoleName: 'malformed', AssumeRolePolicyDocument: 'not json' }));
    const update = kit.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'existing', PolicyDocument: '{"Version":' }));

    await expect(create).rejects.toBeInstanceOf(MalformedPolicyDocumentException);
    await expect(create).rejects.toMatchObject({ message: 'This policy contains invalid Json', $metadata: { httpStatusCode: 400 } });
    await expect(update).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException' });
    await expect(kit.iam.send(new GetRoleCommand({ RoleName: 'malformed' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });

  it('checks role names against the model: pattern [\\w+=,.@-]+ and 1..64 characters', async () => {
    const badCharacters = kit.iam.send(new GetRoleCommand({ RoleName: 'bad/name' }));
    const tooLong = kit.iam.send(new CreateRoleCommand({ RoleName: 'r'.repeat(65), AssumeRolePolicyDocument: lambdaTrustPolicy }));

    await expect(badCharacters).rejects.toMatchObject({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value 'bad/name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      $metadata: { httpStatusCode: 400 },
    });
    await expect(tooLong).rejects.toMatchObject({
      message: `1 validation error detected: Value '${'r'.repeat(65)}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    });
  });

  it('reports every broken constraint, and missing required parameters as null', async () => {
    const empty = await rawRequest(kit.served.url, { body: 'Action=GetRole&Version=2010-05-08&RoleName=' });
    const missing = await rawRequest(kit.served.url, { body: 'Action=CreateRole&Version=2010-05-08' });
    const outOfRange = await rawRequest(kit.served.url, {
      body: `Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=${encodeURIComponent(lambdaTrustPolicy)}&MaxSessionDuration=60`,
    });

    expect(empty.status).toBe(400);
    expect(empty.body).toContain(
      "<Message>2 validation errors detected: Value '' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; Value '' at 'roleName' failed to satisfy constraint: Member must have length greater than or equal to 1</Message>",
    );
    expect(missing.status).toBe(400);
    expect(missing.body).toContain(
      "<Message>2 validation errors detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null; Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null</Message>",
    );
    expect(outOfRange.body).toContain(
      "<Message>1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600</Message>",
    );
  });

  it('refuses a permissions boundary that is not a policy ARN (InvalidInput) or names no policy (NoSuchEntity)', async () => {
    const invalid = kit.iam.send(
      new CreateRoleCommand({ RoleName: 'b1', AssumeRolePolicyDocument: lambdaTrustPolicy, PermissionsBoundary: 'arn:aws:iam::000000000000:not_a_policy/invalid' }),
    );
    const unknown = kit.iam.send(
      new CreateRoleCommand({ RoleName: 'b2', AssumeRolePolicyDocument: lambdaTrustPolicy, PermissionsBoundary: 'arn:aws:iam::000000000000:policy/nonexistent-policy' }),
    );

    await expect(invalid).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'ARN arn:aws:iam::000000000000:not_a_policy/invalid is not valid.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(unknown).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'Scope ARN: arn:aws:iam::000000000000:policy/nonexistent-policy does not exist or is not attachable.',
    });
  });
});
