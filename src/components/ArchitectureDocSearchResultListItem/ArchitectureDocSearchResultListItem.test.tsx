import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type { ResultHighlight } from '@backstage/plugin-search-common';
import {
  ARCHITECTURE_DOC_SEARCH_TYPE,
  type ArchitectureDocSearchDocument,
} from 'backstage-plugin-architecture-docs-common/client';
import { ArchitectureDocSearchResultListItem } from './ArchitectureDocSearchResultListItem';

const TAB = '/catalog/default/component/inventory-service/architecture';

/** A search document as the collator writes it. */
function searchDocument(
  overrides: Partial<ArchitectureDocSearchDocument> = {},
): ArchitectureDocSearchDocument {
  return {
    title: 'Inventory service architecture',
    text: 'Keeps stock levels for every warehouse and reserves stock for orders.',
    location: TAB,
    entityRef: 'component:default/inventory-service',
    entityTitle: 'Inventory service',
    kind: 'Component',
    namespace: 'default',
    name: 'inventory-service',
    owner: 'group:default/logistics',
    system: 'system:default/fulfilment',
    lifecycle: 'production',
    score: 72,
    missing: ['Security and compliance'],
    placeholder: ['Testing strategy'],
    sections: [
      {
        title: 'Purpose',
        status: 'present',
        location: `${TAB}#purpose`,
      },
      {
        title: 'Testing strategy',
        status: 'placeholder',
        location: `${TAB}#testing-strategy`,
      },
      { title: 'Security and compliance', status: 'missing' },
    ],
    ...overrides,
  };
}

async function renderItem(
  document: object | undefined,
  highlight?: ResultHighlight,
) {
  return renderInTestApp(
    <ArchitectureDocSearchResultListItem
      result={document as ArchitectureDocSearchDocument | undefined}
      highlight={highlight}
      rank={1}
    />,
  );
}

describe('ArchitectureDocSearchResultListItem', () => {
  it('should link the doc title to the architecture tab', async () => {
    await renderItem(searchDocument());
    expect(
      screen.getByRole('link', { name: 'Inventory service architecture' }),
    ).toHaveAttribute('href', TAB);
  });

  it('should show the entity, the score, kind, owner and lifecycle', async () => {
    await renderItem(searchDocument());
    expect(
      screen.getByTestId('architecture-doc-search-entity'),
    ).toHaveTextContent(
      'Inventory service (component:default/inventory-service)',
    );
    expect(
      screen.getByTestId('architecture-doc-search-score'),
    ).toHaveTextContent('Score 72');
    expect(screen.getByText('Kind: Component')).toBeInTheDocument();
    expect(
      screen.getByText('Owner: group:default/logistics'),
    ).toBeInTheDocument();
    expect(screen.getByText('Lifecycle: production')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Keeps stock levels for every warehouse and reserves stock for orders.',
      ),
    ).toBeInTheDocument();
  });

  it('should list the missing sections by name, unlinked when they have no place on the tab', async () => {
    await renderItem(searchDocument());
    const missing = screen.getByTestId('architecture-doc-search-missing');
    expect(missing).toHaveTextContent('Missing:Security and compliance');
    expect(within(missing).queryByRole('link')).toBeNull();
    expect(
      within(missing).getByRole('list', { name: 'Missing:' }),
    ).toBeInTheDocument();
  });

  it('should link each placeholder section to its place on the tab', async () => {
    await renderItem(searchDocument());
    const placeholders = screen.getByTestId(
      'architecture-doc-search-placeholders',
    );
    expect(
      within(placeholders).getByRole('link', { name: 'Testing strategy' }),
    ).toHaveAttribute('href', `${TAB}#testing-strategy`);
  });

  it('should link a missing section when the document gives it a place', async () => {
    await renderItem(
      searchDocument({
        sections: [
          {
            title: 'Security and compliance',
            status: 'missing',
            location: `${TAB}#security-and-compliance`,
          },
        ],
      }),
    );
    expect(
      screen.getByRole('link', { name: 'Security and compliance' }),
    ).toHaveAttribute('href', `${TAB}#security-and-compliance`);
  });

  it('should say when every section is present', async () => {
    await renderItem(searchDocument({ missing: [], placeholder: [] }));
    expect(
      screen.getByText('Every template section present'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('architecture-doc-search-missing')).toBeNull();
  });

  it('should say "Not scored yet" for a doc without a score', async () => {
    await renderItem(
      searchDocument({ score: undefined, missing: [], placeholder: [] }),
    );
    expect(
      screen.getByTestId('architecture-doc-search-score'),
    ).toHaveTextContent('Not scored yet');
    expect(screen.queryByText('Every template section present')).toBeNull();
  });

  it("should mark the query's terms in the title and the text", async () => {
    await renderItem(searchDocument(), {
      preTag: '<b>',
      postTag: '</b>',
      fields: {
        title: '<b>Inventory</b> service architecture',
        text: 'Keeps <b>stock</b> levels for every warehouse',
      },
    });
    const link = screen.getByRole('link', {
      name: 'Inventory service architecture',
    });
    expect(link.querySelector('mark')).toHaveTextContent(/^Inventory$/);
    const marks = Array.from(document.querySelectorAll('mark')).map(
      mark => mark.textContent,
    );
    expect(marks).toEqual(['Inventory', 'stock']);
    expect(document.body).not.toHaveTextContent('<b>');
  });

  it('should render nothing without a document', async () => {
    await renderItem(undefined);
    expect(screen.queryByTestId('architecture-doc-search-result')).toBeNull();
  });

  describe('with hostile documents', () => {
    it('should render HTML in the title, the text and section names as text', async () => {
      await renderItem(
        searchDocument({
          title: '<img src=x onerror="alert(1)">Docs',
          text: '<script>alert(2)</script>',
          missing: ['<a href="javascript:alert(3)">Security</a>'],
        }),
      );
      expect(document.querySelector('img')).toBeNull();
      expect(document.querySelector('script')).toBeNull();
      expect(
        screen.getByRole('link', {
          name: '<img src=x onerror="alert(1)">Docs',
        }),
      ).toHaveAttribute('href', TAB);
      expect(
        screen.getByTestId('architecture-doc-search-missing'),
      ).toHaveTextContent('<a href="javascript:alert(3)">Security</a>');
      expect(
        within(
          screen.getByTestId('architecture-doc-search-missing'),
        ).queryByRole('link'),
      ).toBeNull();
    });

    it.each([
      // eslint-disable-next-line no-script-url
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/phish',
      '/\\evil.example/phish',
    ])('should not link the title or a section to %j', async location => {
      await renderItem(
        searchDocument({
          location,
          sections: [
            { title: 'Testing strategy', status: 'placeholder', location },
          ],
        }),
      );
      expect(screen.queryAllByRole('link')).toEqual([]);
      expect(
        screen.getByText('Inventory service architecture'),
      ).toBeInTheDocument();
      expect(
        screen.getByTestId('architecture-doc-search-placeholders'),
      ).toHaveTextContent('Testing strategy');
    });

    it('should show the text without marks when the highlight tags are not tags', async () => {
      await renderItem(searchDocument(), {
        preTag: '[(',
        postTag: ')]',
        fields: { title: '[(Inventory)] service architecture' },
      });
      expect(document.querySelector('mark')).toBeNull();
      expect(
        screen.getByRole('link', { name: 'Inventory service architecture' }),
      ).toBeInTheDocument();
    });

    it('should leave out fields of the wrong type', async () => {
      await renderItem({
        ...searchDocument(),
        type: ARCHITECTURE_DOC_SEARCH_TYPE,
        score: '80',
        owner: { name: 'team' },
        missing: ['Context', 42, null, { title: 'x' }],
        placeholder: 'Testing strategy',
        sections: 'none',
      });
      expect(
        screen.getByTestId('architecture-doc-search-score'),
      ).toHaveTextContent('Not scored yet');
      expect(screen.queryByText(/^Owner:/)).toBeNull();
      expect(
        screen.getByTestId('architecture-doc-search-missing'),
      ).toHaveTextContent('Missing:Context');
      expect(
        screen.queryByTestId('architecture-doc-search-placeholders'),
      ).toBeNull();
    });

    it.each([Number.NaN, -1, 101, Infinity])(
      'should show a score of %p as not scored',
      async score => {
        await renderItem(searchDocument({ score }));
        expect(
          screen.getByTestId('architecture-doc-search-score'),
        ).toHaveTextContent('Not scored yet');
      },
    );
  });
});
