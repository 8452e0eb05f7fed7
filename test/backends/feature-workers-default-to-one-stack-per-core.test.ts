import { describe, expect, it } from '@jest/globals';
import { DeployMethod } from '../../harness/backends/deployMethod.ts';
import { featureWorkers, parallelArguments } from '../../harness/backends/featureWorkers.ts';
import { BackendName } from '../../harness/backends/types.ts';

const sdk = DeployMethod.sdk;

describe('how many Cucumber workers npm run features uses', () => {
  it('runs one worker per core on the embedded backend, each with its own stack, and serially on one core', () => {
    expect(featureWorkers({ backend: BackendName.embedded, deploy: sdk }, {}, 2)).toBe(2);
    expect(featureWorkers({ backend: BackendName.embedded, deploy: sdk }, {}, 8)).toBe(8);
    expect(featureWorkers({ backend: BackendName.embedded, deploy: sdk }, {}, 1)).toBe(1);
    expect(parallelArguments(featureWorkers({ backend: BackendName.embedded, deploy: sdk }, {}, 1))).toEqual([]);
  });

  it('runs one worker when the embedded stack is deployed by terraform apply, and on LocalStack', () => {
    expect(featureWorkers({ backend: BackendName.embedded, deploy: DeployMethod.terraform }, {}, 4)).toBe(1);
    expect(featureWorkers({ backend: BackendName.localstack, deploy: sdk }, {}, 4)).toBe(1);
  });

  it('takes FANOUT_WORKERS where more than one stack may run', () => {
    expect(featureWorkers({ backend: BackendName.embedded, deploy: sdk }, { FANOUT_WORKERS: '3' }, 2)).toBe(3);
    expect(featureWorkers({ backend: BackendName.localstack, deploy: sdk }, { FANOUT_WORKERS: '2' }, 8)).toBe(2);
    expect(featureWorkers({ backend: BackendName.embedded, deploy: sdk }, { FANOUT_WORKERS: '1' }, 8)).toBe(1);
  });

  it('keeps a shared stack (compose, aws) to one worker and refuses more', () => {
    expect(featureWorkers({ backend: BackendName.compose, deploy: sdk }, {}, 8)).toBe(1);
    expect(featureWorkers({ backend: BackendName.aws, deploy: sdk }, {}, 8)).toBe(1);
    expect(() => featureWorkers({ backend: BackendName.aws, deploy: sdk }, { FANOUT_WORKERS: '2' }, 8)).toThrow(
      'FANOUT_WORKERS=2: the aws backend is one shared stack, so its specs run in one worker',
    );
  });

  it('refuses a FANOUT_WORKERS that is not a whole number of at least 1', () => {
    for (const bad of ['0', '-1', '1.5', 'two']) {
      expect(() => featureWorkers({ backend: BackendName.embedded, deploy: sdk }, { FANOUT_WORKERS: bad }, 2)).toThrow(
        `FANOUT_WORKERS must be a whole number of at least 1, not "${bad}"`,
      );
    }
  });

  it('passes --parallel N to cucumber-js only for more than one worker', () => {
    expect(parallelArguments(1)).toEqual([]);
    expect(parallelArguments(2)).toEqual(['--parallel', '2']);
  });
});
