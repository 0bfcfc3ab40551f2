import {
  RELATION_CONSUMES_API,
  RELATION_DEPENDS_ON,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { ResolvedDocLink } from '../../model/loaded-doc';

/**
 * What a related reference stands for in the comparison: a system, or an
 * entity related directly (a component, API or resource).
 * @public
 */
export type DriftSubject = 'system' | 'entity';

/**
 * One system or entity that the catalog relates, the doc links, or both.
 * @public
 */
export interface RelatedRef {
  /** Full entity ref in the catalog's canonical form (`kind:namespace/name`, lower case). */
  ref: string;
  subject: DriftSubject;
  /**
   * Why the catalog relates it: the relation types (`partOf`, `dependsOn`,
   * `providesApi`, `consumesApi`), or `system of <entity ref>` for the system
   * of a related entity. Empty when only the doc links it.
   */
  catalog: string[];
  /**
   * Indexes (`ResolvedDocLink.index`) of the doc's links that point at it, or
   * at a doc of one of its parts. Empty when only the catalog relates it.
   */
  links: number[];
  /** Set when a participant of the doc's diagrams is this entity, or part of this system. */
  inDiagrams?: true;
}

/**
 * The comparison of what the catalog relates with what the doc links.
 * Each group lists systems first, then entities.
 * @public
 */
export interface SystemDrift {
  /** Related in the catalog and linked in the doc. */
  both: RelatedRef[];
  /** Linked in the doc but not related in the catalog. */
  docOnly: RelatedRef[];
  /**
   * Related in the catalog but not linked in the doc. When diagrams are
   * compared, only those a diagram mentions; the rest are `unmentioned`.
   */
  catalogOnly: RelatedRef[];
  /**
   * Participants of the doc's diagrams that are catalog entities (or their
   * systems) the catalog does not relate to this one, and the doc does not
   * link. Present when diagrams are compared.
   */
  diagramOnly?: RelatedRef[];
  /**
   * Related in the catalog, but named by no diagram and no link of the doc.
   * Present when diagrams are compared.
   */
  unmentioned?: RelatedRef[];
}

/**
 * A catalog entity that a participant of the doc's diagrams stands for.
 * @public
 */
export interface DiagramEntityRef {
  /** The entity's ref. */
  ref: string;
  /** The system the entity belongs to, when known. */
  systemRef?: string;
}

/**
 * Input of {@link computeSystemDrift}.
 * @public
 */
export interface SystemDriftInput {
  /** The entity whose doc it is, with its catalog `relations`. */
  entity: Entity;
  /** The doc's resolved links; only those resolved to a catalog entity count. */
  links: readonly ResolvedDocLink[];
  /**
   * Systems of other entities the caller knows (entity ref → system ref),
   * in addition to those the links carry (`entityRef` → `entitySystemRef`).
   */
  knownSystems?: ReadonlyMap<string, string>;
  /**
   * The entities the participants of the doc's diagrams stand for. When
   * given, the drift also lists diagram participants the catalog does not
   * relate, and catalog relations that no diagram and no link mention.
   */
  diagramEntities?: readonly DiagramEntityRef[];
}

/** The relations compared entity by entity (and, where known, by their system). */
const ENTITY_RELATIONS: readonly string[] = [
  RELATION_DEPENDS_ON,
  RELATION_PROVIDES_API,
  RELATION_CONSUMES_API,
];

/** Canonical refs in the order first seen, each with the reasons it was added for. */
class RefSet<T extends string | number> {
  private readonly items = new Map<string, T[]>();

  add(ref: string, reason: T) {
    const reasons = this.items.get(ref);
    if (!reasons) {
      this.items.set(ref, [reason]);
    } else if (!reasons.includes(reason)) {
      reasons.push(reason);
    }
  }

  get(ref: string): T[] | undefined {
    return this.items.get(ref);
  }

  entries(): Array<[string, T[]]> {
    return Array.from(this.items.entries());
  }
}

/**
 * The canonical (lower-case, full) form of an entity ref: catalog refs are
 * case-insensitive, and `spec.system` may omit the kind or namespace.
 */
function canonical(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace: string },
): { ref: string; kind: string } | undefined {
  try {
    const parsed = parseEntityRef(ref, defaults);
    const full = stringifyEntityRef(parsed);
    return { ref: full, kind: parsed.kind.toLocaleLowerCase('en-US') };
  } catch {
    return undefined;
  }
}

function ownRef(entity: Entity): string | undefined {
  try {
    return stringifyEntityRef(entity);
  } catch {
    return undefined;
  }
}

function compare(
  subject: DriftSubject,
  catalog: RefSet<string>,
  doc: RefSet<number>,
  drift: SystemDrift,
) {
  for (const [ref, reasons] of catalog.entries()) {
    const links = doc.get(ref);
    const related: RelatedRef = {
      ref,
      subject,
      catalog: [...reasons],
      links: [...(links ?? [])],
    };
    (links ? drift.both : drift.catalogOnly).push(related);
  }
  for (const [ref, links] of doc.entries()) {
    if (!catalog.get(ref))
      drift.docOnly.push({ ref, subject, catalog: [], links: [...links] });
  }
}

/**
 * Compares the systems and entities the catalog relates to `entity` with
 * those the doc's links point at. Pure; never throws.
 *
 * Systems compared:
 * - catalog side: the targets of the entity's `partOf` relations that are
 *   systems, and its `spec.system` (the source of that relation, for
 *   entities read before the catalog filled in relations); targets of
 *   `dependsOn` / `providesApi` / `consumesApi` that are systems; and the
 *   system of each entity related that way, where known (from
 *   `knownSystems`, or from a link to that entity's doc);
 * - doc side: the system of every linked doc's entity (`entitySystemRef`),
 *   and linked docs whose entity is itself a system.
 *
 * Entities compared:
 * - catalog side: targets of `dependsOn`, `providesApi` and `consumesApi`
 *   that are not systems;
 * - doc side: the entities whose architecture docs the doc links
 *   (`entityRef`), when they are not systems.
 *
 * The entity itself is left out on both sides (a doc linking its own
 * sections is not a relation). Refs are compared case-insensitively, in
 * full `kind:namespace/name` form, and returned in that canonical form.
 * Within each group, refs the catalog relates keep the order of the
 * entity's relations; refs only the doc links keep the order of the links.
 * @public
 */
export function computeSystemDrift(input: SystemDriftInput): SystemDrift {
  const { entity, links } = input;
  const namespace = entity.metadata.namespace ?? 'default';
  const self = ownRef(entity);

  const knownSystems = new Map<string, string>();
  const learnSystem = (entityRef: string, systemRef: string) => {
    const target = canonical(entityRef, { defaultNamespace: namespace });
    const system = canonical(systemRef, {
      defaultKind: 'system',
      defaultNamespace: namespace,
    });
    if (target && system && !knownSystems.has(target.ref)) {
      knownSystems.set(target.ref, system.ref);
    }
  };
  input.knownSystems?.forEach((systemRef, entityRef) =>
    learnSystem(entityRef, systemRef),
  );
  for (const link of links) {
    if (link.entityRef && link.entitySystemRef)
      learnSystem(link.entityRef, link.entitySystemRef);
  }
  for (const diagramEntity of input.diagramEntities ?? []) {
    if (diagramEntity.systemRef)
      learnSystem(diagramEntity.ref, diagramEntity.systemRef);
  }

  const catalogSystems = new RefSet<string>();
  const catalogEntities = new RefSet<string>();
  const relations = Array.isArray(entity.relations) ? entity.relations : [];
  for (const relation of relations) {
    if (
      relation?.type !== RELATION_PART_OF ||
      typeof relation.targetRef !== 'string'
    )
      continue;
    const target = canonical(relation.targetRef, {
      defaultNamespace: namespace,
    });
    if (target?.kind === 'system')
      catalogSystems.add(target.ref, RELATION_PART_OF);
  }
  const specSystem = (entity.spec as { system?: unknown } | undefined)?.system;
  if (typeof specSystem === 'string' && specSystem.trim()) {
    const target = canonical(specSystem.trim(), {
      defaultKind: 'system',
      defaultNamespace: namespace,
    });
    if (target?.kind === 'system')
      catalogSystems.add(target.ref, RELATION_PART_OF);
  }
  for (const relation of relations) {
    if (
      !relation ||
      !ENTITY_RELATIONS.includes(relation.type) ||
      typeof relation.targetRef !== 'string'
    ) {
      continue;
    }
    const target = canonical(relation.targetRef, {
      defaultNamespace: namespace,
    });
    if (!target || target.ref === self) continue;
    if (target.kind === 'system') {
      catalogSystems.add(target.ref, relation.type);
    } else {
      catalogEntities.add(target.ref, relation.type);
    }
  }
  for (const [ref] of catalogEntities.entries()) {
    const system = knownSystems.get(ref);
    if (system) catalogSystems.add(system, `system of ${ref}`);
  }

  const docSystems = new RefSet<number>();
  const docEntities = new RefSet<number>();
  for (const link of links) {
    if (link.entityRef) {
      const target = canonical(link.entityRef, { defaultNamespace: namespace });
      if (target && target.ref !== self) {
        (target.kind === 'system' ? docSystems : docEntities).add(
          target.ref,
          link.index,
        );
      }
    }
    if (link.entitySystemRef) {
      const system = canonical(link.entitySystemRef, {
        defaultKind: 'system',
        defaultNamespace: namespace,
      });
      if (system) docSystems.add(system.ref, link.index);
    }
  }

  const drift: SystemDrift = { both: [], docOnly: [], catalogOnly: [] };
  // Systems first, so each group reads from the widest scope down.
  compare('system', catalogSystems, docSystems, drift);
  compare('entity', catalogEntities, docEntities, drift);
  if (input.diagramEntities) {
    compareDiagrams(
      diagramMentions(input.diagramEntities, namespace, self),
      [catalogSystems, catalogEntities],
      drift,
    );
  }
  return drift;
}

/** The systems and entities the diagrams name, the entity itself left out. */
function diagramMentions(
  entities: readonly DiagramEntityRef[],
  namespace: string,
  self: string | undefined,
): Array<{ ref: string; subject: DriftSubject }> {
  const systems = new RefSet<number>();
  const others = new RefSet<number>();
  for (const entity of entities) {
    const target = canonical(entity.ref, { defaultNamespace: namespace });
    if (target && target.ref !== self)
      (target.kind === 'system' ? systems : others).add(target.ref, 0);
    const system = entity.systemRef
      ? canonical(entity.systemRef, {
          defaultKind: 'system',
          defaultNamespace: namespace,
        })
      : undefined;
    if (system && system.ref !== self) systems.add(system.ref, 0);
  }
  return [
    ...systems.entries().map(([ref]) => ({ ref, subject: 'system' as const })),
    ...others.entries().map(([ref]) => ({ ref, subject: 'entity' as const })),
  ];
}

/**
 * Marks what the diagrams mention, moves catalog relations that neither a
 * diagram nor a link mentions to `unmentioned`, and lists diagram
 * participants the catalog does not relate and no link names.
 */
function compareDiagrams(
  mentions: Array<{ ref: string; subject: DriftSubject }>,
  catalog: Array<RefSet<string>>,
  drift: SystemDrift,
) {
  const mentioned = new Set(mentions.map(mention => mention.ref));
  const mark = (ref: RelatedRef) =>
    mentioned.has(ref.ref) ? { ...ref, inDiagrams: true as const } : ref;
  drift.both = drift.both.map(mark);
  drift.docOnly = drift.docOnly.map(mark);
  const catalogOnly = drift.catalogOnly.map(mark);
  drift.catalogOnly = catalogOnly.filter(ref => ref.inDiagrams);
  drift.unmentioned = catalogOnly.filter(ref => !ref.inDiagrams);
  const linked = new Set(drift.docOnly.map(ref => ref.ref));
  drift.diagramOnly = mentions
    .filter(
      mention =>
        !linked.has(mention.ref) && !catalog.some(set => set.get(mention.ref)),
    )
    .map(mention => ({
      ...mention,
      catalog: [],
      links: [],
      inDiagrams: true as const,
    }));
}
