import { awsInt, awsString } from '../validation.ts';

/**
 * Parameter constraints of the IAM API model (API reference, "Request Parameters"
 * of CreateRole, PutRolePolicy, CreatePolicy, ListRoles), patterns as AWS prints them.
 */
export const RoleNameSchema = awsString({ min: 1, max: 64, pattern: '[\\w+=,.@-]+' });
export const PolicyNameSchema = awsString({ min: 1, max: 128, pattern: '[\\w+=,.@-]+' });
export const PolicyDocumentSchema = awsString({ min: 1, max: 131072, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' });
export const PathSchema = awsString({ min: 1, max: 512, pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' });
export const PathPrefixSchema = awsString({ min: 1, max: 512, pattern: '\\u002F[\\u0021-\\u007F]*' });
export const RoleDescriptionSchema = awsString({ min: 0, max: 1000, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*' });
export const PolicyDescriptionSchema = awsString({ min: 0, max: 1000 });
export const MaxSessionDurationSchema = awsInt({ min: 3600, max: 43200 });
export const ArnSchema = awsString({ min: 20, max: 2048 });
export const PolicyVersionIdSchema = awsString({ pattern: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?' });
export const MarkerSchema = awsString({ min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+' });
export const MaxItemsSchema = awsInt({ min: 1, max: 1000 });
