import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { Entity, EntityRelation } from '@backstage/catalog-model';
import { architectureDocsApiRef, type ArchitectureDocsApi } from '../../api';
import {
  analyzeParsedDoc,
  parseArchitectureDoc,
} from 'backstage-plugin-architecture-docs-common';
import type { ArchitectureMarkdownProps } from '../ArchitectureMarkdown/types';
import type {
  LoadedArchitectureDoc,
  ResolvedDocLink,
} from '../../model/loaded-doc';
import {
  ArchitectureDocSidePanel,
  type ArchitectureDocSidePanelProps,
} from './ArchitectureDocSidePanel';
import { mockArchitectureDocsApi } from '../../testing/mockArchitectureDocsApi';
import type {
  DiagramEntities,
  DiagramEntity,
} from '../../model/diagram-entities';
import type { DiagramEntitiesState } from '../../hooks/useDiagramEntities';

jest.mock('../ArchitectureMarkdown', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  return {
    ArchitectureMarkdown: (props: ArchitectureMarkdownProps) =>
      createElement(
        'div',
        { 'data-testid': 'architecture-markdown' },
        props.report.title,
      ),
  };
});

const DOC_URL =
  'https://docs.example.com/checkout/docs/architecture/Checkout.md';
const DOC_PATH = 'checkout/docs/architecture/Checkout.md';
const ENTITY_ROUTES = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

const MARKDOWN = `# Checkout

_Related: [Payments](../../../payments/docs/architecture/Payments.md) • [Glossary](../domain/Glossary.md) • [Site](https://example.com/checkout)_

## Overview

Checkout takes orders from the web shop, reserves stock and asks Payments to charge the customer before it confirms the order to the buyer by email.

## Context

TODO

## Responsibilities

| Responsibility | Details | Contracts/tests |
| --- | --- | --- |
| Take orders | Validates carts | [Orders contract](../contracts/Orders.md) |
| Charge | Calls payments | [\`Charge.md\`](../contracts/Charge.md), [Orders contract](../contracts/Orders.md) |
| Audit | Keeps a trail | none |

Refunds follow [the refunds contract](../contracts/Refunds.md) and [the orders contract](../contracts/Orders.md).

## See also

- [Payments](../../../payments/docs/architecture/Payments.md) — how payments work
- [Stock](../../../stock/docs/architecture/Stock.md)
- [Vendor](https://vendor.example.com/docs)
- [Overview](#overview)
`;

type LinkOverrides = Partial<Omit<ResolvedDocLink, 'index' | 'link'>>;

/** The page's view of a doc, built the way the page builds it, with per-target overrides. */
function loadDoc(
  markdown: string,
  overrides: Record<string, LinkOverrides> = {},
): LoadedArchitectureDoc {
  const parsed = parseArchitectureDoc(markdown);
  const report = analyzeParsedDoc(parsed, { path: DOC_PATH });
  const links = report.links.map((link, index): ResolvedDocLink => {
    const url =
      link.kind === 'anchor' || link.unsafe
        ? null
        : new URL(link.target, DOC_URL).href;
    return {
      index,
      link,
      url,
      viewUrl: url ? `${url}?view` : null,
      status: 'unknown',
      ...overrides[link.target],
    };
  });
  return {
    location: {
      ref: './docs/architecture/Checkout.md',
      url: DOC_URL,
      editUrl: `${DOC_URL}?edit`,
    },
    file: { url: DOC_URL, content: markdown },
    parsed,
    report,
    links,
  };
}

const PAYMENTS_LINK: LinkOverrides = {
  entityRef: 'component:default/payments',
  entityPath: '/catalog/default/component/payments/architecture',
  entitySystemRef: 'system:default/shop',
  status: 'ok',
};

function checkoutEntity(relations: EntityRelation[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    relations,
  };
}

async function renderPanel(
  props: Partial<ArchitectureDocSidePanelProps> = {},
  api: jest.Mocked<ArchitectureDocsApi> = mockArchitectureDocsApi(),
) {
  await renderInTestApp(
    <TestApiProvider apis={[[architectureDocsApiRef, api]]}>
      <ArchitectureDocSidePanel
        entity={checkoutEntity()}
        doc={loadDoc(MARKDOWN, {
          '../../../payments/docs/architecture/Payments.md': PAYMENTS_LINK,
        })}
        {...props}
      />
    </TestApiProvider>,
    ENTITY_ROUTES,
  );
  return api;
}

function attribute(
  elements: HTMLElement[],
  name: string,
): Array<string | null> {
  return elements.map(element => element.getAttribute(name));
}

/** Adds an element the panel can scroll to, with `scrollIntoView` mocked (jsdom has none). */
function scrollTarget(id: string): jest.Mock {
  const element = document.createElement('div');
  element.id = id;
  const scrollIntoView = jest.fn();
  element.scrollIntoView = scrollIntoView;
  document.body.appendChild(element);
  return scrollIntoView;
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
  document
    .querySelectorAll('body > div[id]')
    .forEach(element => element.remove());
});

describe('ArchitectureDocSidePanel', () => {
  it('should show how many sections are present, placeholders and missing', async () => {
    await renderPanel();
    const score = screen.getByTestId('completeness-score');
    expect(score).toHaveAttribute('data-score', '25');
    expect(
      within(score).getByText('3 of 12 sections present'),
    ).toBeInTheDocument();
    expect(
      within(score).getByText('1 placeholder, 8 missing'),
    ).toBeInTheDocument();
  });

  it('should list every template section in template order with its status', async () => {
    await renderPanel();
    const items = within(screen.getByTestId('section-checklist')).getAllByRole(
      'button',
    );
    expect(attribute(items, 'data-section-id')).toEqual([
      'purpose',
      'context',
      'design-drivers',
      'responsibilities',
      'data-and-interfaces',
      'operational-flow',
      'failure-and-fallback-behavior',
      'deployment-and-scaling',
      'security-and-compliance',
      'testing-strategy',
      'open-questions',
      'see-also',
    ]);
    expect(attribute(items, 'data-status')).toEqual([
      'present',
      'placeholder',
      'missing',
      'present',
      'missing',
      'missing',
      'missing',
      'missing',
      'missing',
      'missing',
      'missing',
      'present',
    ]);
  });

  it("should show the doc's heading only where it differs from the template title", async () => {
    await renderPanel();
    const checklist = screen.getByTestId('section-checklist');
    expect(
      within(checklist).getByRole('button', {
        name: 'Present Purpose as “Overview”',
      }),
    ).toHaveTextContent('as “Overview”');
    expect(
      within(checklist).getByRole('button', { name: 'Placeholder Context' }),
    ).not.toHaveTextContent('as “');
  });

  it("should scroll to a present section's heading, set the hash and report the section", async () => {
    const scrollIntoView = scrollTarget('overview');
    const onSelectSection = jest.fn();
    await renderPanel({ onSelectSection });
    fireEvent.click(
      screen.getByRole('button', { name: 'Present Purpose as “Overview”' }),
    );
    expect(scrollIntoView).toHaveBeenCalledWith({
      behavior: 'smooth',
      block: 'start',
    });
    expect(window.location.hash).toBe('#overview');
    expect(onSelectSection).toHaveBeenCalledWith('purpose');
  });

  it('should move focus to the section it scrolled to, so reading goes on from there', async () => {
    scrollTarget('doc-missing-design-drivers');
    await renderPanel({ idPrefix: 'doc-' });
    fireEvent.click(
      screen.getByRole('button', { name: 'Missing Design drivers' }),
    );
    const target = document.getElementById('doc-missing-design-drivers');
    expect(document.activeElement).toBe(target);
    expect(target).toHaveAttribute('tabindex', '-1');
  });

  it('should name each checklist item by its status icon and all the text it shows', async () => {
    await renderPanel();
    const checklist = screen.getByTestId('section-checklist');
    const items = within(checklist).getAllByRole('button');
    expect(items.length).toBeGreaterThan(0);
    const statusNames = {
      present: 'Present',
      placeholder: 'Placeholder',
      missing: 'Missing',
    };
    for (const item of items) {
      const shown = Array.from(
        item.querySelectorAll('.MuiListItemText-root > *'),
        node => node.textContent,
      ).join(' ');
      const status = item.getAttribute(
        'data-status',
      ) as keyof typeof statusNames;
      expect(item).not.toHaveAttribute('aria-label');
      expect(item).toHaveAccessibleName(`${statusNames[status]} ${shown}`);
    }
  });

  it('should hold only list items in the checklist and contract lists', async () => {
    await renderPanel();
    const lists = [
      screen.getByTestId('section-checklist'),
      ...Array.from(
        screen.getByTestId('contracts-list').querySelectorAll('ul'),
      ),
    ];
    expect(lists.length).toBeGreaterThan(1);
    for (const list of lists) {
      for (const child of Array.from(list.children)) {
        expect(child.tagName).toBe('LI');
        expect(child).not.toHaveAttribute('role');
      }
    }
  });

  it('should read the score gauge as the completeness and the sections present', async () => {
    await renderPanel();
    const score = screen.getByTestId('completeness-score');
    const present = Number(
      /^(\d+) of/.exec(
        screen.getByTestId('completeness-present').textContent ?? '',
      )?.[1],
    );
    const total = within(screen.getByTestId('section-checklist')).getAllByRole(
      'button',
    ).length;
    expect(within(score).getByRole('img')).toHaveAccessibleName(
      `Completeness ${score.getAttribute('data-score')} percent, ${present} of ${total} sections present`,
    );
  });

  it('should scroll to the callout of a missing section, with the id prefix', async () => {
    const scrollIntoView = scrollTarget('doc-missing-design-drivers');
    await renderPanel({ idPrefix: 'doc-' });
    fireEvent.click(
      screen.getByRole('button', { name: 'Missing Design drivers' }),
    );
    expect(scrollIntoView).toHaveBeenCalledWith({
      behavior: 'smooth',
      block: 'start',
    });
    expect(window.location.hash).toBe('#doc-missing-design-drivers');
  });

  it('should list contracts by responsibility, then the other contract links once each', async () => {
    await renderPanel();
    const list = screen.getByTestId('contracts-list');
    const groups = Array.from(
      list.querySelectorAll<HTMLElement>('[data-responsibility]'),
    );
    expect(
      groups.map(group => group.getAttribute('data-responsibility')),
    ).toEqual(['Take orders', 'Charge', '']);
    expect(
      groups.map(group =>
        attribute(Array.from(group.querySelectorAll('[data-url]')), 'data-url'),
      ),
    ).toEqual([
      ['https://docs.example.com/checkout/docs/contracts/Orders.md'],
      [
        'https://docs.example.com/checkout/docs/contracts/Charge.md',
        'https://docs.example.com/checkout/docs/contracts/Orders.md',
      ],
      ['https://docs.example.com/checkout/docs/contracts/Refunds.md'],
    ]);
    expect(
      within(groups[2]).getByText('the refunds contract'),
    ).toBeInTheDocument();
  });

  it('should mark a missing contract as broken and not open it', async () => {
    const api = mockArchitectureDocsApi();
    await renderPanel(
      {
        doc: loadDoc(MARKDOWN, {
          '../contracts/Charge.md': { status: 'missing' },
        }),
      },
      api,
    );
    const charge = screen
      .getByTestId('contracts-list')
      .querySelector<HTMLElement>(
        '[data-url="https://docs.example.com/checkout/docs/contracts/Charge.md"]',
      )!;
    expect(charge).toHaveAttribute('data-broken', 'true');
    expect(charge).toHaveTextContent('Charge.md' + 'Target not found');
    expect(within(charge).queryByRole('button')).not.toBeInTheDocument();
    fireEvent.click(charge);
    expect(api.getDoc).not.toHaveBeenCalled();
    expect(screen.queryByTestId('contract-drawer')).not.toBeInTheDocument();
  });

  it('should say so when the doc links no contracts', async () => {
    await renderPanel({
      doc: loadDoc(
        '# Lonely\n\n## Purpose\n\nNothing is linked from here, on purpose.\n',
      ),
    });
    expect(screen.getByTestId('contracts-list')).toHaveTextContent(
      'Contracts' + 'No contracts linked from the Responsibilities table.',
    );
  });

  it('should open a contract in the drawer and fetch it by URL', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockResolvedValue({
      url: 'https://docs.example.com/checkout/docs/contracts/Refunds.md',
      content: '# Refunds contract\n\nRefunds are idempotent.\n',
    });
    await renderPanel({}, api);
    // Queried inside the contracts list: naming every button of the panel is slow.
    fireEvent.click(
      within(screen.getByTestId('contracts-list')).getByRole('button', {
        name: /^the refunds contract/,
      }),
    );
    const drawer = await screen.findByTestId('contract-drawer');
    expect(
      within(drawer).getByRole('heading', { name: 'the refunds contract' }),
    ).toBeInTheDocument();
    expect(api.getDoc).toHaveBeenCalledWith(
      'https://docs.example.com/checkout/docs/contracts/Refunds.md',
      {
        signal: expect.any(AbortSignal),
      },
    );
    expect(
      await within(drawer).findByTestId('architecture-markdown'),
    ).toHaveTextContent('Refunds contract');
  });

  it("should list the Related line's docs, then See also's, without externals, anchors or repeats", async () => {
    await renderPanel();
    const items = Array.from(
      screen
        .getByTestId('related-docs')
        .querySelectorAll<HTMLElement>('[data-url]'),
    );
    expect(attribute(items, 'data-url')).toEqual([
      'https://docs.example.com/payments/docs/architecture/Payments.md',
      'https://docs.example.com/checkout/docs/domain/Glossary.md',
      'https://docs.example.com/stock/docs/architecture/Stock.md',
    ]);
  });

  it("should route a related doc owned by an entity to that entity's architecture tab", async () => {
    await renderPanel();
    const related = screen.getByTestId('related-docs');
    const entityLink = related.querySelector(
      '[data-entity-ref="component:default/payments"]',
    );
    expect(entityLink).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/architecture',
    );
    expect(entityLink).toHaveTextContent('payments');
  });

  it('should open a related doc that no entity owns on its host, in a new tab', async () => {
    await renderPanel();
    const glossary = within(screen.getByTestId('related-docs')).getByRole(
      'link',
      { name: 'Glossary, Opens in a new window' },
    );
    expect(glossary).toHaveAttribute(
      'href',
      'https://docs.example.com/checkout/docs/domain/Glossary.md?view',
    );
    expect(glossary).toHaveAttribute('target', '_blank');
  });

  it('should mark a missing related doc as broken, without a link', async () => {
    await renderPanel({
      doc: loadDoc(MARKDOWN, {
        '../domain/Glossary.md': { status: 'missing' },
      }),
    });
    const glossary = screen
      .getByTestId('related-docs')
      .querySelector<HTMLElement>(
        '[data-url="https://docs.example.com/checkout/docs/domain/Glossary.md"]',
      )!;
    expect(glossary).toHaveAttribute('data-broken', 'true');
    expect(within(glossary).queryByRole('link')).not.toBeInTheDocument();
  });

  it('should group related systems and entities by where they are related', async () => {
    await renderPanel({
      entity: checkoutEntity([
        { type: 'partOf', targetRef: 'system:default/shop' },
        { type: 'dependsOn', targetRef: 'component:default/inventory' },
      ]),
    });
    const systems = screen.getByTestId('related-systems');
    const refs = (testId: string) =>
      attribute(
        Array.from(
          within(systems).getByTestId(testId).querySelectorAll('[data-ref]'),
        ),
        'data-ref',
      );
    expect(refs('drift-both')).toEqual(['system:default/shop']);
    expect(refs('drift-doc-only')).toEqual(['component:default/payments']);
    expect(refs('drift-catalog-only')).toEqual(['component:default/inventory']);
    expect(
      within(systems).getByText(
        'Linked in the doc but not related in the catalog',
      ),
    ).toBeInTheDocument();
  });

  it('should hide empty drift groups', async () => {
    await renderPanel({
      entity: checkoutEntity([
        { type: 'partOf', targetRef: 'system:default/shop' },
      ]),
    });
    expect(screen.getByTestId('drift-both')).toBeInTheDocument();
    expect(screen.queryByTestId('drift-catalog-only')).not.toBeInTheDocument();
  });

  it('should explain when neither the catalog nor the doc relates anything', async () => {
    await renderPanel({ doc: loadDoc(MARKDOWN) });
    expect(screen.getByTestId('related-systems-empty')).toBeInTheDocument();
  });

  it("should link to the doc's edit page on its host", async () => {
    await renderPanel();
    expect(screen.getByRole('link', { name: 'Edit on host' })).toHaveAttribute(
      'href',
      `${DOC_URL}?edit`,
    );
  });

  it('should close the contract drawer from its close button', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockResolvedValue({
      url: 'https://docs.example.com/checkout/docs/contracts/Refunds.md',
      content: '# R\n',
    });
    await renderPanel({}, api);
    // Queried inside the contracts list: naming every button of the panel is slow.
    fireEvent.click(
      within(screen.getByTestId('contracts-list')).getByRole('button', {
        name: /^the refunds contract/,
      }),
    );
    fireEvent.click(
      within(await screen.findByTestId('contract-drawer')).getByRole('button', {
        name: 'Close',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByTestId('contract-drawer')).not.toBeInTheDocument(),
    );
  });
});

describe('ArchitectureDocSidePanel with diagram participants', () => {
  const inventory: DiagramEntity = {
    ref: 'component:default/inventory',
    kind: 'Component',
    name: 'inventory',
    namespace: 'default',
    title: 'Inventory service',
    hasDoc: true,
    path: '/catalog/default/component/inventory/architecture',
  };
  const fraud: DiagramEntity = {
    ref: 'component:default/fraud',
    kind: 'Component',
    name: 'fraud',
    namespace: 'default',
    hasDoc: false,
    path: '/catalog/default/component/fraud',
  };
  const diagrams = (
    participants: DiagramEntities['participants'],
  ): DiagramEntitiesState => ({
    loading: false,
    diagrams: [{ source: 'sequenceDiagram', line: 5, participants }],
  });
  const participant = (label: string) => ({
    nodeId: label,
    label,
    names: [label],
  });

  it('should list each participant with its entity or "not in the catalog"', async () => {
    await renderPanel({
      diagrams: diagrams([
        { participant: participant('Inventory'), entity: inventory },
        { participant: participant('Shopper') },
        { participant: participant('Stock'), entity: inventory },
      ]),
    });
    const list = screen.getByTestId('diagram-systems');
    expect(
      within(list).getByText('Systems in the diagrams'),
    ).toBeInTheDocument();
    const items = Array.from(list.querySelectorAll('li'));
    expect(items.map(item => item.getAttribute('data-participant'))).toEqual([
      'Inventory',
      'Shopper',
    ]);
    expect(
      within(items[0]).getByRole('link', { name: 'Inventory service' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory/architecture',
    );
    expect(items[1]).toHaveTextContent('not in the catalog');
  });

  it('should say the diagrams are being looked up while the catalog answers', async () => {
    await renderPanel({ diagrams: { loading: true, diagrams: [] } });
    expect(screen.getByTestId('diagram-systems')).toHaveTextContent(
      'Looking the diagrams up in the catalog…',
    );
  });

  it('should say why nothing matched when the catalog failed', async () => {
    await renderPanel({
      diagrams: {
        ...diagrams([{ participant: participant('Inventory') }]),
        catalogError: new Error('catalog is down'),
      },
    });
    expect(screen.getByTestId('diagram-systems')).toHaveTextContent(
      "The catalog could not be asked for the diagrams' participants (catalog is down).",
    );
    expect(screen.queryByTestId('drift-unmentioned')).not.toBeInTheDocument();
  });

  it('should compare the diagrams with the catalog in the drift', async () => {
    await renderPanel({
      entity: checkoutEntity([
        { type: 'dependsOn', targetRef: 'component:default/inventory' },
        { type: 'dependsOn', targetRef: 'component:default/stock' },
      ]),
      diagrams: diagrams([
        { participant: participant('Inventory'), entity: inventory },
        { participant: participant('Fraud'), entity: fraud },
      ]),
    });
    const systems = screen.getByTestId('related-systems');
    const refs = (testId: string) =>
      attribute(
        Array.from(
          within(systems).getByTestId(testId).querySelectorAll('[data-ref]'),
        ),
        'data-ref',
      );
    expect(refs('drift-diagram-only')).toEqual(['component:default/fraud']);
    expect(refs('drift-unmentioned')).toEqual(['component:default/stock']);
    expect(refs('drift-catalog-only')).toEqual(['component:default/inventory']);
    expect(
      within(within(systems).getByTestId('drift-catalog-only')).getByText(
        /in the diagrams/,
      ),
    ).toBeInTheDocument();
  });

  it('should show no diagram list without diagrams', async () => {
    await renderPanel();
    expect(screen.queryByTestId('diagram-systems')).not.toBeInTheDocument();
  });
});
