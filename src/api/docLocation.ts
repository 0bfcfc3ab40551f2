import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  parseLocationRef,
} from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import { getArchitectureDocRef } from 'backstage-plugin-architecture-docs-common';
import {
  ArchitectureDocError,
  ArchitectureDocLocation,
} from './ArchitectureDocsApi';
import { canonicalDocUrl, editPageUrl, newFilePageUrl } from './hostPages';
import { hasScheme, isHttpUrl, tryParseUrl, tryResolveUrl } from './httpUrls';
import type { ScmIntegrationLookup } from './scmIntegrationLookup';

/** What {@link locateEntityDoc} reads besides the entity. */
export interface DocLocationContext {
  /** The annotation that points at the doc. */
  annotation: string;
  /** The markdown the create URL prefills. */
  templateMarkdown: string;
  integrations: ScmIntegrationLookup;
}

function absoluteRef(ref: string, annotation: string): string {
  if (!isHttpUrl(tryParseUrl(ref))) {
    throw new ArchitectureDocError(
      'invalid-location',
      `The "${annotation}" annotation is "${ref}", which is neither an http(s) URL nor a path relative to catalog-info.yaml.`,
    );
  }
  return ref;
}

function relativeRef(
  ref: string,
  entity: Entity,
  context: DocLocationContext,
): string {
  const { annotation, integrations } = context;
  const annotations = entity.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_ORIGIN_LOCATION];
  const useAbsolute = `Set "${annotation}" to the doc's absolute URL, for example https://github.com/org/repo/blob/main/docs/architecture/${entity.metadata.name}.md.`;
  if (!location) {
    throw new ArchitectureDocError(
      'invalid-location',
      `"${ref}" is relative, but the entity has no ${ANNOTATION_LOCATION} annotation to resolve it against. ${useAbsolute}`,
    );
  }
  let parsed: { type: string; target: string };
  try {
    parsed = parseLocationRef(location);
  } catch {
    throw new ArchitectureDocError(
      'invalid-location',
      `The entity's location "${location}" is not a valid location reference. ${useAbsolute}`,
    );
  }
  if (parsed.type !== 'url') {
    throw new ArchitectureDocError(
      'invalid-location',
      `"${ref}" is relative, but the entity was read from a ${parsed.type} location (${location}), which the browser cannot reach. ${useAbsolute}`,
    );
  }
  let resolved: string;
  try {
    resolved = integrations.resolveUrl(ref, parsed.target);
  } catch (error) {
    throw new ArchitectureDocError(
      'invalid-location',
      `"${ref}" cannot be resolved against ${parsed.target}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isHttpUrl(tryParseUrl(resolved))) {
    throw new ArchitectureDocError(
      'invalid-location',
      `"${ref}" resolves to ${resolved}, which is not an http(s) URL. ${useAbsolute}`,
    );
  }
  return canonicalDocUrl(resolved, integrations);
}

/**
 * Where the entity's doc lives, from its annotation. A relative value
 * resolves against the entity's `backstage.io/managed-by-location` (or,
 * when absent, `backstage.io/managed-by-origin-location`), which must be a
 * `url:` location. Throws an {@link ArchitectureDocError} of kind
 * `no-annotation` or `invalid-location`.
 */
export function locateEntityDoc(
  entity: Entity,
  context: DocLocationContext,
): ArchitectureDocLocation {
  const { annotation, integrations } = context;
  const ref = getArchitectureDocRef(entity, annotation);
  if (!ref) {
    throw new ArchitectureDocError(
      'no-annotation',
      `The entity has no "${annotation}" annotation. Add it with the doc's path relative to catalog-info.yaml (for example ./docs/architecture/${entity.metadata.name}.md) or its URL.`,
    );
  }
  const url = hasScheme(ref)
    ? absoluteRef(ref, annotation)
    : relativeRef(ref, entity, context);
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
  const trimmed = target.trim();
  if (hasScheme(trimmed)) return trimmed;
  if (trimmed.startsWith('#')) {
    const base = tryParseUrl(baseUrl);
    if (base) {
      base.hash = trimmed;
      return base.toString();
    }
  }
  try {
    return integrations.resolveUrl(trimmed, baseUrl);
  } catch {
    // The SCM resolvers reject some paths (e.g. leaving the repository);
    // plain URL resolution still gives a link the host can answer.
  }
  const resolved = tryResolveUrl(trimmed, baseUrl);
  if (!resolved) {
    throw new ArchitectureDocError(
      'invalid-location',
      `The link "${target}" cannot be resolved against ${baseUrl}.`,
      { url: baseUrl },
    );
  }
  return resolved;
}
