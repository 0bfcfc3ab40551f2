import type { Entity } from '@backstage/catalog-model';

/**
 * The entity annotation that points at an entity's architecture doc: a path
 * relative to the entity's `catalog-info.yaml`, or an absolute URL.
 * Apps can choose another name with `architectureDocs.annotation`.
 * @public
 */
export const ARCHITECTURE_DOC_ANNOTATION = 'architecture-docs/ref';

/**
 * The annotation value of an entity, trimmed, or undefined when absent or blank.
 * @public
 */
export function getArchitectureDocRef(
  entity: Entity,
  annotation: string = ARCHITECTURE_DOC_ANNOTATION,
): string | undefined {
  const value = entity.metadata.annotations?.[annotation];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * Whether an entity points at an architecture doc; use it to show the tab
 * and the card only where they have something to show.
 * @public
 */
export function isArchitectureDocAvailable(
  entity: Entity,
  annotation: string = ARCHITECTURE_DOC_ANNOTATION,
): boolean {
  return getArchitectureDocRef(entity, annotation) !== undefined;
}
