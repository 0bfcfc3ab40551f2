import {
  getAzureFileFetchUrl,
  getBitbucketCloudFileFetchUrl,
  getBitbucketServerFileFetchUrl,
  getGiteaFileContentsUrl,
} from '@backstage/integration';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import { ArchitectureDocError } from '../ArchitectureDocsApi';
import { hostOf } from '../httpUrls';
import { githubFileSource } from './githubFiles';
import { gitlabFileSource } from './gitlabFiles';
import { fixedFileSource, HostFileSource } from './fileSource';

/** Wraps a URL builder of `@backstage/integration`, which throws plain errors. */
function fromIntegrationBuilder(
  url: string,
  kind: string,
  build: () => string,
): string {
  try {
    return build();
  } catch (error) {
    throw new ArchitectureDocError(
      'invalid-location',
      `${url} is not a ${kind} file URL: ${error instanceof Error ? error.message : String(error)}`,
      { url },
    );
  }
}

/**
 * How the file at `url` is read from the integration of `integrationType`
 * that serves it: GitHub, GitLab, Bitbucket Cloud and Server, Azure DevOps
 * and Gitea have file endpoints. Undefined for other kinds (object stores,
 * Gerrit, ...) and URLs on no integration, which are read like any public
 * URL. Throws an `invalid-location` error for a URL that names no file.
 */
export function fileSourceForIntegration(
  url: string,
  integrationType: string | undefined,
  integrations: ScmIntegrationRegistry,
): HostFileSource | undefined {
  switch (integrationType) {
    case 'github': {
      const config = integrations.github.byUrl(url)?.config;
      return config && githubFileSource(url, config);
    }
    case 'gitlab': {
      const config = integrations.gitlab.byUrl(url)?.config;
      return config && gitlabFileSource(url, config);
    }
    case 'bitbucketCloud': {
      const config = integrations.bitbucketCloud.byUrl(url)?.config;
      if (!config) return undefined;
      const fetchUrl = fromIntegrationBuilder(url, 'Bitbucket Cloud', () =>
        getBitbucketCloudFileFetchUrl(url, config),
      );
      return fixedFileSource({ url: fetchUrl, headers: {}, format: 'text' }, [
        config.host,
        hostOf(config.apiBaseUrl),
      ]);
    }
    case 'bitbucketServer': {
      const config = integrations.bitbucketServer.byUrl(url)?.config;
      if (!config) return undefined;
      const fetchUrl = fromIntegrationBuilder(url, 'Bitbucket Server', () =>
        getBitbucketServerFileFetchUrl(url, config),
      );
      return fixedFileSource({ url: fetchUrl, headers: {}, format: 'text' }, [
        config.host,
        hostOf(config.apiBaseUrl),
      ]);
    }
    case 'azure': {
      const config = integrations.azure.byUrl(url)?.config;
      if (!config) return undefined;
      const fetchUrl = fromIntegrationBuilder(url, 'Azure DevOps', () =>
        getAzureFileFetchUrl(url),
      );
      // Without it the items API may answer with the file's JSON metadata.
      const headers = { Accept: 'application/octet-stream, text/plain' };
      return fixedFileSource({ url: fetchUrl, headers, format: 'text' }, [
        config.host,
      ]);
    }
    case 'gitea': {
      const config = integrations.gitea.byUrl(url)?.config;
      if (!config) return undefined;
      const fetchUrl = fromIntegrationBuilder(url, 'Gitea', () =>
        getGiteaFileContentsUrl(config, url),
      );
      return fixedFileSource(
        { url: fetchUrl, headers: {}, format: 'gitea-contents' },
        [config.host, hostOf(config.baseUrl)],
      );
    }
    default:
      return undefined;
  }
}
