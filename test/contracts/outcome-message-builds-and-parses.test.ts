import { describe, expect, it } from '@jest/globals';
import { buildOutcomeMessage, parseOutcomeMessage, type Outcome } from '../../contracts/index.ts';

const outcome: Outcome = {
  consumer: 'order-processor',
  functionName: 'fanout-order-processor',
  orderId: 'ord-1',
  eventId: 'evt-1',
  messageId: 'm-1',
  receiveCount: 1,
  correlationId: 'corr-1',
  result: 'processed',
  detail: 'priced 2 lines',
  processedAt: '2026-01-01T00:00:00.000Z',
};

describe('buildOutcomeMessage', () => {
  it('builds the JSON body and the attributes that name the outcome', () => {
    expect(buildOutcomeMessage(outcome)).toEqual({
      outcome,
      MessageBody: JSON.stringify(outcome),
      MessageAttributes: {
        consumer: { DataType: 'String', StringValue: 'order-processor' },
        result: { DataType: 'String', StringValue: 'processed' },
        orderId: { DataType: 'String', StringValue: 'ord-1' },
        correlationId: { DataType: 'String', StringValue: 'corr-1' },
      },
    });
  });

  it('leaves absent identifiers out of the attributes (SQS refuses empty values)', () => {
    const { MessageAttributes } = buildOutcomeMessage({ ...outcome, orderId: null, correlationId: null });

    expect(Object.keys(MessageAttributes)).toEqual(['consumer', 'result']);
  });

  it('refuses an outcome that breaks the schema, naming the field', () => {
    expect(() => buildOutcomeMessage({ ...outcome, receiveCount: 0 })).toThrow(/receiveCount/);
  });
});

describe('parseOutcomeMessage', () => {
  it('reads what buildOutcomeMessage built', () => {
    expect(parseOutcomeMessage(buildOutcomeMessage(outcome).MessageBody)).toEqual({ success: true, data: outcome });
  });

  it('says when the body is not JSON', () => {
    expect(parseOutcomeMessage('{"consumer":')).toEqual({ success: false, error: expect.stringMatching(/^not JSON: /) });
  });

  it('names the field that breaks the schema', () => {
    const { functionName: _dropped, ...withoutFunctionName } = outcome;

    expect(parseOutcomeMessage(JSON.stringify(withoutFunctionName))).toEqual({ success: false, error: expect.stringMatching(/^not an Outcome: functionName: /) });
    expect(parseOutcomeMessage(JSON.stringify({ ...outcome, result: 'maybe' }))).toEqual({ success: false, error: expect.stringMatching(/^not an Outcome: result: /) });
  });
});
