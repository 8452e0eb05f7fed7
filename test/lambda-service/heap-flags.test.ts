import { describe, expect, it } from '@jest/globals';
import { heapFlags } from '../../harness/lambda-service/environments/ExecutionEnvironment.ts';

describe('V8 heap limits of an environment', () => {
  it('gives a tenth of the memory to the young generation and the rest to the old one, as Lambda does', () => {
    expect(heapFlags(128)).toEqual(['--max-semi-space-size=6', '--max-old-space-size=116']);
    expect(heapFlags(256)).toEqual(['--max-semi-space-size=12', '--max-old-space-size=231']);
    expect(heapFlags(10240)).toEqual(['--max-semi-space-size=512', '--max-old-space-size=9216']);
  });
});
