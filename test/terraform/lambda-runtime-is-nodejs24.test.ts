import { describe, expect, it } from '@jest/globals';
import { block, loadAllModules, loadTerraformModule, nestedBlock, stringAttribute, subscriberModuleDir, terraformRoot } from './support/terraformModule.ts';

describe('Lambda functions', () => {
  it('all run on var.lambda_runtime, nodejs24.x unless a caller with an older provider sets another', async () => {
    const root = await loadTerraformModule(terraformRoot);
    const functions = (await loadAllModules()).flatMap((module) => Object.values(module.resources.aws_lambda_function ?? {}));
    const calls = Object.values(root.modules);

    expect(functions.length).toBeGreaterThan(0);
    expect(functions.map((fn) => fn.runtime)).toEqual(functions.map(() => '${var.runtime}'));
    expect(calls.map((call) => call.runtime)).toEqual(calls.map(() => '${var.lambda_runtime}'));
    expect(root.variables.lambda_runtime).toMatchObject({ type: '${string}', default: 'nodejs24.x' });
  });

  it('deploy the consumer bundle from lambda_dist_dir with its hash, so a rebuilt bundle is redeployed', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const fn = block(subscriber.resources, 'aws_lambda_function', 'main');

    expect(fn.filename).toBe('${local.bundle}');
    expect(fn.source_code_hash).toBe('${filebase64sha256(local.bundle)}');
    expect(subscriber.locals.bundle).toBe('${var.lambda_dist_dir}/${var.consumer_name}.zip');
    expect(fn.handler).toBe('${var.consumer.handler}');
    expect(fn.timeout).toBe('${var.consumer.timeout}');
    expect(fn.memory_size).toBe('${var.consumer.memory_size}');
  });

  it('get OUTCOMES_QUEUE_URL and CONSUMER_NAME on top of the consumer environment', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const variables = stringAttribute(nestedBlock(block(subscriber.resources, 'aws_lambda_function', 'main'), 'environment'), 'variables');

    expect(variables).toMatch(/^\$\{merge\(var\.consumer\.environment,\s*\{/);
    expect(variables).toMatch(/OUTCOMES_QUEUE_URL\s*=\s*var\.outcomes_queue_url/);
    expect(variables).toMatch(/CONSUMER_NAME\s*=\s*var\.consumer_name/);
  });

  it('log to their own log group, which exists (with its retention) before the function', async () => {
    const subscriber = await loadTerraformModule(subscriberModuleDir);
    const fn = block(subscriber.resources, 'aws_lambda_function', 'main');
    const logGroup = block(subscriber.resources, 'aws_cloudwatch_log_group', 'main');

    expect(nestedBlock(fn, 'logging_config').log_group).toBe('${aws_cloudwatch_log_group.main.name}');
    expect(fn.depends_on).toEqual(expect.arrayContaining(['${aws_cloudwatch_log_group.main}']));
    expect(logGroup.name).toBe('${local.log_group_name}');
    expect(logGroup.retention_in_days).toBe('${var.log_retention_days}');
  });
});
