import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { ScmAuthApi } from '@backstage/integration-react';
import { raceAbort } from './abortSignals';
import { ArchitectureDocError } from './ArchitectureDocsApi';
import { canonicalDocUrl } from './hostPages';
import { fileSourceForIntegration } from './hosts/fileSourceForIntegration';
import type { HostFileSource, RawRequest } from './hosts/fileSource';
import { hostOf, isHttpUrl, tryParseUrl } from './httpUrls';
import type { ScmIntegrationLookup } from './scmIntegrationLookup';

/** Where a doc URL is read from, worked out without any request. */
export interface DocSource {
  /** The doc's canonical URL: the cache key and the URL links resolve against. */
  docUrl: string;
  host: string;
  /** How its host serves the file; absent for a URL on no supported integration. */
  integration?: HostFileSource;
}

/** A request ready to send: credentials added, or routed through the proxy. */
export interface PreparedRequest extends RawRequest {
  authenticated: boolean;
  viaProxy: boolean;
}

/** How requests reach hosts, per `architectureDocs.fetch`. */
export interface HostRequestContext {
  /** The proxy endpoint's path in `proxy` mode; undefined in `scm` mode. */
  proxyPath: string | undefined;
  discoveryApi: DiscoveryApi;
  scmAuthApi: ScmAuthApi;
  /** Backstage's fetch, for proxy requests. */
  fetchApi: FetchApi;
  /** The fetch for requests to SCM and other hosts. */
  fetch: typeof fetch;
}

/**
 * Where `url` is read from. Throws an `invalid-location` error for a URL
 * that is not http(s), or one on an integration that names no file.
 */
export function describeDocSource(
  url: string,
  integrations: ScmIntegrationLookup,
): DocSource {
  const parsed = tryParseUrl(url);
  if (!isHttpUrl(parsed)) {
    throw new ArchitectureDocError(
      'invalid-location',
      `"${url}" is not an http(s) URL, so it cannot be fetched.`,
      { url },
    );
  }
  // The fragment names a place in the doc, not another file.
  parsed.hash = '';
  const docUrl = canonicalDocUrl(parsed.toString(), integrations);
  const integrationType = integrations.integrationFor(docUrl)?.type;
  const integration = fileSourceForIntegration(
    docUrl,
    integrationType,
    integrations.registry,
  );
  return { docUrl, host: parsed.host, integration };
}

/**
 * The request for a doc. In proxy mode: the anonymous raw path under the
 * proxy path, without credentials. Otherwise the user's existing session
 * (never a login prompt) is added only when the request goes to one of the
 * integration's own hosts.
 */
export async function prepareHostRequest(
  source: DocSource,
  signal: AbortSignal,
  context: HostRequestContext,
): Promise<PreparedRequest> {
  if (context.proxyPath !== undefined) {
    const raw = source.integration?.rawRequest(false) ?? {
      url: source.docUrl,
      headers: {},
      format: 'text' as const,
    };
    const target = new URL(raw.url);
    const base = (
      await raceAbort(context.discoveryApi.getBaseUrl('proxy'), signal)
    ).replace(/\/+$/, '');
    return {
      ...raw,
      url: `${base}${context.proxyPath}${target.pathname}${target.search}`,
      authenticated: false,
      viaProxy: true,
    };
  }
  if (!source.integration) {
    return {
      url: source.docUrl,
      headers: {},
      format: 'text',
      authenticated: false,
      viaProxy: false,
    };
  }

  let credentialHeaders: Record<string, string> | undefined;
  try {
    // `optional` returns an empty token instead of prompting when there
    // is no session: a page load never opens a login.
    const credentials = await raceAbort(
      context.scmAuthApi.getCredentials({ url: source.docUrl, optional: true }),
      signal,
    );
    if (credentials.token) credentialHeaders = credentials.headers;
  } catch (error) {
    if (signal.aborted) throw error;
    // No provider for this host: anonymous access is all there is.
  }

  if (credentialHeaders) {
    const authenticated = source.integration.rawRequest(true);
    const targetHost = hostOf(authenticated.url);
    if (targetHost && source.integration.credentialHosts.has(targetHost)) {
      return {
        ...authenticated,
        headers: { ...authenticated.headers, ...credentialHeaders },
        authenticated: true,
        viaProxy: false,
      };
    }
  }
  return {
    ...source.integration.rawRequest(false),
    authenticated: false,
    viaProxy: false,
  };
}

/**
 * Sends a prepared request, conditional on `etag` when given. A request
 * with credentials does not follow redirects.
 */
export function sendHostRequest(
  request: PreparedRequest,
  etag: string | undefined,
  signal: AbortSignal,
  context: HostRequestContext,
): Promise<Response> {
  const headers = { ...request.headers };
  if (etag) headers['If-None-Match'] = etag;
  const init: RequestInit = {
    headers,
    signal,
    // A followed redirect would carry the credentials to wherever it points.
    redirect: request.authenticated ? 'manual' : 'follow',
  };
  return request.viaProxy
    ? context.fetchApi.fetch(request.url, init)
    : context.fetch(request.url, init);
}
