import type { CatalogApi } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import {
  readDiagramParticipants,
  type DiagramParticipant,
  type MermaidDiagramParser,
} from '../lib/diagram-participants';
import { participantEntityQuery } from '../lib/participant-entity-query';
import {
  matchDiagramEntities,
  type DiagramEntities,
  type MatchDiagramEntitiesOptions,
} from './diagram-entities';

/** The entity fields the hover card, the side panel and the drift check read. */
export const DIAGRAM_ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.lifecycle',
  'spec.system',
];

/** The most entities one query returns; the query is bounded by the names asked for. */
const MAX_ENTITIES = 500;

/**
 * Input of {@link loadDiagramEntities}.
 * @public
 */
export interface LoadDiagramEntitiesInput extends Omit<
  MatchDiagramEntitiesOptions,
  'entities'
> {
  /** The doc's diagrams: their Mermaid text and the line of their fence. */
  diagrams: ReadonlyArray<{ source: string; line: number }>;
  mermaid: MermaidDiagramParser;
  catalogApi: Pick<CatalogApi, 'getEntities' | 'getEntitiesByRefs'>;
}

/**
 * The result of {@link loadDiagramEntities}.
 * @public
 */
export interface LoadedDiagramEntities {
  diagrams: DiagramEntities[];
  /** Set when the catalog could not be asked; every participant is then unmatched. */
  catalogError?: Error;
}

/**
 * The most characters of filter conditions one catalog request carries: the
 * catalog client sends them in the URL, which servers bound (Node's default
 * header limit is 16 KiB).
 */
export const MAX_FILTER_CHARS = 4000;

type FilterRequest = Array<Record<string, string[]>>;

/**
 * The name and title conditions, packed in order into as few requests as
 * keep each within MAX_FILTER_CHARS. Within a request, the conditions on
 * one key form one filter (any of its values), and each key's filter is an
 * alternative to the other's.
 */
function filterRequests(
  conditions: ReadonlyArray<[key: string, value: string]>,
): FilterRequest[] {
  const requests: FilterRequest[] = [];
  let current = new Map<string, string[]>();
  let chars = 0;
  const flush = () => {
    if (current.size === 0) return;
    requests.push(Array.from(current, ([key, values]) => ({ [key]: values })));
    current = new Map();
    chars = 0;
  };
  for (const [key, value] of conditions) {
    // `key=value,` once URL-encoded, at most three characters per one.
    const size = encodeURIComponent(`${key}=${value},`).length;
    if (chars > 0 && chars + size > MAX_FILTER_CHARS) flush();
    const values = current.get(key) ?? [];
    values.push(value);
    current.set(key, values);
    chars += size;
  }
  flush();
  return requests;
}

async function askCatalog(
  input: LoadDiagramEntitiesInput,
  participants: DiagramParticipant[],
): Promise<Entity[]> {
  const query = participantEntityQuery(
    participants,
    input.diagramEntities,
    input.namespace,
  );
  const requests = filterRequests([
    ...query.names.map((name): [string, string] => ['metadata.name', name]),
    ...query.titles.map((title): [string, string] => ['metadata.title', title]),
  ]);
  const [byRef, ...byName] = await Promise.all([
    query.entityRefs.length > 0
      ? input.catalogApi.getEntitiesByRefs({
          entityRefs: query.entityRefs,
          fields: DIAGRAM_ENTITY_FIELDS,
        })
      : undefined,
    ...requests.map(filter =>
      input.catalogApi.getEntities({
        filter,
        fields: DIAGRAM_ENTITY_FIELDS,
        limit: MAX_ENTITIES,
      }),
    ),
  ]);
  const entities: Entity[] = [];
  for (const item of [
    ...byName.flatMap(answer => answer.items),
    ...(byRef?.items ?? []),
  ]) {
    if (item) entities.push(item);
  }
  return entities;
}

/**
 * Reads every diagram's participants with Mermaid's parser, one diagram at
 * a time, then asks the catalog for the entities they may be (by the names
 * found, never the whole catalog; one request unless they exceed
 * MAX_FILTER_CHARS) and matches them. A diagram Mermaid
 * rejects has no participants; a catalog that cannot be asked leaves every
 * participant unmatched and says why.
 * @public
 */
export async function loadDiagramEntities(
  input: LoadDiagramEntitiesInput,
): Promise<LoadedDiagramEntities> {
  const parsed = [];
  for (const diagram of input.diagrams) {
    parsed.push({
      ...diagram,
      participants: await readDiagramParticipants(
        input.mermaid,
        diagram.source,
      ),
    });
  }
  const all = parsed.flatMap(diagram => diagram.participants);
  let entities: Entity[] = [];
  let catalogError: Error | undefined;
  if (all.length > 0) {
    try {
      entities = await askCatalog(input, all);
    } catch (error) {
      catalogError = error instanceof Error ? error : new Error(String(error));
    }
  }
  return {
    diagrams: matchDiagramEntities(parsed, { ...input, entities }),
    ...(catalogError ? { catalogError } : {}),
  };
}
