import { mockServices } from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { TestPipeline } from '@backstage/plugin-search-backend-node';
import type {
  IndexedDocSummary,
  IndexedDocsPageResponse,
} from 'backstage-plugin-architecture-docs-common';
import { ArchitectureDocsCollatorFactory } from './ArchitectureDocsCollatorFactory';

function summary(name: string, text: string): IndexedDocSummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    title: name,
    owner: 'group:default/team-a',
    system: '',
    lifecycle: '',
    docTitle: `${name} architecture`,
    score: 40,
    sections: [
      { id: 'context', title: 'Context', status: 'present', anchor: 'context' },
    ],
    missing: [],
    placeholder: [],
    brokenLinks: 0,
    failingDiagrams: 0,
    changedAt: null,
    text,
  };
}

const PAGES: Record<string, IndexedDocsPageResponse> = {
  first: {
    items: [summary('alpha', 'Alpha takes orders.')],
    nextCursor: 'second',
    templateSections: [],
    indexedAt: null,
  },
  second: {
    items: [summary('bravo', 'Bravo ships parcels.')],
    templateSections: [],
    indexedAt: null,
  },
};

function collatorFactory(fetchFn: typeof fetch) {
  return new ArchitectureDocsCollatorFactory({
    discovery: mockServices.discovery(),
    auth: mockServices.auth({ pluginId: 'search' }),
    logger: mockServices.logger.mock(),
    fetch: fetchFn,
  });
}

describe('ArchitectureDocsCollatorFactory', () => {
  it('should declare the architecture doc type and the catalog read permission', () => {
    const factory = collatorFactory(jest.fn());
    expect(factory.type).toBe('architecture-doc');
    expect(factory.visibilityPermission).toBe(catalogEntityReadPermission);
  });

  it('should collate one document per indexed doc over every page, with its text', async () => {
    const fetchFn = jest.fn(async (input: Parameters<typeof fetch>[0]) => {
      const url = new URL(String(input));
      expect(url.searchParams.get('text')).toBe('true');
      const pageBody = PAGES[url.searchParams.get('cursor') ?? 'first'];
      return new Response(JSON.stringify(pageBody), {
        headers: { 'Content-Type': 'application/json' },
      });
    });
    const collator = await collatorFactory(fetchFn).getCollator();

    const { documents, error } =
      await TestPipeline.fromCollator(collator).execute();

    expect(error).toBeUndefined();
    expect(documents).toEqual([
      expect.objectContaining({
        title: 'alpha architecture',
        text: 'Alpha takes orders.',
        location: '/catalog/default/component/alpha/architecture',
        entityRef: 'component:default/alpha',
        owner: 'group:default/team-a',
        score: 40,
      }),
      expect.objectContaining({
        title: 'bravo architecture',
        text: 'Bravo ships parcels.',
        location: '/catalog/default/component/bravo/architecture',
      }),
    ]);
  });

  it('should fail the collation when the backend cannot be read', async () => {
    const collator = await collatorFactory(
      jest.fn(async () => new Response('down', { status: 503 })),
    ).getCollator();
    const { error } = await TestPipeline.fromCollator(collator).execute();
    expect(error).toMatchObject({ name: 'ResponseError', statusCode: 503 });
  });
});
