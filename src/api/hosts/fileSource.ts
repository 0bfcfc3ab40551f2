import { tryDecodeURIComponent } from 'backstage-plugin-architecture-docs-common/client';
import { ArchitectureDocError } from '../ArchitectureDocsApi';

/**
 * How a host's answer carries the file: as the file's own bytes, or as
 * Gitea's contents JSON with the bytes base64-encoded inside.
 */
export type BodyFormat = 'text' | 'gitea-contents';

/** A request for a file's bytes, before credentials are added. */
export interface RawRequest {
  url: string;
  headers: Record<string, string>;
  format: BodyFormat;
}

/** How a file on an SCM integration's host is read. */
export interface HostFileSource {
  /** Hosts this integration's credentials may be sent to. */
  credentialHosts: ReadonlySet<string>;
  /** The raw-file request, which may differ with credentials (GitHub). */
  rawRequest(authenticated: boolean): RawRequest;
}

/** The set of hosts credentials may go to, leaving out the ones not configured. */
export function credentialHostSet(
  hosts: Array<string | undefined>,
): ReadonlySet<string> {
  return new Set(hosts.filter((h): h is string => !!h));
}

/** A source whose request is the same with and without credentials. */
export function fixedFileSource(
  request: RawRequest,
  hosts: Array<string | undefined>,
): HostFileSource {
  return {
    credentialHosts: credentialHostSet(hosts),
    rawRequest: () => request,
  };
}

/** Decodes a URL path segment; malformed encoding is an invalid location, reported as such. */
export function decodePathSegment(value: string): string {
  const decoded = tryDecodeURIComponent(value);
  if (decoded === undefined) {
    throw new ArchitectureDocError(
      'invalid-location',
      `"${value}" is not a valid URL path segment.`,
    );
  }
  return decoded;
}

/** The error for a URL on a host's integration that does not name a file there. */
export function invalidFileUrl(
  url: string,
  kind: string,
  example: string,
): ArchitectureDocError {
  return new ArchitectureDocError(
    'invalid-location',
    `${url} is not a ${kind} file URL; expected one like ${example}.`,
    { url },
  );
}
