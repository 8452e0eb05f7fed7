import { createHash } from 'node:crypto';
import {
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  type SendMessageBatchCommandInput,
  type SendMessageBatchCommandOutput,
  type SendMessageBatchRequestEntry,
} from '@aws-sdk/client-sqs';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { OutcomeSchema, type Outcome } from '../../contracts/index.ts';

export type SqsMock = AwsClientStub<SQSClient>;

/** Replaces every SQS client's `send`; the outcomes queue accepts everything. */
export function mockOutcomesQueue(): SqsMock {
  const sqsMock = mockClient(SQSClient);
  acceptOutcomes(sqsMock);
  return sqsMock;
}

/** (Re)installs the default behaviour: every SendMessage and every SendMessageBatch entry succeeds. */
export function acceptOutcomes(sqsMock: SqsMock): void {
  sqsMock.on(SendMessageCommand).resolves({ MessageId: 'outcome-message' });
  sqsMock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => batchResult(input, () => undefined));
}

/**
 * What SQS answers to a SendMessageBatch call: entries for which `refuse` returns an error code are listed in
 * `Failed`, the others in `Successful`.
 */
export function batchResult(
  input: SendMessageBatchCommandInput,
  refuse: (entry: SendMessageBatchRequestEntry, outcome: Outcome) => string | undefined,
): Partial<SendMessageBatchCommandOutput> {
  const entries = input.Entries ?? [];
  const verdicts = entries.map((entry) => ({ entry, code: refuse(entry, entryOutcome(entry)) }));
  return {
    Successful: verdicts
      .filter(({ code }) => code === undefined)
      .map(({ entry }) => ({ Id: entry.Id, MessageId: `outcome-${entry.Id}`, MD5OfMessageBody: createHash('md5').update(entry.MessageBody ?? '').digest('hex') })),
    Failed: verdicts
      .filter(({ code }) => code !== undefined)
      .map(({ entry, code }) => ({ Id: entry.Id, Code: code, SenderFault: false, Message: 'refused by the test' })),
  };
}

/** The outcome an entry carries, validated against the contract. */
export function entryOutcome(entry: { MessageBody?: string | undefined }): Outcome {
  return OutcomeSchema.parse(JSON.parse(entry.MessageBody ?? ''));
}

/** Every SendMessageBatch call's entries, call by call. */
export function batchCalls(sqsMock: SqsMock): SendMessageBatchRequestEntry[][] {
  return sqsMock.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input.Entries ?? []);
}

/** The outcomes sent so far (one by one or in batches, delivered or not), each validated against the contract. */
export function sentOutcomes(sqsMock: SqsMock): Outcome[] {
  return [
    ...sqsMock.commandCalls(SendMessageCommand).map((call) => entryOutcome(call.args[0].input)),
    ...batchCalls(sqsMock).flat().map(entryOutcome),
  ];
}

/** The single outcome reported for a message, failing when there is none or more than one. */
export function outcomeFor(sqsMock: SqsMock, messageId: string): Outcome {
  const outcomes = sentOutcomes(sqsMock).filter((outcome) => outcome.messageId === messageId);
  const [outcome] = outcomes;
  if (!outcome || outcomes.length !== 1) throw new Error(`expected one outcome for ${messageId}, got ${outcomes.length}`);
  return outcome;
}
