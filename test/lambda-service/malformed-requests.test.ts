import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetFunctionCommand, InvokeCommand, ListFunctionsCommand, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';

describe('malformed and unknown requests', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    await kit.deploy('echo', 'echo-esm');
    await kit.deploy('prober', 'runtime-api-prober');
  });

  afterAll(async () => {
    await kit.close();
  });

  async function raw(method: string, path: string, body?: string): Promise<{ status: number; type: string | null; body: Record<string, unknown> }> {
    const response = await fetch(`${kit.service.url}${path}`, { method, body, headers: { 'content-type': 'application/json' } });
    return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: (await response.json()) as Record<string, unknown> };
  }

  it('answers a body that is not JSON with 400 InvalidRequestContentException', async () => {
    const response = await raw('POST', '/2015-03-31/functions', '{"FunctionName": ');

    expect(response).toMatchObject({
      status: 400,
      type: 'InvalidRequestContentException',
      body: { Type: 'User', Message: expect.stringContaining('Could not parse request body into json') },
    });
  });

  it('answers members of the wrong type with 400 InvalidRequestContentException', async () => {
    const wrongTimeout = await raw('PUT', '/2015-03-31/functions/echo/configuration', JSON.stringify({ Timeout: 'soon' }));
    const arrayBody = await raw('POST', '/2015-03-31/event-source-mappings', '[1, 2]');

    expect(wrongTimeout).toMatchObject({ status: 400, type: 'InvalidRequestContentException' });
    expect(String(wrongTimeout.body.Message)).toContain('timeout');
    expect(arrayBody).toMatchObject({ status: 400, type: 'InvalidRequestContentException' });
  });

  it('answers an unknown function with 404 ResourceNotFoundException in AWS wording', async () => {
    const error = await kit.lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope',
      Type: 'User',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('answers an unknown route with a 404 naming the method and path', async () => {
    const response = await raw('POST', '/2015-03-31/functions/echo/aliases', '{}');

    expect(response).toMatchObject({
      status: 404,
      type: 'UnknownOperationException',
      body: { Message: 'The embedded Lambda service does not implement POST /2015-03-31/functions/echo/aliases' },
    });
  });

  it('answers an Invoke payload that is not JSON with 400, and an unknown qualifier with 404', async () => {
    const badPayload = kit.lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.from('not json') }));
    await expect(badPayload).rejects.toMatchObject({ name: 'InvalidRequestContentException', $metadata: { httpStatusCode: 400 } });
    const badQualifier = kit.lambda.send(new InvokeCommand({ FunctionName: 'echo', Qualifier: '7' }));
    await expect(badQualifier).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:echo:7',
    });
  });

  it("answers a Runtime API post from the function's own code (not its runtime) with 403, whatever its path", async () => {
    // The runtime's own malformed posts (400 InvalidRequestID) are in runtime-api-serves-only-its-runtime.test.ts.
    const result = await kit.invoke('prober', { path: '/2018-06-01/runtime/invocation/%E0/response' });

    expect(result.functionError).toBeUndefined();
    expect(result.payload).toEqual({ status: 403, body: { errorMessage: expect.any(String), errorType: 'Forbidden' } });
  });

  it('keeps answering after all of the above', async () => {
    const listed = await kit.lambda.send(new ListFunctionsCommand({}));
    const invoked = await kit.invoke('echo', { still: 'alive' });

    expect(listed.Functions?.map((fn) => fn.FunctionName)).toEqual(['echo', 'prober']);
    expect(invoked.payload).toMatchObject({ event: { still: 'alive' } });
  });
});
