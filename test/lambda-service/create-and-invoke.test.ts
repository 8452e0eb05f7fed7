import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetFunctionCommand, InvokeCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { waitFor } from './helpers/waitFor.ts';

describe('creating and invoking functions', () => {
  let kit: LambdaTestKit;

  beforeAll(async () => {
    kit = await startLambdaTestKit({ awsEndpointUrl: 'http://127.0.0.1:9' });
    await kit.deploy('echo-esm', 'echo-esm', { Environment: { Variables: { GREETING: 'hello' } }, Timeout: 5 });
    await kit.deploy('echo-cjs', 'echo-cjs');
    await kit.deploy('nested', 'nested-handler', { Handler: 'src/handlers/orders.handlers.process' });
    await kit.deploy('recorder', 'recorder');
    await kit.deploy('uses-sdk', 'uses-sdk');
  });

  afterAll(async () => {
    await kit.close();
  });

  it('listens on 127.0.0.1, on an ephemeral port by default', () => {
    expect(kit.service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs an ESM handler with the event, its variables and the reserved ones', async () => {
    // Act
    const result = await kit.invoke('echo-esm', { orderId: 'o-1' });

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.functionError).toBeUndefined();
    const payload = result.payload as {
      event: unknown;
      env: Record<string, string | undefined>;
      nodeVersion: string;
      context: Record<string, unknown>;
    };
    expect(payload.event).toEqual({ orderId: 'o-1' });
    expect(payload.env).toMatchObject({
      GREETING: 'hello',
      AWS_LAMBDA_FUNCTION_NAME: 'echo-esm',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/echo-esm',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      _HANDLER: 'index.handler',
      TZ: ':UTC',
    });
    expect(payload.env.AWS_LAMBDA_RUNTIME_API).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(payload.env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(payload.env.AWS_ACCESS_KEY_ID).toEqual(expect.any(String));
    expect(payload.env.AWS_SECRET_ACCESS_KEY).toEqual(expect.any(String));
    expect(payload.env.AWS_SESSION_TOKEN).toEqual(expect.any(String));
    expect(payload.env.LAMBDA_TASK_ROOT).toEqual(expect.any(String));
    expect(payload.env.LAMBDA_RUNTIME_DIR).toEqual(expect.any(String));
    // Nothing of the harness's own environment leaks in.
    expect(payload.env.NODE_OPTIONS).toBeUndefined();
    expect(payload.env.JEST_WORKER_ID).toBeUndefined();
    // Nothing of the service's HOME; an environment running as a user of its own (as root) gets one that does not exist.
    expect([undefined, '/nonexistent']).toContain(payload.env.HOME);
    expect(payload.nodeVersion).toBe(process.version);
    expect(payload.context).toMatchObject({
      awsRequestId: result.requestId,
      functionName: 'echo-esm',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:echo-esm',
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/echo-esm',
      logStreamName: payload.env.AWS_LAMBDA_LOG_STREAM_NAME,
      // nodejs24.x has no callback API left on the context.
      legacyMembers: [],
    });
    expect(payload.context.remainingTimeInMillis).toBeGreaterThan(4000);
    expect(payload.context.remainingTimeInMillis).toBeLessThanOrEqual(5000);
  });

  it('runs a CommonJS async handler', async () => {
    const result = await kit.invoke('echo-cjs', { n: 2 });

    expect(result.functionError).toBeUndefined();
    expect(result.payload).toMatchObject({ event: { n: 2 }, moduleType: 'commonjs', awsRequestId: result.requestId });
    expect((result.payload as { remainingTimeInMillis: number }).remainingTimeInMillis).toBeGreaterThan(2000);
  });

  it('finds a nested export of a .js ESM file in a sub-folder (package.json type module)', async () => {
    const result = await kit.invoke('nested', { id: 7 });

    expect(result.payload).toEqual({ nested: true, got: { id: 7 } });
  });

  it('provides the AWS SDK to functions that do not bundle it, like Lambda\'s Node runtimes', async () => {
    const result = await kit.invoke('uses-sdk', {});

    expect(result.payload).toEqual({ sdk: 'function' });
  });

  it('accepts the function ARN as FunctionName and describes the function like Lambda', async () => {
    const arn = 'arn:aws:lambda:us-east-1:000000000000:function:echo-esm';

    const byArn = await kit.invoke(arn, { viaArn: true });
    const described = await kit.lambda.send(new GetFunctionCommand({ FunctionName: arn }));
    const listed = await kit.lambda.send(new ListFunctionsCommand({}));

    expect(byArn.payload).toMatchObject({ event: { viaArn: true } });
    expect(described.Configuration).toMatchObject({
      FunctionName: 'echo-esm',
      FunctionArn: arn,
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 5,
      MemorySize: 128,
      State: 'Active',
      LastUpdateStatus: 'Successful',
      Version: '$LATEST',
      PackageType: 'Zip',
      Environment: { Variables: { GREETING: 'hello' } },
    });
    expect(described.Configuration?.CodeSha256).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(described.Code?.Location).toMatch(/^file:\/\//);
    expect(listed.Functions?.map((fn) => fn.FunctionName)).toEqual(['echo-cjs', 'echo-esm', 'nested', 'recorder', 'uses-sdk']);
  });

  it('queues an Event invocation (202) and runs it; DryRun only checks the function (204)', async () => {
    const queued = await kit.lambda.send(
      new InvokeCommand({ FunctionName: 'recorder', InvocationType: 'Event', Payload: Buffer.from('{"async":true}') }),
    );
    const dryRun = await kit.lambda.send(new InvokeCommand({ FunctionName: 'recorder', InvocationType: 'DryRun' }));

    expect(queued.StatusCode).toBe(202);
    expect(dryRun.StatusCode).toBe(204);
    const line = await waitFor('the queued invocation to run', () =>
      kit.service.logs('recorder').find((entry) => entry.message.endsWith('\tEVENT {"async":true}')),
    );
    expect(line.requestId).toBe(queued.$metadata.requestId);
    expect(kit.service.logs('recorder').filter((entry) => entry.message.startsWith('START'))).toHaveLength(1);
  });
});
