import type { GitLabIntegrationConfig } from '@backstage/integration';
import { hostOf, tryParseUrl } from '../httpUrls';
import {
  credentialHostSet,
  decodePathSegment,
  HostFileSource,
  invalidFileUrl,
  RawRequest,
} from './fileSource';

/** The parts of a GitLab file URL, still URL-encoded. */
export interface GitlabFileParts {
  /** The instance's web root, e.g. `https://example.com/gitlab`. */
  root: string;
  project: string;
  ref: string;
  path: string[];
}

/** The parts of a GitLab file URL on the instance `config` describes; undefined when it names no file. */
export function parseGitlabFileUrl(
  url: string,
  config: GitLabIntegrationConfig,
): GitlabFileParts | undefined {
  const parsed = tryParseUrl(url);
  const base = tryParseUrl(config.baseUrl);
  if (!parsed || !base) return undefined;
  // GitLab may be served under a path (https://example.com/gitlab); the
  // project path starts after it.
  const prefix = base.pathname.replace(/\/+$/, '');
  if (prefix && !parsed.pathname.startsWith(`${prefix}/`)) return undefined;
  const rest = parsed.pathname.slice(prefix.length);
  // `/-/` marks the end of the project path; the bare form is the legacy one.
  const marker = ['/-/blob/', '/-/raw/', '/blob/', '/raw/'].find(m =>
    rest.includes(m),
  );
  if (!marker) return undefined;
  const index = rest.indexOf(marker);
  const project = rest.slice(1, index);
  const [ref, ...path] = rest.slice(index + marker.length).split('/');
  if (!project || !ref || path.length === 0 || path.some(segment => !segment))
    return undefined;
  return { root: `${parsed.origin}${prefix}`, project, ref, path };
}

/**
 * How a GitLab file is read: from the repository files API's raw endpoint,
 * the same request with and without credentials. Throws an
 * `invalid-location` error when `url` names no file.
 */
export function gitlabFileSource(
  url: string,
  config: GitLabIntegrationConfig,
): HostFileSource {
  const parts = parseGitlabFileUrl(url, config);
  if (!parts) {
    throw invalidFileUrl(
      url,
      'GitLab',
      `${config.baseUrl}/group/project/-/blob/main/docs/architecture/Service.md`,
    );
  }
  const project = encodeURIComponent(decodePathSegment(parts.project));
  const filePath = encodeURIComponent(decodePathSegment(parts.path.join('/')));
  const ref = encodeURIComponent(decodePathSegment(parts.ref));
  const request: RawRequest = {
    url: `${config.apiBaseUrl}/projects/${project}/repository/files/${filePath}/raw?ref=${ref}`,
    headers: {},
    format: 'text',
  };
  return {
    credentialHosts: credentialHostSet([
      config.host,
      hostOf(config.apiBaseUrl),
      hostOf(config.baseUrl),
    ]),
    rawRequest: () => request,
  };
}
