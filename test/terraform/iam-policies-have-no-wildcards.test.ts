import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { allResources, loadAllModules, nestedBlocks, type TerraformModule } from './support/terraformModule.ts';

const statementSchema = z.looseObject({
  actions: z.array(z.string()).optional(),
  not_actions: z.unknown().optional(),
  resources: z.array(z.string()).optional(),
  not_resources: z.unknown().optional(),
  principals: z.array(z.looseObject({ type: z.string(), identifiers: z.array(z.string()) })).optional(),
});

/** `${aws_cloudwatch_log_group.x.arn}:*` names the log streams of one group, not everything. */
const logStreamsOfOwnGroup = /^\$\{aws_cloudwatch_log_group\.[\w-]+\.arn\}:\*$/;

function statements(module: TerraformModule) {
  return Object.entries(module.data.aws_iam_policy_document ?? {}).flatMap(([name, document]) =>
    nestedBlocks(document, 'statement').map((statement) => ({ name, statement: statementSchema.parse(statement) })));
}

describe('IAM policies', () => {
  it('are all aws_iam_policy_document data sources, so that their actions and resources can be read here', async () => {
    const modules = await loadAllModules();
    const inline = modules.flatMap((module) =>
      allResources(module).flatMap(([type, name, resource]) =>
        ['policy', 'assume_role_policy', 'inline_policy', 'managed_policy_arns']
          .filter((attribute) => Object.hasOwn(resource, attribute))
          .filter((attribute) => !/^\$\{data\.aws_iam_policy_document\.[\w-]+\.json\}$/.test(String(resource[attribute])))
          .map((attribute) => `${type}.${name}.${attribute}`)));
    const attachments = modules.flatMap((module) =>
      Object.keys(module.resources).filter((type) => /^aws_iam_(role|user|group)_policy_attachment$|^aws_iam_policy$/.test(type)));

    expect(inline).toEqual([]);
    // Managed policies such as AWSLambdaBasicExecutionRole grant logs:CreateLogGroup on "*".
    expect(attachments).toEqual([]);
  });

  it('grant no wildcard action, resource or principal, and no NotAction / NotResource', async () => {
    // Prepare
    const all = (await loadAllModules()).flatMap(statements);

    // Act
    const offences = all.flatMap(({ name, statement }) => [
      ...(statement.actions ?? []).filter((action) => action.includes('*')).map((a) => `${name}: action ${a}`),
      ...(statement.resources ?? [])
        .filter((resource) => resource.includes('*') && !logStreamsOfOwnGroup.test(resource))
        .map((r) => `${name}: resource ${r}`),
      ...(statement.principals ?? []).flatMap((p) => p.identifiers).filter((id) => id.includes('*')).map((p) => `${name}: principal ${p}`),
      ...(statement.not_actions === undefined ? [] : [`${name}: not_actions`]),
      ...(statement.not_resources === undefined ? [] : [`${name}: not_resources`]),
    ]);

    // Assess
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(offences).toEqual([]);
  });

  it('let each Lambda consume only its own queue, report only to the outcomes queue and log only to its own group', async () => {
    const [, subscriber] = await loadAllModules();
    const lambda = subscriber ? statements(subscriber).filter(({ name }) => name === 'lambda').map(({ statement }) => statement) : [];

    expect(lambda.map(({ actions, resources }) => ({ actions: [...(actions ?? [])].sort(), resources }))).toEqual([
      {
        actions: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
        resources: ['${aws_sqs_queue.main.arn}'],
      },
      { actions: ['sqs:SendMessage'], resources: ['${var.outcomes_queue_arn}'] },
      { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: ['${aws_cloudwatch_log_group.main.arn}:*'] },
    ]);
  });
});
