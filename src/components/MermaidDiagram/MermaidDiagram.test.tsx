import { createElement, type ReactElement } from 'react';
import { act, render, screen, waitFor } from '@testing-library/react';
import { ThemeProvider } from '@material-ui/core/styles';
import type { Theme } from '@material-ui/core/styles';
import { darkTheme, lightTheme } from '@backstage/theme';
import { errorApiRef } from '@backstage/core-plugin-api';
import { translationApiRef } from '@backstage/core-plugin-api/alpha';
import { MockErrorApi, mockApis, TestApiProvider } from '@backstage/test-utils';
import { MermaidDiagram, MermaidDiagramProps } from './MermaidDiagram';
import { loadMermaid, type MermaidApi } from './loadMermaid';
import { deferred } from '../../testing/deferred';

type Initialize = MermaidApi['initialize'];
type Render = MermaidApi['render'];
type RenderResult = Awaited<ReturnType<Render>>;

const mockInitialize = jest.fn<
  ReturnType<Initialize>,
  Parameters<Initialize>
>();
const mockRender = jest.fn<ReturnType<Render>, Parameters<Render>>();

jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: (...args: Parameters<Initialize>) => mockInitialize(...args),
    render: (...args: Parameters<Render>) => mockRender(...args),
  },
}));

jest.mock('./loadMermaid', () => {
  const actual =
    jest.requireActual<typeof import('./loadMermaid')>('./loadMermaid');
  return { ...actual, loadMermaid: jest.fn(actual.loadMermaid) };
});

const mockedLoadMermaid = jest.mocked(loadMermaid);

const FLOWCHART = 'flowchart LR\n  web --> api';

function svgMarkup(id: string, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" id="${id}"><text>${label}</text></svg>`;
}

function drawn(svg: string, diagramType = 'flowchart-v2'): RenderResult {
  return { svg, diagramType };
}

// The wording comes through the app's translation API.
const translationApi = mockApis.translation();
const errorApi = new MockErrorApi();

// No JSX here: the classic JSX setting in tsconfig would need a default React
// import, which the lint rules reject in tests.
function diagram(
  props: MermaidDiagramProps,
  theme: Theme = lightTheme,
): ReactElement {
  return createElement(TestApiProvider, {
    apis: [
      [translationApiRef, translationApi],
      [errorApiRef, errorApi],
    ],
    children: createElement(ThemeProvider, {
      theme,
      children: createElement(MermaidDiagram, props),
    }),
  });
}

function container(): HTMLElement {
  return screen.getByTestId('mermaid-diagram');
}

async function waitForState(state: 'rendered' | 'error') {
  await waitFor(() => expect(container()).toHaveAttribute('data-state', state));
}

describe('MermaidDiagram', () => {
  beforeEach(() => {
    mockInitialize.mockReset();
    mockRender.mockReset();
    mockRender.mockImplementation(async id => drawn(svgMarkup(id, 'drawn')));
  });

  it('should show a progress indicator while the diagram is drawn', async () => {
    mockRender.mockReturnValue(new Promise<RenderResult>(() => {}));

    render(diagram({ source: FLOWCHART }));

    expect(container()).toHaveAttribute('data-state', 'loading');
    expect(
      screen.getByRole('progressbar', { name: 'Drawing diagram' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(mockRender).toHaveBeenCalledTimes(1));
  });

  it('should initialize mermaid with strict security and startOnLoad false', async () => {
    render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');

    expect(mockInitialize).toHaveBeenCalledTimes(1);
    expect(mockInitialize).toHaveBeenCalledWith(
      expect.objectContaining({ securityLevel: 'strict', startOnLoad: false }),
    );
  });

  it("should cap the edges and the source size Mermaid lays out, and keep the caps out of a directive's reach", async () => {
    render(
      diagram({
        source:
          '%%{init: {"maxEdges": 100000, "maxTextSize": 10000000}}%%\nflowchart LR\n  a --> b',
      }),
    );
    await waitForState('rendered');

    const config = mockInitialize.mock.calls[0][0];
    expect(config.maxEdges).toBe(200);
    expect(config.maxTextSize).toBe(20_000);
    expect(config.secure).toEqual(
      expect.arrayContaining(['maxEdges', 'maxTextSize']),
    );
  });

  it('should configure mermaid right before each render', async () => {
    render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');

    expect(mockInitialize.mock.invocationCallOrder[0]).toBeLessThan(
      mockRender.mock.invocationCallOrder[0],
    );
  });

  it('should keep securityLevel among the keys a directive cannot change', async () => {
    render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');

    expect(mockInitialize.mock.calls[0][0].secure).toEqual(
      expect.arrayContaining(['secure', 'securityLevel']),
    );
  });

  it('should pass the same strict config when the source asks for loose security', async () => {
    const loose =
      '%%{init: {"securityLevel": "loose", "secure": []}}%%\nflowchart LR\n  a --> b';

    render(diagram({ source: loose }));
    await waitForState('rendered');

    const config = mockInitialize.mock.calls[0][0];
    expect(config.securityLevel).toBe('strict');
    expect(config.secure).toEqual(
      expect.arrayContaining(['secure', 'securityLevel']),
    );
  });

  it('should use the default mermaid theme under the light Backstage theme', async () => {
    render(diagram({ source: FLOWCHART }, lightTheme));
    await waitForState('rendered');

    expect(mockInitialize).toHaveBeenCalledWith(
      expect.objectContaining({ theme: 'default' }),
    );
  });

  it('should use the dark mermaid theme under the dark Backstage theme', async () => {
    render(diagram({ source: FLOWCHART }, darkTheme));
    await waitForState('rendered');

    expect(mockInitialize).toHaveBeenCalledWith(
      expect.objectContaining({ theme: 'dark' }),
    );
  });

  it('should draw again with the dark theme when the Backstage theme turns dark', async () => {
    const { rerender } = render(diagram({ source: FLOWCHART }, lightTheme));
    await waitForState('rendered');

    rerender(diagram({ source: FLOWCHART }, darkTheme));

    await waitFor(() => expect(mockRender).toHaveBeenCalledTimes(2));
    expect(mockInitialize).toHaveBeenCalledTimes(2);
    expect(mockInitialize.mock.calls[1][0].theme).toBe('dark');
    expect(mockInitialize.mock.invocationCallOrder[1]).toBeLessThan(
      mockRender.mock.invocationCallOrder[1],
    );
    expect(mockRender.mock.calls[1][1]).toBe(FLOWCHART);
    await waitForState('rendered');
  });

  it('should give every render its own valid element id', async () => {
    const { rerender } = render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');
    rerender(diagram({ source: 'sequenceDiagram\n  a->>b: hi' }));
    await waitFor(() => expect(mockRender).toHaveBeenCalledTimes(2));

    const [firstId, secondId] = mockRender.mock.calls.map(([id]) => id);
    expect(firstId).toMatch(/^architecture-mermaid-\d+$/);
    expect(secondId).toMatch(/^architecture-mermaid-\d+$/);
    expect(secondId).not.toBe(firstId);
    await waitForState('rendered');
  });

  it('should put the drawn diagram into the container as an svg element', async () => {
    render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');

    const svg = container().querySelector('svg');
    expect(svg).toBeInstanceOf(SVGSVGElement);
    expect(svg).toHaveTextContent('drawn');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('should label the drawn diagram as an image of its diagram type', async () => {
    mockRender.mockImplementation(async id =>
      drawn(svgMarkup(id, 'drawn'), 'sequence'),
    );

    render(diagram({ source: 'sequenceDiagram\n  a->>b: hi' }));
    await waitForState('rendered');

    expect(
      screen.getByRole('img', { name: 'Mermaid sequence diagram' }),
    ).toContainElement(container().querySelector('svg'));
  });

  it('should name the drawn diagram after its type and first participants', async () => {
    mockRender.mockImplementation(async id =>
      drawn(
        `<svg xmlns="http://www.w3.org/2000/svg" id="${id}">` +
          '<text class="actor actor-man">Shopper</text>' +
          '<text class="actor actor-box">Checkout API</text>' +
          '<text class="actor actor-box">Inventory service</text>' +
          '<text class="actor actor-box">Payment gateway</text>' +
          '<text class="actor actor-box">order-events</text>' +
          '</svg>',
        'sequence',
      ),
    );

    render(diagram({ source: 'sequenceDiagram\n  a->>b: hi' }));
    await waitForState('rendered');

    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Mermaid sequence diagram: Shopper, Checkout API, Inventory service and 2 more',
    );
  });

  it("should show and hide a drawn diagram's source with a button that says so", async () => {
    const source = 'flowchart LR\n  web --> api';
    render(diagram({ source }));
    await waitForState('rendered');

    const show = screen.getByRole('button', {
      name: "Show the diagram's source",
    });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(container().querySelector('pre')).toBeNull();

    act(() => show.click());
    const hide = screen.getByRole('button', {
      name: "Hide the diagram's source",
    });
    expect(hide).toHaveAttribute('aria-expanded', 'true');
    const shown = container().querySelector('pre');
    expect(shown?.textContent).toBe(source);
    expect(hide).toHaveAttribute('aria-controls', shown?.id);

    act(() => hide.click());
    expect(container().querySelector('pre')).toBeNull();
  });

  it('should give dark-theme edge labels a background dark enough for their text, keeping strict security', async () => {
    render(diagram({ source: FLOWCHART }, darkTheme));
    await waitForState('rendered');

    const config = mockInitialize.mock.calls[0][0];
    expect(config.securityLevel).toBe('strict');
    expect(config.themeVariables).toEqual({ edgeLabelBackground: '#2b2b2b' });
  });

  it('should remove script elements from the drawn svg', async () => {
    mockRender.mockImplementation(async id =>
      drawn(
        `<svg xmlns="http://www.w3.org/2000/svg" id="${id}">` +
          '<script>window.pwned = true</script>' +
          '<g><script xlink:href="https://evil.example/x.js" xmlns:xlink="http://www.w3.org/1999/xlink"/></g>' +
          '<text>safe</text></svg>',
      ),
    );

    render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');

    expect(container().querySelector('svg')).toHaveTextContent('safe');
    expect(container().querySelectorAll('script')).toHaveLength(0);
  });

  it('should remove a foreignObject that hides a script', async () => {
    mockRender.mockImplementation(async id =>
      drawn(
        `<svg xmlns="http://www.w3.org/2000/svg" id="${id}">` +
          '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">label<script>window.pwned = true</script></div></foreignObject>' +
          '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">kept label</div></foreignObject>' +
          '</svg>',
      ),
    );

    render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');

    const foreignObjects = container().querySelectorAll('foreignObject');
    expect(foreignObjects).toHaveLength(1);
    expect(foreignObjects[0]).toHaveTextContent('kept label');
  });

  it('should remove event handler attributes from the drawn svg', async () => {
    mockRender.mockImplementation(async id =>
      drawn(
        `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" onload="window.pwned = true">` +
          '<g class="node" onclick="window.pwned = true" onMouseOver="window.pwned = true"><text>node</text></g></svg>',
      ),
    );

    render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');

    const svg = container().querySelector('svg');
    expect(svg).not.toHaveAttribute('onload');
    expect(container().querySelector('[onclick]')).toBeNull();
    expect(
      container().querySelector('[onmouseover], [onMouseOver]'),
    ).toBeNull();
    expect(container().querySelector('g.node')).toHaveTextContent('node');
  });

  it('should remove every link target, safe or not, from the drawn svg', async () => {
    mockRender.mockImplementation(async id =>
      drawn(
        `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="${id}">` +
          '<a id="plain" href="javascript:alert(1)"><text>a</text></a>' +
          '<a id="spaced" xlink:href=" java&#9;script:alert(2)"><text>b</text></a>' +
          '<image id="inline" href="data:image/svg+xml;base64,PHN2Zy8+"/>' +
          '<a id="safe" href="https://example.com/docs"><text>c</text></a>' +
          '</svg>',
      ),
    );

    render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');

    const svg = container().querySelector('svg')!;
    expect(svg.querySelector('#plain')).not.toHaveAttribute('href');
    expect(svg.querySelector('#spaced')!.attributes).toHaveLength(1);
    expect(svg.querySelector('#inline')).not.toHaveAttribute('href');
    // A `click` directive's link: no link target may come from the diagram's text.
    expect(svg.querySelector('#safe')).not.toHaveAttribute('href');
    expect(svg.querySelector('#safe')).toHaveTextContent('c');
  });

  it('should draw a diagram whose links use an undeclared xlink prefix, without their targets', async () => {
    mockRender.mockImplementation(async id =>
      drawn(
        `<svg id="${id}" xmlns="http://www.w3.org/2000/svg">` +
          '<a xlink:href="https://rules.example.com/fraud" target="_blank"><g class="node"><text>R</text></g></a>' +
          '<a xlink:href="about:blank"><g class="node"><text>S</text></g></a>' +
          '</svg>',
      ),
    );

    render(diagram({ source: FLOWCHART }));
    await waitForState('rendered');

    const links = Array.from(container().querySelectorAll('svg a'));
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link.getAttributeNames()).toEqual([]);
    }
    expect(container().querySelector('svg')).toHaveTextContent('RS');
  });

  it('should never attach the click handlers mermaid offers', async () => {
    const bindFunctions = jest.fn();
    mockRender.mockImplementation(async id => ({
      ...drawn(svgMarkup(id, 'drawn')),
      bindFunctions,
    }));

    render(diagram({ source: 'flowchart LR\n  a --> b\n  click a callback' }));
    await waitForState('rendered');

    expect(bindFunctions).not.toHaveBeenCalled();
  });

  it('should show the error box with the message and the source for an invalid diagram', async () => {
    const invalid = 'flowchart LR\n  a -->';
    mockRender.mockRejectedValue(
      new Error('Parse error on line 2:\n...a -->\n------^\nExpecting NODE'),
    );

    render(diagram({ source: invalid }));
    await waitForState('error');

    const box = screen.getByRole('alert');
    expect(box).toHaveTextContent('Diagram could not be drawn');
    expect(screen.getByText(/^Parse error on line 2:/).textContent).toBe(
      'Parse error on line 2:\n...a -->\n------^\nExpecting NODE',
    );
    expect(box.querySelector('pre')!.textContent).toBe(invalid);
    expect(container().querySelector('svg')).toBeNull();
  });

  it('should name the doc line of an invalid diagram', async () => {
    mockRender.mockRejectedValue(new Error('No diagram type detected'));

    render(diagram({ source: 'nonsense', line: 42 }));
    await waitForState('error');

    expect(
      screen.getByText('Mermaid source, starting on line 42 of the doc:'),
    ).toBeInTheDocument();
  });

  it('should show a string rejection from mermaid as the message', async () => {
    mockRender.mockRejectedValue('Lexical error on line 1');

    render(diagram({ source: 'flowchart LR\n  ;;;' }));
    await waitForState('error');

    expect(screen.getByText('Lexical error on line 1')).toBeInTheDocument();
  });

  it('should remove the scratch elements mermaid leaves in the page after a failed render', async () => {
    mockRender.mockImplementation(async id => {
      const scratch = document.createElement('div');
      scratch.id = `d${id}`;
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.id = id;
      scratch.appendChild(svg);
      document.body.appendChild(scratch);
      throw new Error('Cannot read properties of undefined');
    });

    render(diagram({ source: FLOWCHART }));
    await waitForState('error');

    const [[id]] = mockRender.mock.calls;
    expect(document.getElementById(`d${id}`)).toBeNull();
    expect(document.getElementById(id)).toBeNull();
  });

  it('should show the error box when mermaid returns markup that is not svg', async () => {
    mockRender.mockResolvedValue(drawn('<svg><g></svg>'));

    render(diagram({ source: FLOWCHART }));
    await waitForState('error');

    expect(
      screen.getByText('Mermaid returned a drawing that is not valid SVG.'),
    ).toBeInTheDocument();
    expect(container().querySelector('svg')).toBeNull();
  });

  it('should show the error box when the diagram library cannot be loaded', async () => {
    mockedLoadMermaid.mockRejectedValueOnce(
      new Error('Loading chunk 7 failed.'),
    );

    render(diagram({ source: FLOWCHART }));
    await waitForState('error');

    expect(screen.getByRole('alert')).toHaveTextContent(
      'Diagram could not be drawn',
    );
    expect(
      screen.getByText(
        'The diagram library could not be loaded (Loading chunk 7 failed.). Reload the page to try again.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert').querySelector('pre')!.textContent).toBe(
      FLOWCHART,
    );
    expect(mockRender).not.toHaveBeenCalled();
  });

  it('should ignore a render that finishes after the source changed', async () => {
    const first = deferred<RenderResult>();
    const second = deferred<RenderResult>();
    mockRender
      .mockReturnValueOnce(first.promise)
      .mockReturnValueOnce(second.promise);
    const { rerender } = render(diagram({ source: FLOWCHART }));
    await waitFor(() => expect(mockRender).toHaveBeenCalledTimes(1));

    rerender(diagram({ source: 'sequenceDiagram\n  a->>b: hi' }));
    await waitFor(() => expect(mockRender).toHaveBeenCalledTimes(2));
    const [[firstId], [secondId]] = mockRender.mock.calls;
    await act(async () => {
      second.resolve(drawn(svgMarkup(secondId, 'second'), 'sequence'));
    });
    await waitForState('rendered');
    await act(async () => {
      first.resolve(drawn(svgMarkup(firstId, 'first')));
    });

    const svgs = container().querySelectorAll('svg');
    expect(svgs).toHaveLength(1);
    expect(svgs[0]).toHaveTextContent('second');
    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Mermaid sequence diagram',
    );
  });

  it('should not render when unmounted before the library has loaded', async () => {
    const { unmount } = render(diagram({ source: FLOWCHART }));

    unmount();
    await act(async () => {
      await loadMermaid();
    });

    expect(mockInitialize).not.toHaveBeenCalled();
    expect(mockRender).not.toHaveBeenCalled();
  });

  it('should ignore a render that finishes after unmount', async () => {
    const pending = deferred<RenderResult>();
    mockRender.mockReturnValueOnce(pending.promise);
    const consoleError = jest.spyOn(console, 'error');
    const { unmount } = render(diagram({ source: FLOWCHART }));
    await waitFor(() => expect(mockRender).toHaveBeenCalledTimes(1));
    const [[id]] = mockRender.mock.calls;

    unmount();
    await act(async () => {
      pending.resolve(drawn(svgMarkup(id, 'late')));
    });

    expect(consoleError).not.toHaveBeenCalled();
    expect(document.body).not.toHaveTextContent('late');
    consoleError.mockRestore();
  });

  it('should ignore a render that fails after unmount', async () => {
    const pending = deferred<RenderResult>();
    mockRender.mockReturnValueOnce(pending.promise);
    const consoleError = jest.spyOn(console, 'error');
    const { unmount } = render(diagram({ source: FLOWCHART }));
    await waitFor(() => expect(mockRender).toHaveBeenCalledTimes(1));

    unmount();
    await act(async () => {
      pending.reject(new Error('Parse error on line 1'));
    });

    expect(consoleError).not.toHaveBeenCalled();
    expect(document.body).not.toHaveTextContent('Parse error on line 1');
    consoleError.mockRestore();
  });
});
