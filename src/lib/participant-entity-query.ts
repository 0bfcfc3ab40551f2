import type { DiagramParticipant } from './diagram-participants';
import { normalizeParticipantName } from './participant-entity-match';
import { participantEntityRef } from './participant-entity-ref';

/**
 * What to ask the catalog for, to find the entities a doc's participants
 * may be: a bounded list of candidate names, titles and refs, never the
 * whole catalog.
 * @public
 */
export interface ParticipantEntityQuery {
  /** Full entity refs: participant names written as refs, and the configured map's targets. */
  entityRefs: string[];
  /** Values for `metadata.name`: each participant name as the catalog would spell it. */
  names: string[];
  /**
   * Values for `metadata.title`: each participant name as written, but for
   * names with a comma, which the catalog's filter syntax reads as the end
   * of a value.
   */
  titles: string[];
}

/** The most values of each list; a doc with more participants has only these looked up. */
export const MAX_QUERY_VALUES = 300;

/** What the catalog accepts as `metadata.name`. */
const CATALOG_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** The ways an entity name writes the words of a participant name. */
function nameSpellings(name: string): string[] {
  const words = name
    .normalize('NFKD')
    .toLocaleLowerCase('en-US')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [];
  return [
    words.join('-'),
    words.join('_'),
    words.join(''),
    words.join('.'),
  ].filter(spelling => spelling.length <= 63 && CATALOG_NAME.test(spelling));
}

class BoundedList {
  readonly values: string[] = [];
  private readonly seen = new Set<string>();

  add(value: string | undefined) {
    if (!value || this.values.length >= MAX_QUERY_VALUES) return;
    if (this.seen.has(value)) return;
    this.seen.add(value);
    this.values.push(value);
  }
}

/**
 * The catalog query for a doc's participants and the configured map
 * (participant name → entity ref). Pure; never throws.
 * @public
 */
export function participantEntityQuery(
  participants: readonly DiagramParticipant[],
  diagramEntities: Readonly<Record<string, string>> = {},
  namespace = 'default',
): ParticipantEntityQuery {
  const refs = new BoundedList();
  const names = new BoundedList();
  const titles = new BoundedList();
  const configured = new Map<string, string>();
  for (const [name, ref] of Object.entries(diagramEntities)) {
    const canonical = participantEntityRef(ref, namespace);
    if (canonical) configured.set(normalizeParticipantName(name), canonical);
  }
  for (const participant of participants) {
    for (const name of participant.names) {
      const mapped = configured.get(normalizeParticipantName(name));
      if (mapped) {
        refs.add(mapped);
        continue;
      }
      const ref = participantEntityRef(name, namespace);
      if (ref) refs.add(ref);
      for (const spelling of nameSpellings(name)) names.add(spelling);
      const title = name.replace(/\s+/g, ' ').trim();
      if (!title.includes(',')) titles.add(title);
    }
  }
  return {
    entityRefs: refs.values,
    names: names.values,
    titles: titles.values,
  };
}
