import type { LoggingConfig } from '@aws-sdk/client-lambda';
import { lambdaLogGroupName } from '../../aws/lambdaLogGroupName.ts';
import { InvalidParameterValueException } from '../errors.ts';
import type { FunctionLoggingConfig } from './FunctionStore.ts';

/** What Lambda answers when log levels come with the Text format (AWS's wording, quoted in aws/aws-cdk#28045). */
const LEVELS_NEED_JSON =
  'LogLevel is not supported when LogFormat is set to "Text". Remove LogLevel from your request or change the LogFormat to "Json" and try again.';

/** The LoggingConfig of a new function: Text to `/aws/lambda/<name>` unless the request says otherwise. */
export function defaultLoggingConfig(functionName: string): FunctionLoggingConfig {
  return { LogFormat: 'Text', LogGroup: lambdaLogGroupName(functionName) };
}

/**
 * A LoggingConfig request applied to the current one, as Lambda does it
 * (LocalStack parity snapshots `TestLoggingConfig::*` of test_lambda_api):
 * members given replace the current ones, members left out are kept;
 * switching to JSON sets both levels to INFO unless given, switching back to
 * Text drops them; levels with the Text format are refused.
 */
export function resolveLoggingConfig(current: FunctionLoggingConfig, requested: LoggingConfig): FunctionLoggingConfig {
  const logFormat = requested.LogFormat ?? current.LogFormat;
  const logGroup = requested.LogGroup ?? current.LogGroup;
  if (logFormat === 'Text') {
    if (requested.ApplicationLogLevel !== undefined || requested.SystemLogLevel !== undefined) {
      throw new InvalidParameterValueException(LEVELS_NEED_JSON);
    }
    return { LogFormat: 'Text', LogGroup: logGroup };
  }
  const wasJson = current.LogFormat === 'JSON';
  return {
    LogFormat: logFormat,
    LogGroup: logGroup,
    ApplicationLogLevel: requested.ApplicationLogLevel ?? (wasJson ? current.ApplicationLogLevel : undefined) ?? 'INFO',
    SystemLogLevel: requested.SystemLogLevel ?? (wasJson ? current.SystemLogLevel : undefined) ?? 'INFO',
  };
}
