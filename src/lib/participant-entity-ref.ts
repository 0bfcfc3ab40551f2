import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

// Apart from the matcher: the configuration reader checks the
// diagramEntities map with it, and the matcher loads only with diagrams.

/**
 * The names of a participant read as an entity ref (`kind:namespace/name`
 * or `kind:name`), in canonical lower-case form; undefined when it is not
 * one. A name without a kind is matched by name instead.
 * @public
 */
export function participantEntityRef(
  name: string,
  defaultNamespace: string,
): string | undefined {
  if (!name.includes(':') || /\s/.test(name.trim())) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(name.trim(), { defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
