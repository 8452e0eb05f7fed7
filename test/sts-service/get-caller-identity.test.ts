import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { rawRequest } from '../iam-service/helpers/serveService.ts';
import { startStsTestKit, type StsTestKit } from './helpers/stsTestKit.ts';

// Source: the STS probes of versity/versitygw, recorded against AWS (GetCallerIdentity by GET and
// POST, element order Arn, UserId, Account, text/xml); the root user's ARN and user id from the
// GetCallerIdentity API reference ("UserId: the account ID" for the root user).
describe('GetCallerIdentity', () => {
  let kit: StsTestKit;

  beforeAll(async () => {
    kit = await startStsTestKit({ accountId: '123456789012' });
  });

  afterAll(async () => {
    await kit.close();
  });

  it("answers the account's root user", async () => {
    const identity = await kit.sts.send(new GetCallerIdentityCommand({}));

    expect(identity).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:root', UserId: '123456789012' });
  });

  it('answers GET and POST with the same document, laid out as STS lays it out', async () => {
    const viaPost = await rawRequest(kit.served.url, { body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    const viaGet = await rawRequest(kit.served.url, { method: 'GET', search: 'Action=GetCallerIdentity&Version=2011-06-15' });

    expect(viaPost.status).toBe(200);
    expect(viaPost.headers.get('content-type')).toBe('text/xml');
    expect(viaPost.body).toBe(
      [
        '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
        '  <GetCallerIdentityResult>',
        '    <Arn>arn:aws:iam::123456789012:root</Arn>',
        '    <UserId>123456789012</UserId>',
        '    <Account>123456789012</Account>',
        '  </GetCallerIdentityResult>',
        '  <ResponseMetadata>',
        `    <RequestId>${viaPost.headers.get('x-amzn-requestid')}</RequestId>`,
        '  </ResponseMetadata>',
        '</GetCallerIdentityResponse>',
        '',
      ].join('\n'),
    );
    expect(viaGet.status).toBe(200);
    expect(viaGet.body).toContain('<Account>123456789012</Account>');
  });

  it("defaults to LocalStack's account 000000000000", async () => {
    const defaults = await startStsTestKit();

    const identity = await defaults.sts.send(new GetCallerIdentityCommand({}));
    await defaults.close();

    expect(identity.Account).toBe('000000000000');
  });
});
