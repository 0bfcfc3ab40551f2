import type { DiagramEntity } from '../../model/diagram-entities';
import {
  linkDiagramNodes,
  nodeElementsById,
  type DiagramNodeLink,
  type DiagramNodeLinkHandlers,
} from './linkDiagramNodes';

const SVG = 'http://www.w3.org/2000/svg';

function drawing(markup: string): Element {
  const svg = new DOMParser().parseFromString(
    `<svg xmlns="${SVG}">${markup}</svg>`,
    'image/svg+xml',
  ).documentElement;
  return document.body.appendChild(document.importNode(svg, true));
}

const inventory: DiagramEntity & { path: string } = {
  ref: 'component:default/inventory-service',
  kind: 'Component',
  name: 'inventory-service',
  namespace: 'default',
  title: 'Inventory service',
  hasDoc: true,
  path: '/catalog/default/component/inventory-service/architecture',
};

function link(nodeId: string): DiagramNodeLink {
  return { nodeId, label: 'Inventory', entity: inventory };
}

function handlers(): jest.Mocked<DiagramNodeLinkHandlers> {
  return {
    nameOf: jest.fn(
      (_link: DiagramNodeLink, _text: string) =>
        'Inventory service (Component) in the catalog',
    ),
    navigate: jest.fn(),
    showCard: jest.fn(),
    hideCard: jest.fn(),
  };
}

afterEach(() => document.body.replaceChildren());

describe('nodeElementsById', () => {
  it('should find nodes and sequence participants, not edges, edge labels or lifelines', () => {
    const svg = drawing(
      '<g class="node default" data-id="A"><rect/></g>' +
        '<g data-et="participant" data-id="Inventory"><rect/></g>' +
        '<g class="edgeLabel"><g class="label" data-id="L_A_B_0"/></g>' +
        '<g data-et="edge" data-id="E"/>' +
        '<g data-et="life-line" data-id="Lifeline"/>',
    );
    expect(Array.from(nodeElementsById(svg).keys())).toEqual([
      'A',
      'Inventory',
    ]);
  });

  it('should compare ids exactly, whatever characters they hold', () => {
    const svg = drawing(
      '<g class="node" data-id="a&quot;] , *"><rect/></g><g class="node" data-id="a"/>',
    );
    expect(nodeElementsById(svg).get('a"] , *')).toBeDefined();
  });
});

describe('linkDiagramNodes', () => {
  it('should make a matched node a focusable link with the entity name', () => {
    const svg = drawing('<g class="node" data-id="inv"><rect/></g>');
    const { linked } = linkDiagramNodes(
      svg,
      [link('inv')],
      handlers(),
      'linked',
    );
    const node = svg.querySelector('[data-id="inv"]')!;
    expect(linked).toBe(1);
    expect(node).toHaveAttribute('role', 'link');
    expect(node).toHaveAttribute('tabindex', '0');
    expect(node).toHaveAttribute(
      'aria-label',
      'Inventory service (Component) in the catalog',
    );
    expect(node).toHaveAttribute('data-entity-ref', inventory.ref);
    expect(node).toHaveClass('linked');
  });

  it("should find a node by Mermaid's element id, with or without the drawing's id in front", () => {
    const svg = drawing(
      '<g class="node" id="architecture-mermaid-7-flowchart-gateway-0"><rect/></g>' +
        '<g class="node" id="classId-Order-0"><rect/></g>',
    );
    svg.id = 'architecture-mermaid-7';
    const { linked } = linkDiagramNodes(
      svg,
      [
        { ...link('gateway'), elementId: 'flowchart-gateway-0' },
        { ...link('Order'), elementId: 'classId-Order-0' },
      ],
      handlers(),
      'linked',
    );
    expect(linked).toBe(2);
    expect(svg.querySelectorAll('[role="link"]')).toHaveLength(2);
  });

  it('should follow the link on click and on Enter', () => {
    const svg = drawing('<g class="node" data-id="inv"><rect/></g>');
    const on = handlers();
    linkDiagramNodes(svg, [link('inv')], on, 'linked');
    const node = svg.querySelector('[data-id="inv"]')!;
    node.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    node.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
    );
    node.dispatchEvent(
      new MouseEvent('click', { bubbles: true, ctrlKey: true }),
    );
    expect(on.navigate.mock.calls).toEqual([
      [inventory.path, false],
      [inventory.path, false],
      [inventory.path, true],
    ]);
  });

  it('should show the card on hover and focus, and hide it on leave, blur and Escape', () => {
    const svg = drawing('<g class="node" data-id="inv"><rect/></g>');
    const on = handlers();
    linkDiagramNodes(svg, [link('inv')], on, 'linked');
    const node = svg.querySelector('[data-id="inv"]')!;
    node.dispatchEvent(new MouseEvent('mouseenter'));
    node.dispatchEvent(new FocusEvent('focus'));
    expect(on.showCard).toHaveBeenCalledTimes(2);
    expect(on.showCard).toHaveBeenCalledWith(node, link('inv'));
    node.dispatchEvent(new MouseEvent('mouseleave'));
    node.dispatchEvent(new FocusEvent('blur'));
    node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(on.hideCard).toHaveBeenCalledTimes(3);
  });

  it('should leave nodes without a match alone', () => {
    const svg = drawing(
      '<g class="node" data-id="inv"/><g class="node" data-id="shopper"/>',
    );
    const { linked } = linkDiagramNodes(
      svg,
      [link('inv'), link('gone')],
      handlers(),
      'linked',
    );
    expect(linked).toBe(1);
    expect(svg.querySelector('[data-id="shopper"]')).not.toHaveAttribute(
      'role',
    );
  });

  it('should undo everything it added', () => {
    const svg = drawing('<g class="node" data-id="inv"><rect/></g>');
    const on = handlers();
    const { undo } = linkDiagramNodes(svg, [link('inv')], on, 'linked');
    undo();
    const node = svg.querySelector('[data-id="inv"]')!;
    node.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(on.navigate).not.toHaveBeenCalled();
    expect(node.getAttributeNames().sort()).toEqual(['class', 'data-id']);
    expect(node).not.toHaveClass('linked');
  });
});
