import type { Entity } from '@backstage/catalog-model';
import {
  resolveEntityDocUrl,
  resolveLinkUrl,
} from 'backstage-plugin-architecture-docs-common/client';
import {
  ArchitectureDocError,
  ArchitectureDocLocation,
} from './ArchitectureDocsApi';
import { canonicalDocUrl, editPageUrl, newFilePageUrl } from './hostPages';
import type { ScmIntegrationLookup } from './scmIntegrationLookup';

/** What {@link locateEntityDoc} reads besides the entity. */
export interface DocLocationContext {
  /** The annotation that points at the doc. */
  annotation: string;
  /** The markdown the create URL prefills. */
  templateMarkdown: string;
  integrations: ScmIntegrationLookup;
}

/**
 * Where the entity's doc lives, from its annotation (see
 * `resolveEntityDocUrl` in the common package, which the backend shares),
 * with the host's pages to edit or create it. A relative ref on GitHub is
 * shown as the file's page. Throws an {@link ArchitectureDocError} of kind
 * `no-annotation` or `invalid-location`.
 */
export function locateEntityDoc(
  entity: Entity,
  context: DocLocationContext,
): ArchitectureDocLocation {
  const { annotation, integrations } = context;
  const located = resolveEntityDocUrl(entity, {
    annotation,
    reader: 'the browser',
    resolveUrl: (url, base) => integrations.resolveUrl(url, base),
  });
  if (!located.ok)
    throw new ArchitectureDocError(located.kind, located.message);
  const { ref } = located;
  // An absolute ref is used as written; a resolved one as the host shows it.
  const url =
    located.url === ref ? ref : canonicalDocUrl(located.url, integrations);
  return {
    ref,
    url,
    editUrl: editPageUrl(url, integrations),
    createUrl: newFilePageUrl(url, context.templateMarkdown, integrations),
  };
}

/**
 * Resolves a link as written in a doc against the doc's URL, through the
 * SCM integrations so that `/path` means the repository root. URLs with a
 * scheme are returned unchanged (rendering decides which are safe). Throws
 * an {@link ArchitectureDocError} of kind `invalid-location` when the
 * result is not a URL.
 */
export function resolveDocLinkUrl(
  target: string,
  baseUrl: string,
  integrations: ScmIntegrationLookup,
): string {
  const resolved = resolveLinkUrl(target, baseUrl, (url, base) =>
    integrations.resolveUrl(url, base),
  );
  if (resolved === undefined) {
    throw new ArchitectureDocError(
      'invalid-location',
      `The link "${target}" cannot be resolved against ${baseUrl}.`,
      { url: baseUrl },
    );
  }
  return resolved;
}
