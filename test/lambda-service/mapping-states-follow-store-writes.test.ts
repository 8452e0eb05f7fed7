import { describe, expect, it } from '@jest/globals';
import { FunctionInvoker } from '../../harness/lambda-service/environments/FunctionInvoker.ts';
import { PollerRegistry } from '../../harness/lambda-service/event-sources/PollerRegistry.ts';
import { FunctionStore } from '../../harness/lambda-service/functions/FunctionStore.ts';
import { FAST_TIMING } from '../../harness/lambda-service/LambdaTiming.ts';
import { LogBook } from '../../harness/lambda-service/logs/LogBook.ts';
import { EventSourceMappingStore, MappingState, type NewMapping } from '../../harness/lambda-service/mappings/EventSourceMappingStore.ts';
import { expectNothingFor, waitFor } from './helpers/waitFor.ts';

// The writers of the mapping store (the actions) write only what is asked for; the poller registry,
// subscribed to the store's events, is the one that moves the state. No SQS client: no poller starts.

const requested: NewMapping = {
  uuid: 'mapping-1',
  functionName: 'consumer',
  functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:consumer',
  eventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:orders',
  enabled: true,
  batchSize: 10,
  maximumBatchingWindowInSeconds: 0,
  functionResponseTypes: [],
  tags: {},
};

function registryFollowing(mappings: EventSourceMappingStore, functions: FunctionStore): PollerRegistry {
  const logBook = new LogBook();
  const invoker = new FunctionInvoker({
    functions,
    logBook,
    nodeBinary: process.execPath,
    nodeVersion: process.version,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test', sessionToken: 'test' },
  });
  const pollers = new PollerRegistry({ mappings, invoker, logBook, queues: undefined, timing: FAST_TIMING });
  mappings.on('mapping-changed', (change) => pollers.mappingChanged(change));
  mappings.on('mapping-deleting', (mapping) => pollers.mappingDeleting(mapping));
  mappings.on('mapping-deleted', (mapping) => pollers.mappingDeleted(mapping));
  functions.on('function-deleted', (fn) => pollers.functionDeleted(fn));
  return pollers;
}

describe('mapping states follow the writes of the store', () => {
  it('moves a written mapping through its transitions, each answered by the write itself', async () => {
    // Prepare
    const mappings = new EventSourceMappingStore();
    const pollers = registryFollowing(mappings, new FunctionStore());

    // Act, Assess: each write returns the mapping in its transition, which then settles
    expect(mappings.create(requested).state).toBe(MappingState.Creating);
    await waitFor('Enabled', () => mappings.get('mapping-1')?.state === MappingState.Enabled);
    expect(mappings.update('mapping-1', { batchSize: 5 })?.state).toBe(MappingState.Updating);
    await waitFor('Enabled after the update', () => mappings.get('mapping-1')?.state === MappingState.Enabled);
    expect(mappings.update('mapping-1', { enabled: false })?.state).toBe(MappingState.Disabling);
    await waitFor('Disabled', () => mappings.get('mapping-1')?.state === MappingState.Disabled);
    expect(mappings.update('mapping-1', { enabled: true })?.state).toBe(MappingState.Enabling);
    await waitFor('Enabled again', () => mappings.get('mapping-1')?.state === MappingState.Enabled);
    const deletedAt = Date.now();
    expect(mappings.delete('mapping-1')?.state).toBe(MappingState.Deleting);
    await waitFor('the mapping to be gone', () => mappings.get('mapping-1') === undefined);
    expect(Date.now() - deletedAt).toBeGreaterThanOrEqual(FAST_TIMING.mappingDeletingMs[0] - 5);
    await pollers.stopAll();
  });

  it('answers a mapping created disabled with Disabled, and it stays Disabled', async () => {
    const mappings = new EventSourceMappingStore();
    const pollers = registryFollowing(mappings, new FunctionStore());

    expect(mappings.create({ ...requested, enabled: false }).state).toBe(MappingState.Disabled);

    await expectNothingFor('the mapping left Disabled', 100, () => mappings.get('mapping-1')?.state !== MappingState.Disabled);
    await pollers.stopAll();
  });

  it("removes a deleted function's mappings at once, without a Deleting period", async () => {
    // Prepare: a function and its mapping
    const mappings = new EventSourceMappingStore();
    const functions = new FunctionStore();
    const pollers = registryFollowing(mappings, functions);
    functions.put({
      name: 'consumer',
      arn: requested.functionArn,
      runtime: 'nodejs24.x',
      handler: 'index.handler',
      role: 'arn:aws:iam::000000000000:role/lambda-role',
      description: '',
      timeout: 3,
      memorySize: 128,
      code: { sha256: '', size: 0, zipPath: '/nonexistent.zip', directory: '/nonexistent' },
      lastModified: '2024-01-02T03:04:05.678+0000',
      revisionId: 'revision',
      generation: 1,
      loggingConfig: { LogFormat: 'Text', LogGroup: '/aws/lambda/consumer' },
      architectures: ['x86_64'],
      ephemeralStorageSize: 512,
      tracingMode: 'PassThrough',
      snapStartApplyOn: 'None',
      tags: {},
    });
    mappings.create(requested);

    // Act
    functions.delete('consumer');

    // Assess
    expect(mappings.list()).toEqual([]);
    await pollers.stopAll();
  });
});
