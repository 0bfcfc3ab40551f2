/**
 * Elements of a drawn Mermaid diagram that name what it shows: the actors of
 * a sequence diagram and the node labels of flowcharts, state, class and
 * entity-relationship diagrams. Edge labels are left out: they name what
 * passes between participants, not who takes part.
 */
const PARTICIPANT_SELECTOR = 'text.actor, .node .nodeLabel, .node .label text, .entityLabel';

/**
 * The first `max` distinct participant names of a drawn diagram, in drawing
 * order, and how many distinct names it has in all. A sequence diagram draws
 * each actor twice (above and below its lifeline); each counts once.
 */
export function diagramParticipants(drawing: Element, max = 3): { names: string[]; total: number } {
  const seen: string[] = [];
  for (const element of Array.from(drawing.querySelectorAll(PARTICIPANT_SELECTOR))) {
    const name = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (name && !seen.includes(name)) seen.push(name);
  }
  return { names: seen.slice(0, max), total: seen.length };
}
