import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../../harness/topology/loadTopology.ts';
import { chromiumAvailable, chromiumMissing, launchChromium } from './fixtures/chromium.ts';

const run = promisify(execFile);
const cucumberBin = path.join(path.dirname(createRequire(import.meta.url).resolve('@cucumber/cucumber/package.json')), 'bin', 'cucumber-js');
const fixtureConfig = path.join('test', 'reports', 'fixtures', 'report', 'cucumber.json');

if (!chromiumAvailable) console.warn(`skipping the report browser test: ${chromiumMissing}`);
const itWithChromium = chromiumAvailable ? it : it.skip;

describe('the Cucumber HTML report in a real browser', () => {
  let dir: string;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!chromiumAvailable) return;
    // A report of its own, from a fixture feature whose steps call the real attachment functions
    // (steps/support/attachments.ts) on fixture data, so this test checks what the features report
    // shows without depending on `npm run features` having run first.
    dir = await mkdtemp(path.join(tmpdir(), 'fanout-report-'));
    await run(process.execPath, [cucumberBin, '--config', fixtureConfig, '--format', `html:${path.join(dir, 'report.html')}`], { cwd: repoRoot });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir && !process.env.KEEP_REPORT_DIR) await rm(dir, { recursive: true, force: true });
  });

  itWithChromium('shows the feature and its scenario', async () => {
    await page.getByText('test/reports/fixtures/report/living-documentation.feature').click();

    await expect(page.getByText('The features report shows the discovered topology').isVisible()).resolves.toBe(true);
    await expect(page.getByText("the topology and an order's journey are attached").isVisible()).resolves.toBe(true);
  });

  itWithChromium("shows the order's journey under the step that proves it, in time order on one clock, without expanding a hook", async () => {
    // Prepare: the journey's title is in view as the scenario shows it; no hook section is opened. What
    // the fixture's After hook attaches is not in view: that is where the journeys used to be.
    const summary = page.locator('summary', { hasText: 'Journey of order order-fi (cus-fixture)' });
    await expect(summary.isVisible()).resolves.toBe(true);
    await expect(page.getByText('Attached by the After hook').isVisible()).resolves.toBe(false);
    await expect(summary.textContent()).resolves.toContain('processed by both consumers meant for it, the last at +40 ms');

    // Act
    await summary.click();
    const journey = page.locator('details[open]', { has: summary }).locator('img');
    await journey.waitFor({ state: 'visible' });
    const rows = await journey.evaluate((img: HTMLImageElement) => {
      const bytes = Uint8Array.from(atob(img.src.slice(img.src.indexOf(',') + 1)), (c) => c.charCodeAt(0));
      const svg = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'image/svg+xml');
      return [...svg.querySelectorAll('g.trace-row')].map((row) => ({
        atMs: Number(row.getAttribute('data-at-ms')),
        kind: row.getAttribute('data-kind'),
        text: [...row.querySelectorAll('text')].map((t) => t.textContent).join(' | '),
      }));
    });
    const box = await journey.boundingBox();

    // Assess: every row after the one before it, the 202 a span from 0, each invocation dated by its log lines
    expect(box?.width).toBeGreaterThan(500);
    expect(rows.map((r) => r.atMs)).toEqual([0, 2, 6, 28, 40]);
    expect(rows.map((r) => r.kind)).toEqual(['request', 'invocation', 'processed', 'invocation', 'processed']);
    expect(rows[0]?.text).toContain('+0 → 9 ms | client | POST /orders, answered 202');
    expect(rows[1]?.text).toContain('+2 → 8 ms | fanout-user-notification | Lambda invocation (receive 1)');
    expect(rows[3]?.text).toContain('request req-fixt, Duration 12.5 ms');
    await journey.screenshot({ path: path.join(dir, 'journey.png') });
  });

  itWithChromium('renders the topology diagram as an image once its attachment is opened', async () => {
    await page.locator('summary', { hasText: 'Discovered topology (diagram)' }).click();
    const image = page.locator('details[open] img').first();
    await image.waitFor({ state: 'visible' });

    const rendered = await image.evaluate((img: HTMLImageElement) => ({
      width: img.naturalWidth,
      height: img.naturalHeight,
      svg: img.src.startsWith('data:image/svg+xml;base64,') ? atob(img.src.slice(img.src.indexOf(',') + 1)) : '',
    }));
    const box = await image.boundingBox();

    expect(rendered.width).toBeGreaterThan(1000);
    expect(rendered.height).toBeGreaterThan(200);
    expect(rendered.svg).toContain('fanout-order-processor');
    expect(box?.width).toBeGreaterThan(500);
  });

  itWithChromium('shows the Mermaid source and the consumers table as text', async () => {
    await page.locator('summary', { hasText: 'Discovered topology (Mermaid source)' }).click();
    await page.locator('summary', { hasText: 'Discovered consumers (3)' }).click();

    await expect(page.locator('details[open] pre', { hasText: 'flowchart LR' }).isVisible()).resolves.toBe(true);
    const consumers = page.locator('details[open] pre', { hasText: 'visibility timeout' });
    await expect(consumers.isVisible()).resolves.toBe(true);
    await expect(consumers.textContent()).resolves.toMatch(/\| fanout-user-notification +\| [^|]+\| yes +\|/);
  });
});
