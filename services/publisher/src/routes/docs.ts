import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Router from '@koa/router';
import { buildOpenApiDocument, type OpenApiOptions } from '../openapi.ts';
import type { PublisherState } from '../types.ts';

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

const swaggerUiDist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ownDocs = join(import.meta.dirname, '..', 'docs');

/** Every file the docs page loads, all from this process: the machines that run it have no internet. */
const assets: Readonly<Record<string, { file: string; type: string }>> = {
  'swagger-ui.css': { file: join(swaggerUiDist, 'swagger-ui.css'), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: join(swaggerUiDist, 'swagger-ui-bundle.js'), type: 'text/javascript; charset=utf-8' },
  'favicon-32x32.png': { file: join(swaggerUiDist, 'favicon-32x32.png'), type: 'image/png' },
  'swagger-initializer.js': { file: join(ownDocs, 'swagger-initializer.js'), type: 'text/javascript; charset=utf-8' },
};

/**
 * `GET /openapi.json` and Swagger UI at `GET /docs`. koa2-swagger-ui is not used because its page
 * loads Swagger UI and fonts from a CDN; here swagger-ui-dist is served from node_modules.
 */
export function docsRoute(options: OpenApiOptions): Router<PublisherState> {
  const document = JSON.stringify(buildOpenApiDocument(options));
  const indexHtml = readFileSync(join(ownDocs, 'index.html'), 'utf8');
  const router = new Router<PublisherState>();

  router.get(OPENAPI_PATH, async function openApiDocument(ctx) {
    ctx.type = 'application/json';
    ctx.body = document;
  });
  router.get([DOCS_PATH, `${DOCS_PATH}/`, `${DOCS_PATH}/index.html`], async function docsPage(ctx) {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = indexHtml;
  });
  router.get(`${DOCS_PATH}/:asset`, async function docsAsset(ctx, next) {
    const name = ctx.params.asset ?? '';
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (asset === undefined) return next();
    ctx.type = asset.type;
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = createReadStream(asset.file);
  });
  return router;
}
