import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exampleOrder } from '../../contracts/index.ts';
import { postOrder } from './support/requests.ts';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

describe('the Content-Type of POST /orders', () => {
  let publisher: TestPublisher;
  beforeAll(async () => {
    publisher = await startTestPublisher();
  });
  afterAll(() => publisher.close());

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a non-UTF-8 charset', { 'content-type': 'application/json; charset=iso-8859-1' }],
  ])('is refused with 415 when it is %s, and nothing is published', async (_case, headers) => {
    const response = await postOrder(publisher.url, exampleOrder, headers);

    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
    expect(publisher.published()).toEqual([]);
  });

  it('is refused with 415 when it is missing', async () => {
    const response = await fetch(`${publisher.url}/orders`, { method: 'POST', body: new Blob([JSON.stringify(exampleOrder)]) });

    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.status).toBe(415);
    expect(publisher.published()).toEqual([]);
  });

  it('may carry a UTF-8 charset', async () => {
    const response = await postOrder(publisher.url, exampleOrder, { 'content-type': 'Application/JSON; charset=UTF-8' });

    expect(response.status).toBe(202);
  });
});
