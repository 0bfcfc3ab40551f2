import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { DiagramParticipant } from './diagram-participants';
import { participantEntityRef } from './participant-entity-ref';

/**
 * A participant name as matching compares it: lower case, without spaces,
 * punctuation or accents, so "Inventory service", `inventory-service` and
 * `InventoryService` are one name.
 * @public
 */
export function normalizeParticipantName(name: string): string {
  return name
    .normalize('NFKD')
    .toLocaleLowerCase('en-US')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** When several entities share a name, the kind listed first wins. */
const KIND_PREFERENCE = [
  'component',
  'system',
  'api',
  'resource',
  'domain',
  'group',
  'user',
];

function kindRank(entity: Entity): number {
  const rank = KIND_PREFERENCE.indexOf(entity.kind.toLocaleLowerCase('en-US'));
  return rank < 0 ? KIND_PREFERENCE.length : rank;
}

function refOf(entity: Entity): string | undefined {
  try {
    return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

function addTo(index: Map<string, Entity[]>, key: string, entity: Entity) {
  if (!key) return;
  const list = index.get(key);
  if (list) list.push(entity);
  else index.set(key, [entity]);
}

/** The one entity of several: the doc's own namespace, then the preferred kind, then the ref. */
function pick(
  candidates: Entity[] | undefined,
  namespace: string,
): Entity | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  return [...candidates].sort((a, b) => {
    const sameA = (a.metadata.namespace ?? 'default') === namespace ? 0 : 1;
    const sameB = (b.metadata.namespace ?? 'default') === namespace ? 0 : 1;
    if (sameA !== sameB) return sameA - sameB;
    const rank = kindRank(a) - kindRank(b);
    if (rank !== 0) return rank;
    return (refOf(a) ?? '').localeCompare(refOf(b) ?? '');
  })[0];
}

/**
 * Options of {@link createParticipantMatcher}.
 * @public
 */
export interface ParticipantMatcherOptions {
  /** The catalog's answer: the only entities a participant can match. */
  entities: readonly Entity[];
  /**
   * `architectureDocs.diagramEntities`: participant name → entity ref, for
   * names that differ from the entity's. Keys compare like participant names.
   */
  diagramEntities?: Readonly<Record<string, string>>;
  /** The namespace of the doc's entity; refs without one are read in it. */
  namespace?: string;
}

/**
 * Builds the function that finds a participant's catalog entity. For each
 * of the participant's names in turn (label, then id): the configured map,
 * then the name as an entity ref, then an entity's name, then its title,
 * all case-, space- and punctuation-insensitive. Only entities of the
 * catalog's answer are returned, so nothing in the diagram can name a link
 * target of its own. Never throws.
 * @public
 */
export function createParticipantMatcher(
  options: ParticipantMatcherOptions,
): (participant: DiagramParticipant) => Entity | undefined {
  const namespace = options.namespace ?? 'default';
  const byRef = new Map<string, Entity[]>();
  const byName = new Map<string, Entity[]>();
  const byTitle = new Map<string, Entity[]>();
  for (const entity of options.entities) {
    if (!entity?.metadata || typeof entity.metadata.name !== 'string') continue;
    const ref = refOf(entity);
    if (ref) addTo(byRef, ref, entity);
    addTo(byName, normalizeParticipantName(entity.metadata.name), entity);
    if (typeof entity.metadata.title === 'string')
      addTo(byTitle, normalizeParticipantName(entity.metadata.title), entity);
  }
  const configured = new Map<string, string>();
  for (const [name, ref] of Object.entries(options.diagramEntities ?? {})) {
    const canonical = participantEntityRef(ref, namespace);
    const key = normalizeParticipantName(name);
    if (canonical && key && !configured.has(key))
      configured.set(key, canonical);
  }

  return participant => {
    for (const name of participant.names) {
      const key = normalizeParticipantName(name);
      const mapped = configured.get(key);
      if (mapped) return pick(byRef.get(mapped), namespace);
      const ref = participantEntityRef(name, namespace);
      const found =
        (ref ? pick(byRef.get(ref), namespace) : undefined) ??
        pick(byName.get(key), namespace) ??
        pick(byTitle.get(key), namespace);
      if (found) return found;
    }
    return undefined;
  };
}
