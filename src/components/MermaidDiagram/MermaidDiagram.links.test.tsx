import { createElement } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { ThemeProvider } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import { errorApiRef } from '@backstage/core-plugin-api';
import { translationApiRef } from '@backstage/core-plugin-api/alpha';
import { MockErrorApi, mockApis, TestApiProvider } from '@backstage/test-utils';
import type { DiagramParticipantEntity } from '../../model/diagram-entities';
import { DiagramEntitiesContext } from './DiagramEntitiesContext';
import { MermaidDiagram } from './MermaidDiagram';
import type { MermaidApi } from './loadMermaid';

type Render = MermaidApi['render'];

const mockRender = jest.fn<ReturnType<Render>, Parameters<Render>>();

jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: () => undefined,
    render: (...args: Parameters<Render>) => mockRender(...args),
  },
}));

const SOURCE =
  'sequenceDiagram\n  participant Inv as Inventory service\n  participant Shopper';

/** A drawing as Mermaid's sequence renderer makes it, with a `click`-style link around one node. */
function sequenceSvg(id: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}">` +
    '<g data-et="participant" data-id="Inv"><rect/><text class="actor">Inventory service</text></g>' +
    '<a href="https://elsewhere.example/"><g data-et="participant" data-id="Shopper"><rect/><text class="actor">Shopper</text></g></a>' +
    '</svg>'
  );
}

const participants: DiagramParticipantEntity[] = [
  {
    participant: {
      nodeId: 'Inv',
      label: 'Inventory service',
      names: ['Inventory service', 'Inv'],
    },
    entity: {
      ref: 'component:default/inventory-service',
      kind: 'Component',
      name: 'inventory-service',
      namespace: 'default',
      title: 'Inventory service',
      owner: 'group:default/team-checkout',
      lifecycle: 'production',
      hasDoc: true,
      path: '/catalog/default/component/inventory-service/architecture',
    },
  },
  { participant: { nodeId: 'Shopper', label: 'Shopper', names: ['Shopper'] } },
];

function Location() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

function renderDiagram(theme = lightTheme, withEntities = true) {
  const diagram = createElement(MermaidDiagram, { source: SOURCE });
  return render(
    <TestApiProvider
      apis={[
        [translationApiRef, mockApis.translation()],
        [errorApiRef, new MockErrorApi()],
      ]}
    >
      <ThemeProvider theme={theme}>
        <MemoryRouter
          initialEntries={['/doc']}
          future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
        >
          <Routes>
            <Route
              path="/doc"
              element={
                withEntities ? (
                  <DiagramEntitiesContext.Provider
                    value={new Map([[SOURCE, participants]])}
                  >
                    {diagram}
                  </DiagramEntitiesContext.Provider>
                ) : (
                  diagram
                )
              }
            />
            <Route path="*" element={<Location />} />
          </Routes>
        </MemoryRouter>
      </ThemeProvider>
    </TestApiProvider>,
  );
}

async function linkedNode() {
  return screen.findByRole('link', {
    name: 'Inventory service (Component) in the catalog',
  });
}

describe('MermaidDiagram with catalog entities', () => {
  beforeEach(() => {
    mockRender.mockReset();
    mockRender.mockImplementation(async id => ({
      svg: sequenceSvg(id),
      diagramType: 'sequence',
    }));
  });

  it('should put the node text first in the name of a link whose text is not the entity title', async () => {
    mockRender.mockImplementation(async id => ({
      svg: sequenceSvg(id).replace(
        '<text class="actor">Inventory service</text>',
        '<text>Stock</text><text>[Container: Go]</text>',
      ),
      diagramType: 'sequence',
    }));
    renderDiagram();
    expect(
      await screen.findByRole(
        'link',
        {
          name: 'Stock [Container: Go]: Inventory service (Component) in the catalog',
        },
        // The links load lazily, with the first diagram that has an entity.
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
  });

  it('should make the node of a catalog entity a link and leave the others alone', async () => {
    renderDiagram();
    const node = await linkedNode();
    expect(node).toHaveAttribute('tabindex', '0');
    expect(screen.getAllByRole('link')).toHaveLength(1);
    expect(
      screen
        .getByTestId('mermaid-diagram')
        .querySelector('[data-id="Shopper"]'),
    ).not.toHaveAttribute('role');
  });

  it('should expose the drawing as a group, not an image, once it holds links', async () => {
    renderDiagram();
    await linkedNode();
    expect(
      screen.getByRole('group', { name: /Inventory service/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('should go to the entity when the node is clicked', async () => {
    renderDiagram();
    await userEvent.click(await linkedNode());
    expect(await screen.findByTestId('location')).toHaveTextContent(
      '/catalog/default/component/inventory-service/architecture',
    );
  });

  it('should go to the entity when Enter is pressed on the focused node', async () => {
    renderDiagram(darkTheme);
    const node = await linkedNode();
    act(() => (node as unknown as HTMLElement).focus());
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByTestId('location')).toHaveTextContent(
      '/catalog/default/component/inventory-service/architecture',
    );
  });

  it("should show the entity's title, kind, owner and lifecycle while the node is focused", async () => {
    renderDiagram();
    const node = await linkedNode();
    act(() => (node as unknown as HTMLElement).focus());
    const card = await screen.findByRole('tooltip');
    expect(card).toHaveTextContent('Inventory service');
    expect(card).toHaveTextContent('KindComponent');
    expect(card).toHaveTextContent('Ownerteam-checkout');
    expect(card).toHaveTextContent('Lifecycleproduction');
    act(() => (node as unknown as HTMLElement).blur());
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  });

  it("should do nothing when a node the diagram's own link wraps is clicked", async () => {
    renderDiagram();
    await linkedNode();
    const drawing = screen.getByTestId('mermaid-diagram');
    expect(drawing.querySelector('a')).not.toHaveAttribute('href');
    await userEvent.click(drawing.querySelector('[data-id="Shopper"]')!);
    expect(screen.queryByTestId('location')).toBeNull();
  });

  it('should draw no links without catalog entities', async () => {
    renderDiagram(lightTheme, false);
    await waitFor(() =>
      expect(screen.getByTestId('mermaid-diagram')).toHaveAttribute(
        'data-state',
        'rendered',
      ),
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('img')).toBeInTheDocument();
  });
});
