import { PUBLISHER_DEFAULT_PORT } from '../../contracts/publisherEnvironment.ts';

/** Paths the publisher serves (services/publisher/src/routes): health for readiness, Swagger UI for humans. */
export const publisherPaths = {
  health: '/health',
  docs: '/docs',
} as const;

/** The publisher's port inside its container (services/publisher/Dockerfile): its default. */
export const publisherPort = PUBLISHER_DEFAULT_PORT;

/** `apiUrl` without a trailing slash, and the docs page beside it. */
export function publisherUrls(apiUrl: string): { apiUrl: string; docsUrl: string; healthUrl: string } {
  const base = apiUrl.replace(/\/+$/, '');
  return { apiUrl: base, docsUrl: `${base}${publisherPaths.docs}`, healthUrl: `${base}${publisherPaths.health}` };
}
