import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateRoleCommand, GetRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { rawRequest } from './helpers/serveService.ts';
import { lambdaTrustPolicy, startIamTestKit, type IamTestKit } from './helpers/iamTestKit.ts';

const AWS_FAULT = 'http://webservices.amazon.com/AWSFault/2005-15-09';

// Sources: the STS probes of versity/versitygw, recorded against AWS's Query front end that IAM
// shares (InvalidAction in the AWSFault namespace, NO_VERSION_SPECIFIED, 302 to the product page
// without an Action, first occurrence of a parameter wins, MalformedInput for numbers that do not
// parse), and versitygw's IAM router tests for the IAM wording of the same cases.
describe('malformed and unknown requests', () => {
  let kit: IamTestKit;

  beforeAll(async () => {
    kit = await startIamTestKit();
    await kit.iam.send(new CreateRoleCommand({ RoleName: 'first', AssumeRolePolicyDocument: lambdaTrustPolicy }));
  });

  afterAll(async () => {
    await kit.close();
  });

  const post = (body: string, contentType?: string | null) => rawRequest(kit.served.url, { body, contentType });

  it('answers an unknown Action with 400 InvalidAction in the AWSFault namespace', async () => {
    const reply = await post('Action=ListUserssssss&Version=2010-05-08');

    expect(reply.status).toBe(400);
    expect(reply.body).toContain(`<ErrorResponse xmlns="${AWS_FAULT}">`);
    expect(reply.body).toContain('<Code>InvalidAction</Code>');
    expect(reply.body).toContain('<Message>Could not find operation ListUserssssss for version 2010-05-08</Message>');
  });

  it.each([
    ['a missing Version', 'Action=GetRole&RoleName=first', 'Could not find operation GetRole for version NO_VERSION_SPECIFIED'],
    ['another Version', 'Action=GetRole&Version=2011-06-15&RoleName=first', 'Could not find operation GetRole for version 2011-06-15'],
    ['an empty Action', 'Action=&Version=2010-05-08', 'Could not find operation  for version 2010-05-08'],
    ['a name from Object.prototype', 'Action=constructor&Version=2010-05-08', 'Could not find operation constructor for version 2010-05-08'],
    ['__proto__', 'Action=__proto__&Version=2010-05-08', 'Could not find operation __proto__ for version 2010-05-08'],
  ])('answers %s with InvalidAction', async (_case, body, message) => {
    const reply = await post(body);

    expect(reply.status).toBe(400);
    expect(reply.body).toContain(`<Message>${message}</Message>`);
  });

  it('redirects a request without Action to the product page (302, empty body), keeping a GET query string', async () => {
    const postReply = await post('Version=2010-05-08');
    const getReply = await rawRequest(kit.served.url, { method: 'GET', search: 'Version=2010-05-08' });
    const jsonReply = await post('{"Action":"GetRole"}', 'application/json');

    expect(postReply).toMatchObject({ status: 302, body: '' });
    expect(postReply.headers.get('location')).toBe('https://aws.amazon.com/iam');
    expect(getReply.headers.get('location')).toBe('https://aws.amazon.com/iam?Version=2010-05-08');
    expect(jsonReply.status).toBe(302);
  });

  it('answers GET with the parameters in the query string, and takes the first of repeated parameters', async () => {
    const viaGet = await rawRequest(kit.served.url, { method: 'GET', search: 'Action=GetRole&Version=2010-05-08&RoleName=first' });
    const repeated = await post('Action=GetRole&Version=2010-05-08&RoleName=first&RoleName=second&Action=DeleteRole');
    const withCharset = await post('Action=GetRole&Version=2010-05-08&RoleName=first', 'application/x-www-form-urlencoded; charset=utf-8');

    expect(viaGet.status).toBe(200);
    expect(viaGet.body).toMatch(/^<GetRoleResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">\n {2}<GetRoleResult>\n {4}<Role>\n/);
    expect(viaGet.body).toContain('<RoleName>first</RoleName>');
    expect(repeated.status).toBe(200);
    expect(repeated.body).toContain('<RoleName>first</RoleName>');
    expect(withCharset.status).toBe(200);
  });

  it('answers a number that does not parse with MalformedInput (no Message, or AWS\'s text for an empty one)', async () => {
    const notANumber = await post('Action=ListRoles&Version=2010-05-08&MaxItems=ten');
    const empty = await post('Action=ListRoles&Version=2010-05-08&MaxItems=');
    const overflow = await post('Action=ListRoles&Version=2010-05-08&MaxItems=2147483648');

    expect(notANumber.status).toBe(400);
    expect(notANumber.body).toContain('<Code>MalformedInput</Code>');
    expect(notANumber.body).not.toContain('<Message>');
    expect(empty.body).toContain('<Message>missing value for decimal type</Message>');
    expect(overflow.body).toContain('<Code>MalformedInput</Code>');
  });

  it('answers a list where a string belongs with MalformedInput, and bad percent-encoding without failing', async () => {
    const listForString = await post('Action=GetRole&Version=2010-05-08&RoleName.member.1=first');
    const badEscape = await post('Action=GetRole&Version=2010-05-08&RoleName=%E0%A4%A');

    expect(listForString.status).toBe(400);
    expect(listForString.body).toContain('<Code>MalformedInput</Code>');
    expect(badEscape.status).toBe(400);
    expect(badEscape.body).toContain('<Code>ValidationError</Code>');
  });

  it('keeps a response parseable when a message quotes characters XML cannot carry', async () => {
    const error = await kit.iam.send(new GetRoleCommand({ RoleName: 'nul\u0000char' })).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ name: 'ValidationError', message: expect.stringContaining("Value 'nul\uFFFDchar' at 'roleName'") });
  });

  it('answers a body over 1 MiB with 413 and reads it to the end', async () => {
    const reply = await post(`Action=ListRoles&Version=2010-05-08&Marker=${'x'.repeat(1_100_000)}`);

    expect(reply.status).toBe(413);
    expect(reply.body).toContain('<Code>RequestEntityTooLarge</Code>');
  });

  it('survives a client that goes away in the middle of its body', async () => {
    const { port } = new URL(kit.served.url);
    await new Promise<void>((resolve) => {
      const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '1000' } });
      request.on('error', () => resolve());
      request.write('Action=GetRole&Version=2010-05-08&RoleName=fi', () => {
        request.destroy();
        resolve();
      });
    });

    const listed = await kit.iam.send(new ListRolesCommand({}));
    expect(listed.Roles?.map((role) => role.RoleName)).toEqual(['first']);
  });
});
