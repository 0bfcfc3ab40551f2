import { decodePathSegment } from './hosts/fileSource';
import { GithubFileParts, parseGithubFileUrl } from './hosts/githubFiles';
import { parseGitlabFileUrl } from './hosts/gitlabFiles';
import type { ScmIntegrationLookup } from './scmIntegrationLookup';

/**
 * Hosts reject very long URLs; above this the create URL only names the
 * file and leaves the content to the author.
 */
const MAX_PREFILL_URL_CHARS = 8000;

/** The page of a GitHub file of the given kind; the hash is kept for anchors. */
function githubPageUrl(
  url: string,
  parts: GithubFileParts,
  kind: 'blob',
): string {
  const parsed = new URL(url);
  const path = [parts.owner, parts.repo, kind, parts.ref, ...parts.path].join(
    '/',
  );
  return `${parsed.origin}/${path}${parsed.search}${parsed.hash}`;
}

/**
 * A doc's canonical URL, the one it is cached under and links resolve
 * against. GitHub's resolver returns `tree` URLs because a path may be a
 * folder; a doc is a file, whose page is the `blob` URL.
 */
export function canonicalDocUrl(
  url: string,
  integrations: ScmIntegrationLookup,
): string {
  const github =
    integrations.integrationOfType(url, 'github') && parseGithubFileUrl(url);
  return github ? githubPageUrl(url, github, 'blob') : url;
}

/** The host's page to edit the file, when its integration has one. */
export function editPageUrl(
  url: string,
  integrations: ScmIntegrationLookup,
): string | undefined {
  const integration = integrations.integrationFor(url);
  if (!integration) return undefined;
  try {
    return integration.resolveEditUrl(url);
  } catch {
    return undefined;
  }
}

/**
 * A new-file page in the folder of `path` (URL-encoded segments) under
 * `base`, naming the file in the `nameParam` query parameter.
 */
function newFilePage(base: string, path: string[], nameParam: string): string {
  const name = decodePathSegment(path[path.length - 1]);
  return `${[base, ...path.slice(0, -1)].join('/')}?${nameParam}=${encodeURIComponent(name)}`;
}

/**
 * The host's "new file" page for a doc that does not exist yet, with the
 * name and `templateMarkdown` filled in (GitHub and GitLab; other hosts have
 * no such page). The template is left out when the URL would be too long.
 */
export function newFilePageUrl(
  url: string,
  templateMarkdown: string,
  integrations: ScmIntegrationLookup,
): string | undefined {
  const withTemplate = (base: string, contentParam: string): string => {
    const full = `${base}&${contentParam}=${encodeURIComponent(templateMarkdown)}`;
    return full.length <= MAX_PREFILL_URL_CHARS ? full : base;
  };
  try {
    if (integrations.integrationOfType(url, 'github')) {
      const parts = parseGithubFileUrl(url);
      if (!parts) return undefined;
      const base = `${new URL(url).origin}/${parts.owner}/${parts.repo}/new/${parts.ref}`;
      return withTemplate(newFilePage(base, parts.path, 'filename'), 'value');
    }
    const gitlab = integrations.integrationOfType(url, 'gitlab');
    if (gitlab) {
      const parts = parseGitlabFileUrl(url, gitlab.config);
      if (!parts) return undefined;
      const base = `${parts.root}/${parts.project}/-/new/${parts.ref}`;
      return withTemplate(
        newFilePage(base, parts.path, 'file_name'),
        'content',
      );
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The page that shows a file on its host. Doc URLs are such pages already;
 * GitHub and GitLab raw URLs are turned into their blob pages.
 */
export function viewPageUrl(
  url: string,
  integrations: ScmIntegrationLookup,
): string {
  const github =
    integrations.integrationOfType(url, 'github') && parseGithubFileUrl(url);
  // Only raw answers are not pages; `tree` links may name folders.
  if (github && github.kind === 'raw')
    return githubPageUrl(url, github, 'blob');
  const gitlab = integrations.integrationOfType(url, 'gitlab');
  const gitlabParts = gitlab && parseGitlabFileUrl(url, gitlab.config);
  if (gitlabParts && new URL(url).pathname.includes('/-/raw/')) {
    const path = [
      gitlabParts.project,
      '-',
      'blob',
      gitlabParts.ref,
      ...gitlabParts.path,
    ].join('/');
    return `${gitlabParts.root}/${path}`;
  }
  return url;
}
