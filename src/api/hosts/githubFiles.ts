import type { GithubIntegrationConfig } from '@backstage/integration';
import { ArchitectureDocError } from '../ArchitectureDocsApi';
import { hostOf, tryParseUrl } from '../httpUrls';
import {
  credentialHostSet,
  decodePathSegment,
  HostFileSource,
  invalidFileUrl,
  RawRequest,
} from './fileSource';

/** The parts of a GitHub file URL `/<owner>/<repo>/<blob|tree|raw|edit>/<ref>/<path>`, still URL-encoded. */
export interface GithubFileParts {
  kind: string;
  owner: string;
  repo: string;
  ref: string;
  path: string[];
}

/** The parts of a GitHub (or GitHub Enterprise) file URL; undefined when it names no file. */
export function parseGithubFileUrl(url: string): GithubFileParts | undefined {
  const parsed = tryParseUrl(url);
  if (!parsed) return undefined;
  const [owner, repo, kind, ref, ...path] = parsed.pathname.split('/').slice(1);
  if (
    !owner ||
    !repo ||
    !ref ||
    !['blob', 'tree', 'raw', 'edit'].includes(kind)
  )
    return undefined;
  if (path.length === 0 || path.some(segment => !segment)) return undefined;
  return { kind, owner, repo, ref, path };
}

/**
 * How a GitHub file is read: anonymously from `rawBaseUrl`, and with
 * credentials from the contents API with the raw media type. Throws an
 * `invalid-location` error when `url` names no file.
 */
export function githubFileSource(
  url: string,
  config: GithubIntegrationConfig,
): HostFileSource {
  const parts = parseGithubFileUrl(url);
  if (!parts) {
    throw invalidFileUrl(
      url,
      'GitHub',
      `https://${config.host}/org/repo/blob/main/docs/architecture/Service.md`,
    );
  }
  const { owner, repo, ref, path } = parts;
  const { apiBaseUrl, rawBaseUrl } = config;
  const apiRequest = (base: string): RawRequest => ({
    url: `${base}/repos/${owner}/${repo}/contents/${path.join('/')}?ref=${encodeURIComponent(decodePathSegment(ref))}`,
    headers: { Accept: 'application/vnd.github.raw' },
    format: 'text',
  });
  return {
    credentialHosts: credentialHostSet([
      config.host,
      hostOf(apiBaseUrl),
      hostOf(rawBaseUrl),
    ]),
    rawRequest(authenticated) {
      // The contents API accepts tokens across origins; the raw host is for
      // anonymous reads and does not count against the API rate limit.
      if (authenticated && apiBaseUrl) return apiRequest(apiBaseUrl);
      if (rawBaseUrl) {
        return {
          url: `${rawBaseUrl}/${owner}/${repo}/${ref}/${path.join('/')}`,
          headers: {},
          format: 'text',
        };
      }
      if (apiBaseUrl) return apiRequest(apiBaseUrl);
      throw new ArchitectureDocError(
        'invalid-location',
        `The GitHub integration for ${config.host} has neither apiBaseUrl nor rawBaseUrl; set one in integrations.github.`,
        { url },
      );
    },
  };
}
