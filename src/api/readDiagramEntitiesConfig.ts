import { participantEntityRef } from '../lib/participant-entity-ref';
import { describeValue, isRecord, type Problems } from './configValueReaders';

const PATH = 'architectureDocs.diagramEntities';

/**
 * Reads `architectureDocs.diagramEntities`, the map from a participant name
 * in the docs' diagrams to the entity ref it stands for. Never throws: an
 * entry whose value is not an entity ref with a kind (`component:name`,
 * `system:namespace/name`) is reported and left out. Undefined when the key
 * is absent or has no usable entry.
 * @internal
 */
export function readDiagramEntitiesConfig(
  value: unknown,
  problems: Problems,
): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problems.push(
      `${PATH} must map participant names to entity refs, got ${describeValue(value)}; ignoring it.`,
    );
    return undefined;
  }
  const entries: Array<[string, string]> = [];
  for (const [name, ref] of Object.entries(value)) {
    if (
      typeof ref === 'string' &&
      name.trim() &&
      participantEntityRef(ref, 'default')
    ) {
      entries.push([name.trim(), ref.trim()]);
    } else {
      problems.push(
        `${PATH}.${name} must be an entity ref with a kind such as "component:inventory-service", got ${describeValue(ref)}; ignoring it.`,
      );
    }
  }
  // Object.fromEntries defines own properties, so a "__proto__" key stays a key.
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
