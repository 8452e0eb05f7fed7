import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestPublisher, type TestPublisher } from './support/testPublisher.ts';

describe('GET /docs', () => {
  let publisher: TestPublisher;
  let html: string;
  beforeAll(async () => {
    publisher = await startTestPublisher();
    const response = await fetch(`${publisher.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    html = await response.text();
  });
  afterAll(() => publisher.close());

  const assetUrls = (): string[] => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');

  it('loads nothing from outside this server (the machines have no internet)', () => {
    expect(assetUrls().length).toBeGreaterThan(0);
    for (const url of assetUrls()) expect(url).toMatch(/^\/docs\//);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves every asset the page loads', async () => {
    for (const url of assetUrls()) {
      const response = await fetch(`${publisher.url}${url}`);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('points Swagger UI at /openapi.json', async () => {
    const scripts = await Promise.all(
      assetUrls()
        .filter((url) => url.endsWith('.js'))
        .map(async (url) => (await fetch(`${publisher.url}${url}`)).text()),
    );
    expect(scripts.some((script) => script.includes("url: '/openapi.json'"))).toBe(true);
  });
});
