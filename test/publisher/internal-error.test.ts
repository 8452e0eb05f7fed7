import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

describe('an unexpected failure', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher({
      newId: () => {
        throw new Error('id generator exploded at /srv/secret/path.ts');
      },
    });
  });
  afterAll(() => publisher.close());

  it('is answered 500 without the error message or stack, and logged with its stack', async () => {
    const response = await postOrder(publisher.url);

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: 'Internal Server Error', type: 'about:blank' });
    expect(text).not.toContain('exploded');
    expect(text).not.toContain('secret');
    expect(text).not.toMatch(/\bat .+:\d+:\d+/);

    const logged = publisher.logs.find((line) => line.msg === 'unhandled error');
    expect(logged?.err).toMatchObject({ message: expect.stringContaining('exploded'), stack: expect.stringContaining('Error: id generator exploded') });
    expect(publisher.published()).toEqual([]);
  });
});
