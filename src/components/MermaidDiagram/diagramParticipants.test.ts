import { diagramParticipants } from './diagramParticipants';

function svg(markup: string): Element {
  const parsed = new DOMParser().parseFromString(
    `<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`,
    'image/svg+xml',
  );
  return parsed.documentElement;
}

describe('diagramParticipants', () => {
  it('should name the actors of a sequence diagram once each, from left to right', () => {
    // Mermaid adds the actors last first; their places say the reading order.
    const drawing = svg(
      [
        '<text x="675" class="actor actor-box"><tspan>Tax calculator</tspan></text>',
        '<text x="475" class="actor actor-box"><tspan>Payment gateway</tspan></text>',
        '<text x="75" class="actor actor-man">Shopper</text>',
        '<text x="275" class="actor actor-box"><tspan>Checkout API</tspan></text>',
        '<text x="300" class="messageText">POST /sessions</text>',
        '<text x="75" class="actor actor-man">Shopper</text>',
        '<text x="275" class="actor actor-box"><tspan>Checkout API</tspan></text>',
      ].join(''),
    );
    expect(diagramParticipants(drawing)).toEqual({
      names: ['Shopper', 'Checkout API', 'Payment gateway'],
      total: 4,
    });
  });

  it('should name the nodes of a flowchart and leave out its edge labels', () => {
    const drawing = svg(
      [
        '<g class="edgeLabel"><foreignObject><span xmlns="http://www.w3.org/1999/xhtml" class="edgeLabel"><p>retry</p></span></foreignObject></g>',
        '<g class="node default"><foreignObject><span xmlns="http://www.w3.org/1999/xhtml" class="nodeLabel"><p>Screening</p></span></foreignObject></g>',
        '<g class="node default"><foreignObject><span xmlns="http://www.w3.org/1999/xhtml" class="nodeLabel"><p>  Authorised\n now </p></span></foreignObject></g>',
      ].join(''),
    );
    expect(diagramParticipants(drawing)).toEqual({
      names: ['Screening', 'Authorised now'],
      total: 2,
    });
  });

  it('should find no participant in a drawing without named nodes', () => {
    expect(
      diagramParticipants(
        svg('<g class="node"><circle r="4"/></g><text>42%</text>'),
      ),
    ).toEqual({
      names: [],
      total: 0,
    });
  });
});
