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

async function askCatalog(
  input: LoadDiagramEntitiesInput,
  participants: DiagramParticipant[],
): Promise<Entity[]> {
  const query = participantEntityQuery(
    participants,
    input.diagramEntities,
    input.namespace,
  );
  const filter: Array<Record<string, string[]>> = [];
  if (query.names.length > 0) filter.push({ 'metadata.name': query.names });
  if (query.titles.length > 0) filter.push({ 'metadata.title': query.titles });
  const [byName, byRef] = await Promise.all([
    filter.length > 0
      ? input.catalogApi.getEntities({
          filter,
          fields: DIAGRAM_ENTITY_FIELDS,
          limit: MAX_ENTITIES,
        })
      : undefined,
    query.entityRefs.length > 0
      ? input.catalogApi.getEntitiesByRefs({
          entityRefs: query.entityRefs,
          fields: DIAGRAM_ENTITY_FIELDS,
        })
      : undefined,
  ]);
  const entities: Entity[] = [];
  for (const item of [...(byName?.items ?? []), ...(byRef?.items ?? [])]) {
    if (item) entities.push(item);
  }
  return entities;
}

/**
 * Reads every diagram's participants with Mermaid's parser, one diagram at
 * a time, then asks the catalog once for the entities they may be (by the
 * names found, never the whole catalog) and matches them. A diagram Mermaid
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
