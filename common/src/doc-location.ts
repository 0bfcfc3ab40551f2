import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  parseLocationRef,
} from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import { getArchitectureDocRef } from './annotation';
import { hasScheme, isHttpUrl, tryParseUrl, tryResolveUrl } from './http-urls';

/**
 * Resolves `url` against `base` the way the app's SCM integrations do, so
 * that `/path` means the repository root on an SCM host. May throw.
 * @public
 */
export type ScmResolveUrl = (url: string, base: string) => string;

/**
 * Where an entity's doc lives, or why that cannot be told.
 * @public
 */
export type EntityDocUrl =
  | { ok: true; ref: string; url: string }
  | {
      ok: false;
      kind: 'no-annotation' | 'invalid-location';
      message: string;
    };

/**
 * What {@link resolveEntityDocUrl} needs besides the entity.
 * @public
 */
export interface ResolveEntityDocUrlOptions {
  /** The annotation that points at the doc. */
  annotation: string;
  /** How a relative annotation is resolved against the entity's location. */
  resolveUrl: ScmResolveUrl;
  /** Who reads the doc, for messages ("the browser", "the backend"). */
  reader: string;
}

function relativeDocUrl(
  ref: string,
  entity: Entity,
  options: ResolveEntityDocUrlOptions,
): EntityDocUrl {
  const { annotation, reader } = options;
  const annotations = entity.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_ORIGIN_LOCATION];
  const useAbsolute = `Set "${annotation}" to the doc's absolute URL, for example https://github.com/org/repo/blob/main/docs/architecture/${entity.metadata.name}.md.`;
  const invalid = (message: string): EntityDocUrl => ({
    ok: false,
    kind: 'invalid-location',
    message,
  });
  if (!location) {
    return invalid(
      `"${ref}" is relative, but the entity has no ${ANNOTATION_LOCATION} annotation to resolve it against. ${useAbsolute}`,
    );
  }
  let parsed: { type: string; target: string };
  try {
    parsed = parseLocationRef(location);
  } catch {
    return invalid(
      `The entity's location "${location}" is not a valid location reference. ${useAbsolute}`,
    );
  }
  if (parsed.type !== 'url') {
    return invalid(
      `"${ref}" is relative, but the entity was read from a ${parsed.type} location (${location}), which ${reader} cannot reach. ${useAbsolute}`,
    );
  }
  let resolved: string;
  try {
    resolved = options.resolveUrl(ref, parsed.target);
  } catch (error) {
    return invalid(
      `"${ref}" cannot be resolved against ${parsed.target}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!isHttpUrl(tryParseUrl(resolved))) {
    return invalid(
      `"${ref}" resolves to ${resolved}, which is not an http(s) URL. ${useAbsolute}`,
    );
  }
  return { ok: true, ref, url: resolved };
}

/**
 * Where the entity's doc lives, from its annotation: an absolute http(s)
 * URL as written, or a path resolved against the entity's
 * `backstage.io/managed-by-location` (else
 * `backstage.io/managed-by-origin-location`), which must be a `url:`
 * location. Never throws: a missing or unusable annotation gives the reason.
 * @public
 */
export function resolveEntityDocUrl(
  entity: Entity,
  options: ResolveEntityDocUrlOptions,
): EntityDocUrl {
  const { annotation } = options;
  const ref = getArchitectureDocRef(entity, annotation);
  if (!ref) {
    return {
      ok: false,
      kind: 'no-annotation',
      message: `The entity has no "${annotation}" annotation. Add it with the doc's path relative to catalog-info.yaml (for example ./docs/architecture/${entity.metadata.name}.md) or its URL.`,
    };
  }
  if (!hasScheme(ref)) return relativeDocUrl(ref, entity, options);
  if (!isHttpUrl(tryParseUrl(ref))) {
    return {
      ok: false,
      kind: 'invalid-location',
      message: `The "${annotation}" annotation is "${ref}", which is neither an http(s) URL nor a path relative to catalog-info.yaml.`,
    };
  }
  return { ok: true, ref, url: ref };
}

/**
 * Whether a root-relative link was resolved below the doc's own URL. An SCM
 * resolver does so for a host it cannot tell the repository root of (a
 * plain web server): it takes the whole path for the root. A file has
 * nothing below it, so such a link means the host's root, as a browser
 * reads it.
 */
function belowTheDocItself(
  target: string,
  resolved: string,
  baseUrl: string,
): boolean {
  if (!target.startsWith('/') || target.startsWith('//')) return false;
  const base = tryParseUrl(baseUrl);
  if (!base || base.pathname.endsWith('/')) return false;
  const docPath = `${base.origin}${base.pathname}/`;
  return resolved.startsWith(docPath);
}

/**
 * Resolves a link as written in a doc against the doc's URL, through the SCM
 * integrations so that `/path` means the repository root. URLs with a scheme
 * are returned unchanged (whoever follows them decides which are safe);
 * undefined when the result is not a URL. Never throws.
 * @public
 */
export function resolveLinkUrl(
  target: string,
  baseUrl: string,
  resolveUrl: ScmResolveUrl,
): string | undefined {
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
    const resolved = resolveUrl(trimmed, baseUrl);
    return belowTheDocItself(trimmed, resolved, baseUrl)
      ? tryResolveUrl(trimmed, baseUrl)
      : resolved;
  } catch {
    // The SCM resolvers reject some paths (e.g. leaving the repository);
    // plain URL resolution still gives a link the host can answer.
  }
  return tryResolveUrl(trimmed, baseUrl);
}
