/**
 * Elements of a drawn Mermaid diagram that name what it shows: the node
 * labels of flowcharts, state, class and entity-relationship diagrams. Edge
 * labels are left out: they name what passes between participants, not who
 * takes part.
 */
const NODE_LABEL_SELECTOR = '.node .nodeLabel, .node .label text, .entityLabel';

/** The actor names of a sequence diagram; each actor is drawn above and below its lifeline. */
const ACTOR_SELECTOR = 'text.actor';

/** Where an actor's name is drawn from the left; Mermaid does not add actors in reading order. */
function leftOf(element: Element): number {
  const x = Number(element.getAttribute('x'));
  return Number.isFinite(x) ? x : 0;
}

/**
 * The first `max` distinct participant names of a drawn diagram and how many
 * distinct names it has in all: a sequence diagram's actors from left to
 * right, then node labels in drawing order. A name drawn twice counts once.
 */
export function diagramParticipants(
  drawing: Element,
  max = 3,
): { names: string[]; total: number } {
  const actors = Array.from(drawing.querySelectorAll(ACTOR_SELECTOR)).sort(
    (a, b) => leftOf(a) - leftOf(b),
  );
  const nodes = Array.from(drawing.querySelectorAll(NODE_LABEL_SELECTOR));
  const seen: string[] = [];
  for (const element of [...actors, ...nodes]) {
    const name = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (name && !seen.includes(name)) seen.push(name);
  }
  return { names: seen.slice(0, max), total: seen.length };
}
