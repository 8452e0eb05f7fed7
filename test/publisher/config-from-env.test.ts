import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../services/publisher/src/config.ts';

const ARN = 'arn:aws:sns:eu-west-1:000000000000:order-events';

describe('the publisher configuration', () => {
  it('requires ORDER_EVENTS_TOPIC_ARN and says so', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/ORDER_EVENTS_TOPIC_ARN is required/);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ ORDER_EVENTS_TOPIC_ARN: 'order-events', PORT: 'http', LOG_LEVEL: 'loud' })).toThrow(
      /ORDER_EVENTS_TOPIC_ARN[\s\S]*PORT|PORT[\s\S]*LOG_LEVEL/,
    );
  });

  it('has defaults for everything else (loopback unless HOST is set), and treats empty variables as unset', () => {
    expect(loadConfig({ ORDER_EVENTS_TOPIC_ARN: ARN, PORT: '', PUBLISHER_API_KEYS: '' })).toEqual({
      port: 3000,
      host: '127.0.0.1',
      topicArn: ARN,
      region: undefined,
      apiKeys: [],
      logLevel: 'info',
      publishTimeoutMs: 3000,
      shutdownTimeoutMs: 10_000,
      idempotencyWindowMs: 86_400_000,
      idempotencyMaxKeys: 100_000,
    });
  });

  it('reads comma-separated API keys, trimming blanks', () => {
    expect(loadConfig({ ORDER_EVENTS_TOPIC_ARN: ARN, PUBLISHER_API_KEYS: ' one, two ,,' }).apiKeys).toEqual(['one', 'two']);
  });

  it('reads host, port, region and log level', () => {
    expect(loadConfig({ ORDER_EVENTS_TOPIC_ARN: ARN, HOST: '0.0.0.0', PORT: '8080', AWS_REGION: 'eu-central-1', LOG_LEVEL: 'debug' })).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      region: 'eu-central-1',
      logLevel: 'debug',
    });
  });
});
