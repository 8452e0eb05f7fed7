import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { OutcomeSchema, type Outcome } from '../../contracts/index.ts';

export type SqsMock = AwsClientStub<SQSClient>;

/** Replaces every SQS client's `send`; the outcomes queue accepts everything. */
export function mockOutcomesQueue(): SqsMock {
  const sqsMock = mockClient(SQSClient);
  sqsMock.on(SendMessageCommand).resolves({ MessageId: 'outcome-message' });
  return sqsMock;
}

/** The outcomes sent so far, each validated against the contract. */
export function sentOutcomes(sqsMock: SqsMock): Outcome[] {
  return sqsMock.commandCalls(SendMessageCommand).map((call) => OutcomeSchema.parse(JSON.parse(call.args[0].input.MessageBody ?? '')));
}

/** The single outcome reported for a message, failing when there is none or more than one. */
export function outcomeFor(sqsMock: SqsMock, messageId: string): Outcome {
  const outcomes = sentOutcomes(sqsMock).filter((outcome) => outcome.messageId === messageId);
  const [outcome] = outcomes;
  if (!outcome || outcomes.length !== 1) throw new Error(`expected one outcome for ${messageId}, got ${outcomes.length}`);
  return outcome;
}
