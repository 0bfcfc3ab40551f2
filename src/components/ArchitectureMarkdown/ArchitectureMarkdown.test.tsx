import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import { ThemeProvider } from '@material-ui/core/styles';
import { lightTheme } from '@backstage/theme';
import { errorApiRef } from '@backstage/core-plugin-api';
import { translationApiRef } from '@backstage/core-plugin-api/alpha';
import { MockErrorApi, mockApis, TestApiProvider } from '@backstage/test-utils';
import type { Heading, Root, Text } from 'mdast';
import {
  analyzeParsedDoc,
  parseArchitectureDoc,
  type ParsedArchitectureDoc,
} from 'backstage-plugin-architecture-docs-common';
import type { MermaidDiagramProps } from '../MermaidDiagram';
import {
  corpusDir,
  itWithSharedFiles,
} from '@internal/architecture-docs-testing';
import { ArchitectureMarkdown } from './ArchitectureMarkdown';
import type {
  ArchitectureLinkRenderProps,
  ArchitectureMarkdownProps,
} from './types';

// Mermaid cannot draw in jsdom; the stand-in shows what it was given.
jest.mock('../MermaidDiagram', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  return {
    MermaidDiagram: (props: MermaidDiagramProps) =>
      createElement(
        'div',
        { 'data-testid': 'mermaid-diagram', 'data-line': props.line },
        props.source,
      ),
  };
});

const DOC = `# Orders architecture

_Related: [Overview](../Overview.md)_

## Purpose

Orders accept shopping carts from the storefront and turn them into paid orders that the warehouse can ship.

## Purpose

Second purpose heading for duplicate anchors.

## Context

TODO

## Design drivers

## Responsibilities

| Responsibility | Details | Contracts |
| --- | --- | --- |
| Take orders | Validates carts | [Orders](contracts/Orders.md) |

Responsibilities end here.

## Testing strategy

Contract tests run on every merge and cover the public order endpoints end to end.
`;

/** The APIs the renderer reads its wording through, the same for every render. */
const translationApi = mockApis.translation();
const errorApi = new MockErrorApi();

function WithApis(props: { children?: ReactNode }) {
  return (
    <TestApiProvider
      apis={[
        [translationApiRef, translationApi],
        [errorApiRef, errorApi],
      ]}
    >
      {props.children}
    </TestApiProvider>
  );
}

function analysed(markdown: string) {
  const parsed = parseArchitectureDoc(markdown);
  return {
    parsed,
    report: analyzeParsedDoc(parsed, { path: 'docs/architecture/Orders.md' }),
  };
}

function renderLinkAsAnchor(props: ArchitectureLinkRenderProps): ReactNode {
  return (
    <a href={props.href} data-index={props.index}>
      {props.children}
    </a>
  );
}

function renderDoc(
  markdown: string,
  props: Partial<ArchitectureMarkdownProps> = {},
) {
  const { parsed, report } = analysed(markdown);
  const renderLink = jest.fn(renderLinkAsAnchor);
  const view = render(
    <ThemeProvider theme={lightTheme}>
      <ArchitectureMarkdown
        parsed={parsed}
        report={report}
        renderLink={renderLink}
        {...props}
      />
    </ThemeProvider>,
    { wrapper: WithApis },
  );
  return { ...view, parsed, report, renderLink };
}

function calloutIds(): Array<string | null> {
  return screen
    .getAllByTestId('missing-section-callout')
    .map(callout => callout.getAttribute('data-section-id'));
}

function isBefore(first: Element, second: Element): boolean {
  return (
    (first.compareDocumentPosition(second) &
      Node.DOCUMENT_POSITION_FOLLOWING) !==
    0
  );
}

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current && typeof current === 'object' && !Object.isFrozen(current)) {
      Object.freeze(current);
      stack.push(...Object.values(current));
    }
  }
  return value;
}

describe('ArchitectureMarkdown', () => {
  it('should give headings the anchors of the report, duplicates included', () => {
    renderDoc(DOC);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Orders architecture' }),
    ).toHaveAttribute('id', 'orders-architecture');
    const purposes = screen.getAllByRole('heading', {
      level: 2,
      name: 'Purpose',
    });
    expect(purposes.map(heading => heading.id)).toEqual([
      'purpose',
      'purpose-1',
    ]);
  });

  it('should prefix heading and callout ids with idPrefix', () => {
    renderDoc(DOC, { idPrefix: 'doc-' });
    expect(screen.getByRole('heading', { name: 'Context' })).toHaveAttribute(
      'id',
      'doc-context',
    );
    expect(document.getElementById('doc-missing-see-also')).toHaveAttribute(
      'data-section-id',
      'see-also',
    );
  });

  it('should offer a link to each heading for deep links', () => {
    renderDoc(DOC, { idPrefix: 'doc-' });
    const links = screen.getAllByRole('link', { name: 'Link to this section' });
    expect(links.map(link => link.getAttribute('href'))).toEqual([
      '#doc-orders-architecture',
      '#doc-purpose',
      '#doc-purpose-1',
      '#doc-context',
      '#doc-design-drivers',
      '#doc-responsibilities',
      '#doc-testing-strategy',
    ]);
  });

  it('should show a missing section after the previous section content and before the next heading', () => {
    renderDoc(DOC);
    const callout = document.getElementById('missing-data-and-interfaces')!;
    expect(callout).toHaveAttribute('data-testid', 'missing-section-callout');
    expect(
      isBefore(screen.getByText('Responsibilities end here.'), callout),
    ).toBe(true);
    expect(
      isBefore(
        callout,
        screen.getByRole('heading', { name: 'Testing strategy' }),
      ),
    ).toBe(true);
  });

  it('should keep callouts of consecutive missing sections in template order', () => {
    renderDoc(DOC);
    expect(calloutIds()).toEqual([
      'data-and-interfaces',
      'operational-flow',
      'failure-and-fallback-behavior',
      'deployment-and-scaling',
      'security-and-compliance',
      'open-questions',
      'see-also',
    ]);
    const lastBlock = screen.getByText(/cover the public order endpoints/);
    expect(
      isBefore(lastBlock, document.getElementById('missing-open-questions')!),
    ).toBe(true);
  });

  it('should put every callout after the title and Related line when no section is present', () => {
    renderDoc(
      '# Notes\n\n_Related: [Overview](../Overview.md)_\n\nSome loose notes.\n',
    );
    const callouts = screen.getAllByTestId('missing-section-callout');
    expect(callouts).toHaveLength(12);
    expect(isBefore(screen.getByText('Overview'), callouts[0])).toBe(true);
    expect(isBefore(callouts[11], screen.getByText('Some loose notes.'))).toBe(
      true,
    );
  });

  it('should show the title and guidance of the template in a callout', () => {
    renderDoc(DOC);
    const callout = within(document.getElementById('missing-open-questions')!);
    expect(
      callout.getByText('Missing section: Open questions'),
    ).toBeInTheDocument();
    expect(
      callout.getAllByRole('listitem').map(item => item.textContent),
    ).toEqual([
      'Track unresolved decisions, experiments, or research tasks.',
      'Link to GitHub issues or RFCs.',
    ]);
  });

  it('should keep an indented guidance sample together as preformatted text', () => {
    renderDoc(DOC);
    const callout = document.getElementById('missing-operational-flow')!;
    const sample = callout.querySelector('pre');
    expect(sample?.textContent?.split('\n').slice(0, 2)).toEqual([
      'sequenceDiagram',
      '    participant Operator',
    ]);
    expect(within(callout).getAllByRole('listitem')).toHaveLength(3);
  });

  it('should flag a placeholder section with a chip naming the reason', () => {
    renderDoc(DOC);
    const chips = screen.getAllByTestId('placeholder-chip');
    expect(
      chips.map(chip => [
        chip.getAttribute('data-section-id'),
        chip.textContent,
      ]),
    ).toEqual([
      ['context', 'Placeholder: only TODO/TBD'],
      ['design-drivers', 'Placeholder: no content'],
    ]);
    const context = screen.getByRole('heading', { name: 'Context' });
    expect(context).toHaveAttribute('data-section-status', 'placeholder');
    expect(context).toHaveAttribute('data-section-id', 'context');
  });

  it('should name a placeholder that repeats the template guidance', () => {
    renderDoc(
      '# Orders\n\n## Open questions\n\n- Track unresolved decisions, experiments, or research tasks.\n',
    );
    expect(screen.getByTestId('placeholder-chip')).toHaveTextContent(
      "Placeholder: still the template's guidance",
    );
  });

  it('should mark the headings of present sections', () => {
    renderDoc(DOC);
    const responsibilities = screen.getByRole('heading', {
      name: 'Responsibilities',
    });
    expect(responsibilities).toHaveAttribute('data-section-status', 'present');
    expect(responsibilities).toHaveAttribute(
      'data-section-id',
      'responsibilities',
    );
  });

  it('should show no callouts, chips or statuses when completeness is off', () => {
    const { container } = renderDoc(DOC, { showCompleteness: false });
    expect(screen.queryByTestId('missing-section-callout')).toBeNull();
    expect(screen.queryByTestId('placeholder-chip')).toBeNull();
    expect(container.querySelector('[data-section-status]')).toBeNull();
  });

  it('should hand an inline link to renderLink with its report entry and index', () => {
    const { renderLink, report } = renderDoc(DOC);
    const call = renderLink.mock.calls.find(
      ([props]) => props.href === 'contracts/Orders.md',
    )!;
    expect(call[0].index).toBe(1);
    expect(call[0].link).toBe(report.links[1]);
    expect(call[0].link?.kind).toBe('contract');
  });

  it('should hand a reference-style link to renderLink with its report entry and index', () => {
    const markdown =
      '# Orders\n\nSee [the overview][overview] and [billing](../Billing.md).\n\n[overview]: ../Overview.md\n';
    const { renderLink, report } = renderDoc(markdown);
    const received = renderLink.mock.calls.map(([props]) => [
      props.href,
      props.index,
      props.link,
    ]);
    expect(received).toEqual([
      ['../Overview.md', 0, report.links[0]],
      ['../Billing.md', 1, report.links[1]],
    ]);
    expect(report.links[0].target).toBe('../Overview.md');
  });

  it('should never put raw HTML in the page', () => {
    const markdown = [
      '# Orders',
      '',
      '<script>window.hacked = true</script>',
      '',
      '<iframe src="https://evil.example.com"></iframe>',
      '',
      'Inline <img src="x" onerror="window.hacked = true"> and <b>bold</b> text.',
      '',
    ].join('\n');
    const { container } = renderDoc(markdown);
    expect(container.querySelector('script, iframe, img, b')).toBeNull();
    expect(container.innerHTML).not.toMatch(/onerror|<script|<iframe/);
    expect(screen.getByText(/Inline/)).toHaveTextContent(
      'Inline and bold text.',
    );
  });

  it('should empty javascript: targets before renderLink sees them', () => {
    const markdown =
      '# Orders\n\n[run](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)\n';
    const { renderLink, report } = renderDoc(markdown);
    expect(
      renderLink.mock.calls.map(([props]) => [props.href, props.index]),
    ).toEqual([
      ['', 0],
      ['', 1],
    ]);
    expect(report.links[0].unsafe).toBe(true);
  });

  it('should draw a mermaid fence with MermaidDiagram outside any pre', () => {
    const markdown =
      '# Orders\n\nIntro.\n\n```mermaid\nflowchart LR\n  web --> api\n```\n';
    // Without callouts, whose guidance samples are drawn in a pre of their own.
    const { container } = renderDoc(markdown, { showCompleteness: false });
    const diagram = screen.getByTestId('mermaid-diagram');
    expect(diagram.textContent).toBe('flowchart LR\n  web --> api');
    expect(diagram).toHaveAttribute('data-line', '5');
    expect(diagram.closest('pre')).toBeNull();
    expect(container.querySelector('pre')).toBeNull();
  });

  it('should render other code blocks as pre and code', () => {
    const { container } = renderDoc(
      '# Orders\n\n```ts\nconst total = 1;\n```\n\nUse `total` here.\n',
    );
    const code = container.querySelector('pre > code.language-ts');
    expect(code?.textContent).toBe('const total = 1;\n');
    expect(screen.getByText('total').tagName).toBe('CODE');
  });

  it('should render a table as a table with header cells', () => {
    renderDoc(DOC);
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(cell => cell.textContent),
    ).toEqual(['Responsibility', 'Details', 'Contracts']);
    expect(
      within(table).getByRole('cell', { name: 'Take orders' }).tagName,
    ).toBe('TD');
  });

  it('should render task lists with disabled checkboxes', () => {
    renderDoc('# Orders\n\n- [x] Ship it\n- [ ] Test it\n');
    const boxes = screen.getAllByRole('checkbox');
    expect(
      boxes.map(box => [
        (box as HTMLInputElement).checked,
        (box as HTMLInputElement).disabled,
      ]),
    ).toEqual([
      [true, true],
      [false, true],
    ]);
  });

  it('should render strikethrough as del', () => {
    renderDoc('# Orders\n\nThis is ~~gone~~ now.\n');
    expect(screen.getByText('gone').tagName).toBe('DEL');
  });

  it('should render footnotes with prefixed ids and the reference through renderLink', () => {
    const { renderLink, container } = renderDoc(
      '# Orders\n\nClaim.[^1]\n\n[^1]: The source.\n',
      {
        idPrefix: 'doc-',
      },
    );
    const reference = renderLink.mock.calls.find(
      ([props]) => props.href === '#user-content-fn-1',
    )!;
    expect(reference[0].index).toBe(-1);
    expect(container.querySelector('#doc-user-content-fn-1')).toHaveTextContent(
      'The source.',
    );
    expect(
      container.querySelector('#doc-user-content-fnref-1'),
    ).toHaveTextContent('1');
  });

  it('should render http images lazily without a referrer and drop other sources to their alt text', () => {
    const { container } = renderDoc(
      '# Orders\n\n![Diagram](https://img.example.com/a.png) and ![Local](./local.png)\n',
    );
    const image = screen.getByRole('img', { name: 'Diagram' });
    expect(image).toHaveAttribute('src', 'https://img.example.com/a.png');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(container.querySelectorAll('img')).toHaveLength(1);
    expect(screen.getByText('Local').tagName).toBe('SPAN');
  });

  it('should keep an http image as written on an http page', () => {
    expect(window.location.protocol).toBe('http:');
    renderDoc('# Orders\n\n![Diagram](http://img.example.com/a.png)\n');
    expect(screen.getByRole('img', { name: 'Diagram' })).toHaveAttribute(
      'src',
      'http://img.example.com/a.png',
    );
  });

  it('should render from the given tree without changing it', () => {
    const { parsed, report } = analysed(DOC);
    const heading = parsed.tree.children[0] as Heading;
    // A tree whose title differs from any markdown text shows the render reads the tree.
    const tree: Root = {
      ...parsed.tree,
      children: [
        {
          ...heading,
          children: [
            { ...(heading.children[0] as Text), value: 'From the tree' },
          ],
        },
        ...parsed.tree.children.slice(1),
      ],
    };
    const frozen: ParsedArchitectureDoc = deepFreeze({ ...parsed, tree });
    const before = JSON.stringify(frozen.tree);
    expect(() =>
      render(
        <ThemeProvider theme={lightTheme}>
          <ArchitectureMarkdown
            parsed={frozen}
            report={report}
            renderLink={renderLinkAsAnchor}
          />
        </ThemeProvider>,
        { wrapper: WithApis },
      ),
    ).not.toThrow();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'From the tree',
    );
    expect(JSON.stringify(frozen.tree)).toBe(before);
  });

  it('should use a new renderLink on re-render', () => {
    const { parsed, report, rerender } = renderDoc(DOC);
    const renderLink = jest.fn((props: ArchitectureLinkRenderProps) => (
      <em>{props.children}</em>
    ));
    rerender(
      <ThemeProvider theme={lightTheme}>
        <ArchitectureMarkdown
          parsed={parsed}
          report={report}
          renderLink={renderLink}
        />
      </ThemeProvider>,
    );
    expect(renderLink.mock.calls.map(([props]) => props.index)).toEqual([0, 1]);
    expect(screen.getByText('Orders').tagName).toBe('EM');
  });

  itWithSharedFiles(
    'should match every link of a real 50 KB doc to its report entry',
    () => {
      const file = path.join(
        corpusDir,
        'retrovue/docs/domain/ChannelManager.md',
      );
      const { renderLink, report } = renderDoc(fs.readFileSync(file, 'utf8'));
      const indexes = renderLink.mock.calls.map(([props]) => props.index);
      expect(report.links.length).toBeGreaterThan(0);
      expect(indexes).toEqual(report.links.map((_, index) => index));
      expect(
        screen.getAllByRole('link', { name: 'Link to this section' }),
      ).toHaveLength(report.headings.length);
    },
  );
});
