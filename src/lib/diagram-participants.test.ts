/**
 * @jest-environment node
 */
// Mermaid's parser package is published for `import` only, which Jest's
// resolver does not follow; Node finds it itself.
jest.mock(
  '@mermaid-js/parser',
  () =>
    jest.requireActual(
      require('node:path').resolve(
        __dirname,
        '../../node_modules/@mermaid-js/parser/dist/mermaid-parser.core.mjs',
      ),
    ),
  { virtual: true },
);

import { loadMermaidInNode } from '../cli/load-mermaid-in-node';
import {
  MAX_PARTICIPANTS_PER_DIAGRAM,
  participantsFromDiagramDb,
  readDiagramParticipants,
} from './diagram-participants';
import { MAX_DIAGRAM_TEXT } from './mermaid-config';

async function participantsOf(source: string) {
  const mermaid = await loadMermaidInNode();
  return readDiagramParticipants(mermaid, source);
}

describe('readDiagramParticipants with Mermaid parsing', () => {
  it('should read flowchart vertices with their ids and labels', async () => {
    const participants = await participantsOf(
      'flowchart LR\n  A[Checkout API] --> inv(Inventory service)\n  inv --> C',
    );
    expect(participants).toEqual([
      {
        nodeId: 'A',
        elementId: 'flowchart-A-0',
        label: 'Checkout API',
        names: ['Checkout API', 'A'],
      },
      {
        nodeId: 'inv',
        elementId: 'flowchart-inv-1',
        label: 'Inventory service',
        names: ['Inventory service', 'inv'],
      },
      { nodeId: 'C', elementId: 'flowchart-C-3', label: 'C', names: ['C'] },
    ]);
  });

  it('should read graph vertices like flowchart vertices', async () => {
    const participants = await participantsOf(
      'graph TD\n  tax[Tax calculator]',
    );
    expect(participants).toEqual([
      {
        nodeId: 'tax',
        elementId: 'flowchart-tax-0',
        label: 'Tax calculator',
        names: ['Tax calculator', 'tax'],
      },
    ]);
  });

  it('should read sequence participants and actors with their aliases', async () => {
    const participants = await participantsOf(
      'sequenceDiagram\n  actor Shopper\n  participant Checkout as Checkout API\n  Shopper->>Checkout: pay\n  Checkout->>Tax: quote',
    );
    expect(participants).toEqual([
      { nodeId: 'Shopper', label: 'Shopper', names: ['Shopper'] },
      {
        nodeId: 'Checkout',
        label: 'Checkout API',
        names: ['Checkout API', 'Checkout'],
      },
      { nodeId: 'Tax', label: 'Tax', names: ['Tax'] },
    ]);
  });

  it('should read C4 elements inside and outside boundaries', async () => {
    const participants = await participantsOf(
      [
        'C4Context',
        '  Person(shopper, "Shopper")',
        '  System_Boundary(b, "Checkout") {',
        '    System(checkout, "Checkout API", "Takes orders")',
        '    Container(inv, "Inventory service", "Java")',
        '  }',
        '  System_Ext(pay, "Payment gateway")',
        '  Rel(shopper, checkout, "uses")',
      ].join('\n'),
    );
    expect(participants.map(p => [p.elementId, p.label])).toEqual([
      ['shopper', 'Shopper'],
      ['checkout', 'Checkout API'],
      ['inv', 'Inventory service'],
      ['pay', 'Payment gateway'],
    ]);
  });

  it('should read class names and their labels', async () => {
    const participants = await participantsOf(
      'classDiagram\n  class Order\n  class Tax["Tax calculator"]\n  Order --> Tax',
    );
    expect(participants).toEqual([
      {
        nodeId: 'Order',
        elementId: 'classId-Order-0',
        label: 'Order',
        names: ['Order'],
      },
      {
        nodeId: 'Tax',
        elementId: 'classId-Tax-1',
        label: 'Tax calculator',
        names: ['Tax calculator', 'Tax'],
      },
    ]);
  });

  it('should read entity-relationship entities with their aliases', async () => {
    const participants = await participantsOf(
      'erDiagram\n  ORDER ||--o{ LINE : has\n  pay["Payment gateway"] {\n    string id\n  }',
    );
    expect(participants.map(p => [p.elementId, p.names])).toEqual([
      ['entity-ORDER-0', ['ORDER']],
      ['entity-LINE-1', ['LINE']],
      ['entity-pay-2', ['Payment gateway', 'pay']],
    ]);
  });

  it('should give no participants for a kind of diagram without them', async () => {
    expect(await participantsOf('pie\n  "a": 1\n  "b": 2')).toEqual([]);
  });

  it('should give no participants for a diagram Mermaid rejects', async () => {
    expect(await participantsOf('flowchart LR\n  A[unclosed --> B')).toEqual(
      [],
    );
  });

  it('should give no participants for text Mermaid does not know', async () => {
    expect(await participantsOf('not a diagram at all')).toEqual([]);
  });

  it('should not parse a diagram longer than Mermaid accepts', async () => {
    const getDiagramFromText = jest.fn();
    const long = `flowchart LR\n${'  A --> B\n'.repeat(MAX_DIAGRAM_TEXT)}`;
    expect(
      await readDiagramParticipants(
        { mermaidAPI: { getDiagramFromText } },
        long,
      ),
    ).toEqual([]);
    expect(getDiagramFromText).not.toHaveBeenCalled();
  });

  it('should keep markup in a label out of its name', async () => {
    const participants = await participantsOf(
      'flowchart LR\n  A["<b>Checkout</b><br>API"]',
    );
    expect(participants[0].label).toBe('Checkout API');
  });
});

describe('participantsFromDiagramDb', () => {
  it('should give nothing for a database that is not an object', () => {
    expect(participantsFromDiagramDb('flowchart-v2', null)).toEqual([]);
    expect(participantsFromDiagramDb('sequence', 'actors')).toEqual([]);
  });

  it('should give nothing when a getter throws', () => {
    const db = {
      getActors() {
        throw new Error('broken');
      },
    };
    expect(participantsFromDiagramDb('sequence', db)).toEqual([]);
  });

  it('should skip entries of an unexpected shape', () => {
    const db = {
      getVertices: () =>
        new Map<string, unknown>([
          ['a', null],
          ['b', { id: 42, text: 'Number id' }],
          ['c', { id: 'c', text: { toString: () => 'object' } }],
          ['d', { id: 'd', text: 'Kept' }],
        ]),
    };
    expect(participantsFromDiagramDb('flowchart-v2', db)).toEqual([
      { nodeId: 'c', label: 'c', names: ['c'] },
      { nodeId: 'd', label: 'Kept', names: ['Kept', 'd'] },
    ]);
  });

  it('should not be misled by prototype-polluting names', () => {
    const db = {
      getActors: () =>
        new Map([
          [
            '__proto__',
            { name: '__proto__', description: { text: 'constructor' } },
          ],
        ]),
    };
    expect(participantsFromDiagramDb('sequence', db)).toEqual([
      {
        nodeId: '__proto__',
        label: 'constructor',
        names: ['constructor', '__proto__'],
      },
    ]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('should list each node id once', () => {
    const db = {
      getClasses: () => [
        { id: 'Order', label: 'Order' },
        { id: 'Order', label: 'Order again' },
      ],
    };
    expect(participantsFromDiagramDb('classDiagram', db)).toHaveLength(1);
  });

  it('should stop at the participant limit', () => {
    const vertices = new Map(
      Array.from({ length: MAX_PARTICIPANTS_PER_DIAGRAM + 5 }, (_, i) => [
        `n${i}`,
        { id: `n${i}`, text: `Node ${i}` },
      ]),
    );
    const db = { getVertices: () => vertices };
    expect(participantsFromDiagramDb('flowchart-v2', db)).toHaveLength(
      MAX_PARTICIPANTS_PER_DIAGRAM,
    );
  });

  it('should give nothing for a diagram type it does not read', () => {
    const db = { getVertices: () => [{ id: 'a', text: 'A' }] };
    expect(participantsFromDiagramDb('pie', db)).toEqual([]);
  });
});
