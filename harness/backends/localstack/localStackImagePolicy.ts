import { lastLocalStackVersionWithoutToken, pinnedImages } from '../images.ts';
import { LocalStackAuthTokenError } from './errors.ts';

/** Whether an image needs `LOCALSTACK_AUTH_TOKEN`: `unknown` for digests and tags that name no version. */
export type AuthTokenNeed = 'needed' | 'not-needed' | 'unknown';

const [baseMajor, baseMinor, basePatch] = lastLocalStackVersionWithoutToken.split('.').map(Number) as [number, number, number];

function splitImage(image: string): { repository: string; tag: string | undefined; digest: boolean } {
  const [name = '', digest] = image.split('@');
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return colon < 0
    ? { repository: name, tag: undefined, digest: digest !== undefined }
    : { repository: name.slice(0, colon), tag: name.slice(colon + 1), digest: digest !== undefined };
}

/** Reads the LocalStack version a tag names; a floating tag (`4`, `4.15`, `latest`) counts as its newest release. */
export function authTokenNeed(image: string): AuthTokenNeed {
  const { repository, tag, digest } = splitImage(image);
  if (repository.endsWith('localstack-pro')) return 'needed';
  if (tag === undefined) return digest ? 'unknown' : 'needed';
  if (tag === 'latest' || tag === 'stable') return 'needed';
  const version = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:$|[-+])/.exec(tag);
  if (!version) return 'unknown';
  const [major, minor, patch] = [version[1], version[2], version[3]].map((part) => (part === undefined ? undefined : Number(part)));
  const parts: (number | undefined)[] = [major, minor, patch];
  const base = [baseMajor, baseMinor, basePatch];
  for (let i = 0; i < 3; i += 1) {
    const part = parts[i];
    const baseline = base[i] as number;
    if (part === undefined) return 'needed'; // floating: resolves to the newest release of that line
    if (part !== baseline) return part > baseline ? 'needed' : 'not-needed';
  }
  return 'not-needed';
}

/**
 * Fails before anything starts when the image cannot run without a token; returns a warning to print
 * when that cannot be told from the image name.
 */
export function checkLocalStackAuth(options: { image: string; authToken?: string | undefined }): string | undefined {
  if (options.authToken !== undefined) return undefined;
  const need = authTokenNeed(options.image);
  if (need === 'needed') {
    throw new LocalStackAuthTokenError(
      `LocalStack image ${options.image} needs LOCALSTACK_AUTH_TOKEN (images newer than ${lastLocalStackVersionWithoutToken} do not start without one): set LOCALSTACK_AUTH_TOKEN, or unset LOCALSTACK_IMAGE to use ${pinnedImages.localstack}.`,
    );
  }
  return need === 'unknown'
    ? `warning: cannot tell whether ${options.image} needs LOCALSTACK_AUTH_TOKEN; images newer than ${lastLocalStackVersionWithoutToken} do not start without it`
    : undefined;
}
