import { createContext, useContext } from 'react';
import type { DiagramParticipantEntity } from '../../model/diagram-entities';

const NONE: ReadonlyMap<string, readonly DiagramParticipantEntity[]> =
  new Map();

/**
 * The participants of the doc's diagrams with their catalog entities, by
 * the diagram's Mermaid text. Without a provider (a contract in the
 * drawer, a doc outside the entity page) no diagram node becomes a link.
 * @internal
 */
export const DiagramEntitiesContext =
  createContext<ReadonlyMap<string, readonly DiagramParticipantEntity[]>>(NONE);

/** The participants of the diagram with this Mermaid text, with their entities. */
export function useDiagramParticipantEntities(
  source: string,
): readonly DiagramParticipantEntity[] | undefined {
  return useContext(DiagramEntitiesContext).get(source);
}
