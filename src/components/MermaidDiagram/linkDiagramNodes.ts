import type { DiagramEntity } from '../../model/diagram-entities';

/**
 * A drawn node to turn into a link: the participant's node id and its
 * entity, whose `path` is the link target.
 * @internal
 */
export interface DiagramNodeLink {
  nodeId: string;
  /** The id of the participant's drawn group, when Mermaid gives it one. */
  elementId?: string;
  /** What the diagram shows for the participant. */
  label: string;
  entity: DiagramEntity & { path: string };
}

/**
 * What the links do; the component decides how to navigate and where the
 * hover card shows.
 * @internal
 */
export interface DiagramNodeLinkHandlers {
  /**
   * The accessible name of a link; `text` is the node's visible text, which
   * the name must contain for those who speak the name they see.
   */
  nameOf(link: DiagramNodeLink, text: string): string;
  navigate(path: string, inNewTab: boolean): void;
  showCard(element: Element, link: DiagramNodeLink): void;
  hideCard(): void;
}

/** `data-et` values of drawn parts that are not nodes: edges, lifelines, subgraph frames. */
const NOT_NODES = new Set(['edge', 'life-line', 'cluster']);

/**
 * The drawn group of each participant, by node id. Mermaid gives a node's
 * group a `data-id` with the participant's id (flowchart, class, ER and C4
 * nodes; sequence participants, the top box only). Edge labels carry
 * `data-id` too and are left out.
 */
export function nodeElementsById(drawing: Element): Map<string, Element> {
  const nodes = new Map<string, Element>();
  for (const element of Array.from(drawing.querySelectorAll('g[data-id]'))) {
    const et = element.getAttribute('data-et');
    if (et && NOT_NODES.has(et)) continue;
    if (
      element.classList.contains('label') ||
      element.classList.contains('edgeLabel')
    )
      continue;
    const id = element.getAttribute('data-id');
    if (id !== null && !nodes.has(id)) nodes.set(id, element);
  }
  return nodes;
}

/**
 * The drawn group of a participant: by the element id Mermaid gives it,
 * alone or after the drawing's own id, else by its `data-id`.
 */
function nodeFinder(
  drawing: Element,
): (link: DiagramNodeLink) => Element | undefined {
  const byDataId = nodeElementsById(drawing);
  const byId = new Map<string, Element>();
  for (const element of Array.from(drawing.querySelectorAll('g[id]'))) {
    if (!byId.has(element.id)) byId.set(element.id, element);
  }
  const prefix = drawing.id ? `${drawing.id}-` : undefined;
  return link => {
    if (link.elementId) {
      const found =
        byId.get(link.elementId) ??
        (prefix ? byId.get(`${prefix}${link.elementId}`) : undefined);
      if (found) return found;
    }
    return byDataId.get(link.nodeId);
  };
}

/**
 * The text a node shows, its pieces joined by spaces: Mermaid draws each
 * line of a label (a C4 element's name, technology, description) apart.
 */
function visibleText(element: Element): string {
  const pieces: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(
    element,
    NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const piece = node.textContent?.trim();
    if (piece) pieces.push(piece);
  }
  return pieces.join(' ').replace(/\s+/g, ' ');
}

/**
 * Turns the drawn nodes of matched participants into links: focusable,
 * `role="link"` with the entity's name, followed on click or Enter, with
 * the hover card on pointer hover and keyboard focus. The target is the
 * path built from the catalog's answer; nothing of the diagram's text
 * becomes an attribute. Returns how many nodes became links and the
 * function that undoes it all.
 * @internal
 */
export function linkDiagramNodes(
  drawing: Element,
  links: readonly DiagramNodeLink[],
  handlers: DiagramNodeLinkHandlers,
  className: string,
): { linked: number; undo(): void } {
  const find = nodeFinder(drawing);
  const undo: Array<() => void> = [];
  for (const link of links) {
    const element = find(link);
    if (!element) continue;
    const follow = (event: Event) => {
      event.preventDefault();
      event.stopPropagation();
      const mouse = event as MouseEvent;
      handlers.navigate(
        link.entity.path,
        Boolean(mouse.ctrlKey || mouse.metaKey || mouse.shiftKey),
      );
    };
    const onKeyDown = (event: Event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Enter') follow(event);
      else if (key === 'Escape') handlers.hideCard();
    };
    const show = () => handlers.showCard(element, link);
    const hide = () => handlers.hideCard();
    element.setAttribute('role', 'link');
    element.setAttribute('tabindex', '0');
    element.setAttribute(
      'aria-label',
      handlers.nameOf(link, visibleText(element)),
    );
    element.setAttribute('data-entity-ref', link.entity.ref);
    element.classList.add(className);
    element.addEventListener('click', follow);
    element.addEventListener('keydown', onKeyDown);
    element.addEventListener('mouseenter', show);
    element.addEventListener('focus', show);
    element.addEventListener('mouseleave', hide);
    element.addEventListener('blur', hide);
    undo.push(() => {
      for (const name of ['role', 'tabindex', 'aria-label', 'data-entity-ref'])
        element.removeAttribute(name);
      element.classList.remove(className);
      element.removeEventListener('click', follow);
      element.removeEventListener('keydown', onKeyDown);
      element.removeEventListener('mouseenter', show);
      element.removeEventListener('focus', show);
      element.removeEventListener('mouseleave', hide);
      element.removeEventListener('blur', hide);
    });
  }
  return { linked: undo.length, undo: () => undo.forEach(step => step()) };
}
