import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListFunctionsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  type Architecture,
  type CreateFunctionCommandInput,
  type FunctionVersion,
} from '@aws-sdk/client-lambda';
import { ROLE, startLambdaTestKit, type LambdaTestKit } from './helpers/lambdaTestKit.ts';
import { zipFixture } from './helpers/zipFunction.ts';

/**
 * The shapes Lambda gives functions, from LocalStack's parity snapshots recorded on AWS,
 * tests/aws/services/lambda_/test_lambda_api.snapshot.json: `TestLambdaFunction::test_function_lifecycle`
 * (RevisionId per state change, RuntimeVersionConfig, LastUpdateStatusReasonCode), `::test_lambda_code_location_zipfile`
 * (no Environment when none was given), `::test_list_functions` (list entries, FunctionVersion),
 * `::test_create_lambda_exceptions` (Architectures), `TestLambdaVersions::test_publish_version_on_create`
 * (`Qualifier: $LATEST` keeps the qualifier in FunctionArn).
 */
describe('function shapes, as AWS reports them', () => {
  let kit: LambdaTestKit;
  let zip: Uint8Array;
  const ARN = 'arn:aws:lambda:us-east-1:000000000000:function';

  beforeAll(async () => {
    kit = await startLambdaTestKit();
    zip = await zipFixture('echo-esm');
  });

  afterAll(async () => {
    await kit.close();
  });

  const create = (FunctionName: string, overrides: Partial<CreateFunctionCommandInput> = {}) =>
    kit.lambda.send(new CreateFunctionCommand({ FunctionName, Runtime: 'nodejs24.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: zip }, ...overrides }));
  const read = async (FunctionName: string) => (await kit.lambda.send(new GetFunctionCommand({ FunctionName }))).Configuration;

  it('reports no Environment for a function never given one, and a RuntimeVersionConfig', async () => {
    const created = await create('no-environment');
    const withEmpty = await create('empty-environment', { Environment: { Variables: {} } });

    expect(created).not.toHaveProperty('Environment');
    expect(await read('no-environment')).not.toHaveProperty('Environment');
    expect(withEmpty.Environment).toEqual({ Variables: {} });
    expect(created.RuntimeVersionConfig?.RuntimeVersionArn).toMatch(/^arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    expect((await read('no-environment'))?.RuntimeVersionConfig).toEqual(created.RuntimeVersionConfig);
    expect(created).not.toHaveProperty('LastUpdateStatus');
  });

  it('gives a new RevisionId when the function becomes Active and when each update completes; a stale one is 412', async () => {
    // Prepare
    const created = await create('revisions');
    const active = await read('revisions');

    // Act
    const updated = await kit.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'revisions', Timeout: 5, RevisionId: active?.RevisionId }),
    );
    await waitUntilFunctionUpdatedV2({ client: kit.lambda, maxWaitTime: 10 }, { FunctionName: 'revisions' });
    const done = await read('revisions');

    // Assess
    expect(created.State).toBe('Pending');
    expect(active).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' });
    expect(updated).toMatchObject({ LastUpdateStatus: 'InProgress', LastUpdateStatusReason: 'The function is being created.', LastUpdateStatusReasonCode: 'Creating' });
    const revisions = [created.RevisionId, active?.RevisionId, updated.RevisionId, done?.RevisionId];
    expect(new Set(revisions).size).toBe(4);
    for (const stale of [created.RevisionId, updated.RevisionId]) {
      await expect(
        kit.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'revisions', Timeout: 6, RevisionId: stale })),
      ).rejects.toMatchObject({ name: 'PreconditionFailedException', $metadata: { httpStatusCode: 412 } });
    }
    const coded = await kit.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'revisions', ZipFile: zip, RevisionId: done?.RevisionId }));
    expect(coded.RevisionId).not.toBe(done?.RevisionId);
    expect((await read('revisions'))?.RevisionId).not.toBe(coded.RevisionId);
  });

  it('lists functions without State, LastUpdateStatus or RuntimeVersionConfig; FunctionVersion ALL lists $LATEST qualified', async () => {
    await create('listed');

    const byDefault = (await kit.lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
    const all = (await kit.lambda.send(new ListFunctionsCommand({ FunctionVersion: 'ALL' }))).Functions ?? [];

    const entry = byDefault.find((fn) => fn.FunctionName === 'listed');
    expect(entry).toMatchObject({ FunctionArn: `${ARN}:listed`, Version: '$LATEST' });
    for (const member of ['State', 'StateReason', 'StateReasonCode', 'LastUpdateStatus', 'RuntimeVersionConfig']) {
      expect(entry).not.toHaveProperty(member);
    }
    expect(all.find((fn) => fn.FunctionName === 'listed')).toMatchObject({ FunctionArn: `${ARN}:listed:$LATEST`, Version: '$LATEST' });
    await expect(kit.lambda.send(new ListFunctionsCommand({ FunctionVersion: 'invalid' as FunctionVersion }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value 'invalid' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum value set: [ALL]",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('keeps arm64, and refuses two architectures or an unknown one in AWS words', async () => {
    const arm = await create('arm', { Architectures: ['arm64'] });
    expect(arm.Architectures).toEqual(['arm64']);
    expect((await read('arm'))?.Architectures).toEqual(['arm64']);

    await expect(create('two-architectures', { Architectures: ['x86_64', 'arm64'] })).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value '[x86_64, arm64]' at 'architectures' failed to satisfy constraint: Member must have length less than or equal to 1",
      $metadata: { httpStatusCode: 400 },
    });
    await expect(create('bad-architecture', { Architectures: ['X86_64' as Architecture] })).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '[X86_64]' at 'architectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]",
    });
  });

  it('keeps :$LATEST in the ARN it was named by: GetFunction, GetFunctionConfiguration and the invokedFunctionArn', async () => {
    await create('qualified');

    const byName = await kit.lambda.send(new GetFunctionCommand({ FunctionName: 'qualified:$LATEST' }));
    const byQualifier = await kit.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'qualified', Qualifier: '$LATEST' }));
    const unqualified = await read('qualified');
    const invoke = async (FunctionName: string) => {
      const output = await kit.lambda.send(new InvokeCommand({ FunctionName, Payload: Buffer.from('{}') }));
      return (JSON.parse(Buffer.from(output.Payload ?? new Uint8Array()).toString('utf8')) as { context: { invokedFunctionArn: string } }).context;
    };

    expect(byName.Configuration?.FunctionArn).toBe(`${ARN}:qualified:$LATEST`);
    expect(byQualifier.FunctionArn).toBe(`${ARN}:qualified:$LATEST`);
    expect(unqualified?.FunctionArn).toBe(`${ARN}:qualified`);
    expect((await invoke('qualified:$LATEST')).invokedFunctionArn).toBe(`${ARN}:qualified:$LATEST`);
    expect((await invoke(`${ARN}:qualified`)).invokedFunctionArn).toBe(`${ARN}:qualified`);
  });
});
