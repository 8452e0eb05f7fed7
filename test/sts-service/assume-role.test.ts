import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { rawRequest } from '../iam-service/helpers/serveService.ts';
import { startStsTestKit, type StsTestKit } from './helpers/stsTestKit.ts';

// Source: the AssumeRole probes of versity/versitygw, recorded against AWS: credential shapes
// (ASIA + 16, 40-character secret), AssumedRoleId `<AROA id>:<session>`, the assumed-role ARN
// without the role's path, Expiration = issue time + DurationSeconds (default 3600), and the
// validation wording of each broken parameter.
describe('AssumeRole (a stub with fake credentials)', () => {
  let kit: StsTestKit;
  const roleArn = 'arn:aws:iam::000000000000:role/service-role/order-processor';

  beforeAll(async () => {
    kit = await startStsTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it('answers temporary credentials in the shapes AWS issues', async () => {
    const before = Math.floor(Date.now() / 1000);

    const assumed = await kit.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'deploy', DurationSeconds: 900 }));

    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(assumed.Credentials?.SecretAccessKey).toMatch(/^[A-Za-z0-9+/=]{40}$/);
    expect(assumed.Credentials?.SessionToken?.length).toBeGreaterThanOrEqual(100);
    const expires = (assumed.Credentials?.Expiration?.getTime() ?? 0) / 1000;
    expect(expires - before).toBeGreaterThanOrEqual(900);
    expect(expires - before).toBeLessThanOrEqual(902);
    expect(assumed.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:deploy$/);
    expect(assumed.AssumedRoleUser?.Arn).toBe('arn:aws:sts::000000000000:assumed-role/order-processor/deploy');
  });

  it('gives the same role the same role id every time', async () => {
    const first = await kit.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'one' }));
    const second = await kit.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'two' }));

    expect(first.AssumedRoleUser?.AssumedRoleId?.split(':')[0]).toBe(second.AssumedRoleUser?.AssumedRoleId?.split(':')[0]);
    expect(first.Credentials?.AccessKeyId).not.toBe(second.Credentials?.AccessKeyId);
  });

  it.each([
    ['no RoleArn', 'RoleSessionName=s1', "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null"],
    ['a short RoleArn', 'RoleArn=not-an-arn&RoleSessionName=s1', "1 validation error detected: Value 'not-an-arn' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20"],
    ['a RoleArn that is no role ARN', `RoleArn=${'x'.repeat(20)}&RoleSessionName=s1`, `${'x'.repeat(20)} is invalid`],
    ['a short session name', `RoleArn=${roleArn}&RoleSessionName=a`, "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2"],
    ['a session name with a slash', `RoleArn=${roleArn}&RoleSessionName=bad/name`, "1 validation error detected: Value 'bad/name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"],
    ['a duration under 900 seconds', `RoleArn=${roleArn}&RoleSessionName=s1&DurationSeconds=899`, "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"],
    ['a duration over 12 hours', `RoleArn=${roleArn}&RoleSessionName=s1&DurationSeconds=43201`, "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200"],
  ])('refuses %s with 400 ValidationError in AWS wording', async (_case, params, message) => {
    const reply = await rawRequest(kit.served.url, { body: `Action=AssumeRole&Version=2011-06-15&${params}` });

    expect(reply.status).toBe(400);
    expect(reply.body).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(reply.body).toContain('<Code>ValidationError</Code>');
    expect(reply.body).toContain(`<Message>${message}</Message>`);
  });

  it('reads a duration with a sign or leading zeros, and answers one that is no number with MalformedInput', async () => {
    const padded = await rawRequest(kit.served.url, { body: `Action=AssumeRole&Version=2011-06-15&RoleArn=${roleArn}&RoleSessionName=s1&DurationSeconds=%2B0900` });
    const decimal = await rawRequest(kit.served.url, { body: `Action=AssumeRole&Version=2011-06-15&RoleArn=${roleArn}&RoleSessionName=s1&DurationSeconds=900.0` });

    expect(padded.status).toBe(200);
    expect(decimal.status).toBe(400);
    expect(decimal.body).toContain('<Code>MalformedInput</Code>');
  });
});
