import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { DiagramParticipant } from '../lib/diagram-participants';
import { createParticipantMatcher } from '../lib/participant-entity-match';

/**
 * What the portal shows of a participant's catalog entity: in the hover
 * card, the side panel and the drift check.
 * @public
 */
export interface DiagramEntity {
  /** Full entity ref, lower case (`kind:namespace/name`). */
  ref: string;
  kind: string;
  name: string;
  namespace: string;
  title?: string;
  /** `spec.owner` as written, when set. */
  owner?: string;
  /** `spec.lifecycle`, when set. */
  lifecycle?: string;
  /** `spec.system` as a full ref, when set. */
  systemRef?: string;
  /** Whether the entity has an architecture doc (its annotation is set). */
  hasDoc: boolean;
  /**
   * Where a link to it goes: its architecture tab when it has a doc,
   * otherwise its entity page. Built from the catalog's answer only.
   */
  path?: string;
}

/**
 * A participant of one diagram with its catalog entity, when it has one.
 * @public
 */
export interface DiagramParticipantEntity {
  participant: DiagramParticipant;
  entity?: DiagramEntity;
}

/**
 * The participants of one diagram of the doc, with their entities.
 * @public
 */
export interface DiagramEntities {
  /** The diagram's Mermaid text, as the doc writes it. */
  source: string;
  /** The doc line where the diagram's fence starts. */
  line: number;
  participants: DiagramParticipantEntity[];
}

/**
 * Options of {@link matchDiagramEntities}.
 * @public
 */
export interface MatchDiagramEntitiesOptions {
  /** The catalog's answer to the participant query. */
  entities: readonly Entity[];
  /** `architectureDocs.diagramEntities`. */
  diagramEntities?: Readonly<Record<string, string>>;
  /** The namespace of the doc's entity. */
  namespace?: string;
  /** The annotation that marks an entity's architecture doc. */
  annotation: string;
  /** The portal path of an entity, or of its architecture tab when `tab` is true. */
  pathOf(entity: Entity, tab: boolean): string | undefined;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function systemRefOf(entity: Entity, namespace: string): string | undefined {
  const system = stringField(entity.spec?.system);
  if (!system) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(system, {
        defaultKind: 'system',
        defaultNamespace: namespace,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * The portal's view of a catalog entity, or undefined when the entity has
 * no usable ref. Never throws.
 * @public
 */
export function toDiagramEntity(
  entity: Entity,
  options: Pick<MatchDiagramEntitiesOptions, 'annotation' | 'pathOf'>,
): DiagramEntity | undefined {
  let ref: string;
  try {
    ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
  const namespace = entity.metadata.namespace ?? 'default';
  const hasDoc = Boolean(
    stringField(entity.metadata.annotations?.[options.annotation]),
  );
  let path: string | undefined;
  try {
    path = options.pathOf(entity, hasDoc);
  } catch {
    path = undefined;
  }
  return {
    ref,
    kind: entity.kind,
    name: entity.metadata.name,
    namespace,
    title: stringField(entity.metadata.title),
    owner: stringField(entity.spec?.owner),
    lifecycle: stringField(entity.spec?.lifecycle),
    systemRef: systemRefOf(entity, namespace),
    hasDoc,
    path,
  };
}

/**
 * Each diagram's participants with the entity each one matches among the
 * catalog's answer (see `createParticipantMatcher`). Pure; never throws.
 * @public
 */
export function matchDiagramEntities(
  diagrams: ReadonlyArray<{
    source: string;
    line: number;
    participants: readonly DiagramParticipant[];
  }>,
  options: MatchDiagramEntitiesOptions,
): DiagramEntities[] {
  const match = createParticipantMatcher(options);
  const views = new Map<Entity, DiagramEntity | undefined>();
  const viewOf = (entity: Entity) => {
    if (!views.has(entity)) views.set(entity, toDiagramEntity(entity, options));
    return views.get(entity);
  };
  return diagrams.map(diagram => ({
    source: diagram.source,
    line: diagram.line,
    participants: diagram.participants.map(participant => {
      const entity = match(participant);
      return { participant, entity: entity ? viewOf(entity) : undefined };
    }),
  }));
}
