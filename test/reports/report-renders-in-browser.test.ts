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
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  itWithChromium('shows the feature and its scenario', async () => {
    await page.getByText('test/reports/fixtures/report/living-documentation.feature').click();

    await expect(page.getByText('The features report shows the discovered topology').isVisible()).resolves.toBe(true);
    await expect(page.getByText('the topology and an order trace are attached').isVisible()).resolves.toBe(true);
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

  itWithChromium('shows the Mermaid source, the consumers table and the order trace as text', async () => {
    await page.locator('summary', { hasText: 'Discovered topology (Mermaid source)' }).click();
    await page.locator('summary', { hasText: 'Discovered consumers (3)' }).click();
    await page.locator('summary', { hasText: 'Trace of order order-fi (cus-fixture), ms since POST' }).click();

    await expect(page.locator('details[open] pre', { hasText: 'flowchart LR' }).isVisible()).resolves.toBe(true);
    const consumers = page.locator('details[open] pre', { hasText: 'visibility timeout' });
    await expect(consumers.isVisible()).resolves.toBe(true);
    await expect(consumers.textContent()).resolves.toMatch(/\| fanout-user-notification +\| [^|]+\| yes +\|/);
    const trace = page.locator('details[open] pre', { hasText: 'accepted (202), published' });
    await expect(trace.isVisible()).resolves.toBe(true);
    // The outcome and the invocation that handled it, found by attachTraces in the function's log lines.
    await expect(trace.textContent()).resolves.toMatch(/\| processed \(receive 1\) +\| order-processor +\| msg-fixt +\| req-fixt 12\.5 ms +\|/);
  });
});
