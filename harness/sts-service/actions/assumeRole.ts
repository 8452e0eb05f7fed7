import type { AssumeRoleResponse } from '@aws-sdk/client-sts';
import * as z from 'zod';
import { ValidationError } from '../../iam-service/queryErrors.ts';
import { awsInt, awsString, parseInput } from '../../iam-service/validation.ts';
import type { StsContext } from '../StsContext.ts';
import { roleIdFor, temporaryCredentials } from '../temporaryCredentials.ts';

/** The model's constraints, patterns as AWS prints them (STS probes of versity/versitygw). */
const AssumeRoleInput = z.object({
  RoleArn: awsString({
    min: 20,
    max: 2048,
    pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
  }),
  RoleSessionName: awsString({ min: 2, max: 64, pattern: '[\\w+=,.@-]*' }),
  DurationSeconds: awsInt({ min: 900, max: 43200 }).optional(),
});

const ROLE_ARN = /^arn:aws[\w-]*:iam::(?<account>\d{12}):role\/(?:[\u0021-\u007E]*\/)?(?<name>[\w+=,.@-]+)$/u;

/**
 * AssumeRole, a stub: checks the request as STS does and answers temporary
 * credentials for any role ARN, which the stack accepts until they expire. It cannot see IAM's store, so it
 * neither refuses unknown roles (AWS: 403 AccessDenied) nor evaluates trust
 * policies or the role's MaxSessionDuration.
 */
export function assumeRole(input: unknown, context: StsContext): AssumeRoleResponse {
  const request = parseInput(AssumeRoleInput, input);
  const role = ROLE_ARN.exec(request.RoleArn)?.groups;
  if (role?.account === undefined || role.name === undefined) {
    throw new ValidationError(`${request.RoleArn} is invalid`);
  }
  const issued = Math.floor(Date.now() / 1000);
  const credentials = temporaryCredentials();
  const expiresAt = (issued + (request.DurationSeconds ?? 3600)) * 1000;
  context.onCredentialsIssued?.({
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiresAt,
  });
  return {
    AssumedRoleUser: {
      AssumedRoleId: `${roleIdFor(request.RoleArn)}:${request.RoleSessionName}`,
      Arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${request.RoleSessionName}`,
    },
    Credentials: { ...credentials, Expiration: new Date(expiresAt) },
  } satisfies AssumeRoleResponse;
}
