import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { rawRequest } from '../iam-service/helpers/serveService.ts';
import { startStsTestKit, type StsTestKit } from './helpers/stsTestKit.ts';

// Source: the STS probes of versity/versitygw, recorded against AWS (unknown-action, missing-version,
// empty-version, duplicate-action, missing-action, post-without-content-type, unknown-parameter).
describe('malformed and unknown STS requests', () => {
  let kit: StsTestKit;

  beforeAll(async () => {
    kit = await startStsTestKit();
  });

  afterAll(async () => {
    await kit.close();
  });

  it.each([
    ['an unknown action', 'Action=NoSuchAction&Version=2011-06-15', 'Could not find operation NoSuchAction for version 2011-06-15'],
    ['a missing version', 'Action=GetCallerIdentity', 'Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED'],
    ['an empty version', 'Action=GetCallerIdentity&Version=', 'Could not find operation GetCallerIdentity for version '],
    ["IAM's version", 'Action=GetCallerIdentity&Version=2010-05-08', 'Could not find operation GetCallerIdentity for version 2010-05-08'],
    ['an unknown first Action', 'Action=NoSuchAction&Action=GetCallerIdentity&Version=2011-06-15', 'Could not find operation NoSuchAction for version 2011-06-15'],
  ])('answers %s with 400 InvalidAction in the AWSFault namespace', async (_case, body, message) => {
    const reply = await rawRequest(kit.served.url, { body });

    expect(reply.status).toBe(400);
    expect(reply.body).toContain('<ErrorResponse xmlns="http://webservices.amazon.com/AWSFault/2005-15-09">');
    expect(reply.body).toContain('<Type>Sender</Type>');
    expect(reply.body).toContain('<Code>InvalidAction</Code>');
    expect(reply.body).toContain(`<Message>${message}</Message>`);
  });

  it('redirects a request without Action, or a POST that is not form-encoded, to the product page', async () => {
    const missing = await rawRequest(kit.served.url, { body: 'Version=2011-06-15' });
    const noContentType = await rawRequest(kit.served.url, { body: 'Action=GetCallerIdentity&Version=2011-06-15', contentType: null });

    expect(missing).toMatchObject({ status: 302, body: '' });
    expect(missing.headers.get('location')).toBe('https://aws.amazon.com/iam');
    expect(noContentType.status).toBe(302);
  });

  it('ignores unknown parameters and keeps answering', async () => {
    const reply = await rawRequest(kit.served.url, { body: 'Action=GetCallerIdentity&Version=2011-06-15&Unknown=value' });

    expect(reply.status).toBe(200);
    await expect(kit.sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: '000000000000' });
  });
});
