import { MAX_DIAGRAM_TEXT } from './mermaid-config';

/**
 * One participant of a Mermaid diagram, as Mermaid's parser read it.
 * @public
 */
export interface DiagramParticipant {
  /**
   * The id Mermaid draws the participant under: the `data-id` of its group
   * in the drawn SVG.
   */
  nodeId: string;
  /**
   * The id of the participant's drawn group, where Mermaid gives it one
   * (flowchart, class, ER and C4 nodes); the drawing's own id may be put in
   * front of it, joined with `-`.
   */
  elementId?: string;
  /** What the diagram shows for it: the label, or the id when it has none. */
  label: string;
  /**
   * The names it can be matched by, label first: the label, the id as
   * written, and an alias where the diagram gives one. Each at most once.
   */
  names: string[];
}

/**
 * The part of Mermaid's API the participant reader uses: the parser that
 * turns a diagram's text into its type and database, without drawing it.
 * @public
 */
export interface MermaidDiagramParser {
  mermaidAPI: {
    getDiagramFromText(text: string): Promise<{ type: string; db: unknown }>;
  };
}

/** Beyond this many, further participants of one diagram are left out. */
export const MAX_PARTICIPANTS_PER_DIAGRAM = 100;

/** A name longer than this is not a system's name; it is cut to this length. */
const MAX_NAME_LENGTH = 200;

type Db = Record<string, unknown>;

function isRecord(value: unknown): value is Db {
  return typeof value === 'object' && value !== null;
}

/** Calls a getter of the database; a missing or throwing one gives undefined. */
function call(db: Db, method: string): unknown {
  const fn = db[method];
  if (typeof fn !== 'function') return undefined;
  try {
    return fn.call(db);
  } catch {
    return undefined;
  }
}

/** The values of a Map, the items of an array, or nothing. */
function valuesOf(collection: unknown): unknown[] {
  if (collection instanceof Map) return Array.from(collection.values());
  if (Array.isArray(collection)) return collection;
  return [];
}

/**
 * Label text as a reader sees it: Mermaid keeps `<br>` and other inline
 * markup in labels, and markdown labels keep their backticks and stars.
 * Ids and aliases are taken as written.
 */
function plainText(value: unknown): string {
  if (typeof value !== 'string') return '';
  let text = '';
  let inTag = false;
  for (const character of value) {
    if (character === '<') inTag = true;
    else if (character === '>' && inTag) {
      inTag = false;
      text += ' ';
    } else if (!inTag) text += character;
  }
  return text
    .replace(/[`*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_NAME_LENGTH);
}

function participant(
  ids: { nodeId: unknown; elementId?: unknown },
  label: unknown,
  ...others: unknown[]
): DiagramParticipant | undefined {
  const { nodeId, elementId } = ids;
  if (typeof nodeId !== 'string' || !nodeId) return undefined;
  const names: string[] = [];
  const written = others.map(name =>
    typeof name === 'string' ? name.trim().slice(0, MAX_NAME_LENGTH) : '',
  );
  for (const name of [plainText(label), ...written]) {
    if (name && !names.includes(name)) names.push(name);
  }
  if (names.length === 0) return undefined;
  return {
    nodeId,
    ...(typeof elementId === 'string' && elementId ? { elementId } : {}),
    label: names[0],
    names,
  };
}

function textOf(value: unknown): unknown {
  return isRecord(value) ? value.text : value;
}

type Found = Array<DiagramParticipant | undefined>;

function flowchartParticipants(db: Db): Found {
  return valuesOf(call(db, 'getVertices')).map(vertex =>
    isRecord(vertex)
      ? participant(
          { nodeId: vertex.id, elementId: vertex.domId },
          vertex.text,
          vertex.id,
        )
      : undefined,
  );
}

function sequenceParticipants(db: Db): Found {
  return valuesOf(call(db, 'getActors')).map(actor =>
    isRecord(actor)
      ? participant(
          { nodeId: actor.name },
          textOf(actor.description),
          actor.name,
        )
      : undefined,
  );
}

function c4Participants(db: Db): Found {
  return valuesOf(call(db, 'getC4ShapeArray')).map(shape =>
    isRecord(shape)
      ? participant(
          { nodeId: shape.alias, elementId: shape.alias },
          textOf(shape.label),
          shape.alias,
        )
      : undefined,
  );
}

function classParticipants(db: Db): Found {
  return valuesOf(call(db, 'getClasses')).map(item =>
    isRecord(item)
      ? participant(
          { nodeId: item.id, elementId: item.domId },
          item.label,
          item.id,
        )
      : undefined,
  );
}

function entityRelationshipParticipants(db: Db): Found {
  const entities = call(db, 'getEntities');
  if (!(entities instanceof Map)) return [];
  return Array.from(entities.entries()).map(([key, entity]) =>
    isRecord(entity)
      ? participant(
          { nodeId: entity.id, elementId: entity.id },
          entity.alias || key,
          key,
        )
      : undefined,
  );
}

/**
 * The participants of a diagram Mermaid has parsed, read from its database:
 * flowchart and graph vertices, sequence participants and actors, C4
 * elements, class names and entity-relationship entities. Other kinds of
 * diagram have none. Each node id appears once, in the order Mermaid
 * recorded them, at most {@link MAX_PARTICIPANTS_PER_DIAGRAM}. Pure; a
 * database of an unexpected shape gives fewer participants, never an error.
 * @public
 */
export function participantsFromDiagramDb(
  diagramType: string,
  db: unknown,
): DiagramParticipant[] {
  if (!isRecord(db)) return [];
  const type = diagramType.toLowerCase();
  let found: Found = [];
  if (type.startsWith('flowchart') || type === 'graph')
    found = flowchartParticipants(db);
  else if (type === 'sequence') found = sequenceParticipants(db);
  else if (type === 'c4') found = c4Participants(db);
  else if (type.startsWith('class')) found = classParticipants(db);
  else if (type === 'er') found = entityRelationshipParticipants(db);
  const result: DiagramParticipant[] = [];
  const seen = new Set<string>();
  for (const item of found) {
    if (result.length >= MAX_PARTICIPANTS_PER_DIAGRAM) break;
    if (!item || seen.has(item.nodeId)) continue;
    seen.add(item.nodeId);
    result.push(item);
  }
  return result;
}

/**
 * Parses a diagram with Mermaid's own parser and reads its participants
 * (see {@link participantsFromDiagramDb}). Mermaid must have been
 * initialised with the plugin's configuration. A diagram Mermaid rejects,
 * or one longer than Mermaid accepts, has none; the promise never rejects.
 * @public
 */
export async function readDiagramParticipants(
  mermaid: MermaidDiagramParser,
  source: string,
): Promise<DiagramParticipant[]> {
  if (source.length > MAX_DIAGRAM_TEXT) return [];
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    return participantsFromDiagramDb(String(diagram.type), diagram.db);
  } catch {
    return [];
  }
}
