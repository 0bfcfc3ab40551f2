import { createTranslationRef } from '@backstage/core-plugin-api/alpha';

/**
 * Every user-facing string of the plugin. An app overrides wording with
 * `createTranslationMessages({ ref: architectureDocsTranslationRef, messages })`
 * (or `createTranslationResource` for other languages).
 *
 * @alpha
 */
export const architectureDocsTranslationRef = createTranslationRef({
  id: 'architecture-docs',
  messages: {
    page: {
      title: 'Architecture docs',
      subtitle: 'Which components have an architecture doc, and how complete it is',
      progress: {
        scanning: 'Analysed {{done}} of {{total}} docs',
        finished: 'Analysed all {{total}} docs',
        revalidating: 'Saved results shown; checking {{count}} docs for changes',
        links: 'Checking linked docs: {{done}} of {{total}}',
      },
      filters: {
        search: 'Search',
        owner: 'Owner',
        system: 'System',
        lifecycle: 'Lifecycle',
        status: 'Doc status',
        section: 'Section',
        sectionStatus: 'Section is',
        minScore: 'Min score',
        maxScore: 'Max score',
        any: 'Any',
        clear: 'Clear filters',
      },
      status: {
        pending: 'Waiting',
        noAnnotation: 'No annotation',
        notFound: 'Not found',
        signInNeeded: 'Sign-in needed',
        error: 'Error',
        analysed: 'Analysed',
      },
      sectionStatus: {
        present: 'present',
        placeholder: 'placeholder',
        missing: 'missing',
      },
      columns: {
        entity: 'Entity',
        status: 'Doc status',
        score: 'Score',
        missing: 'Missing sections',
        placeholder: 'Placeholder sections',
        brokenLinks: 'Broken links',
        owner: 'Owner',
        system: 'System',
        lifecycle: 'Lifecycle',
      },
      table: {
        title: '{{shown}} of {{total}} entities',
        exportCsv: 'Export CSV',
        linksUnchecked: 'not checked yet',
      },
      summary: {
        title: 'Section coverage',
        subtitle: 'Of {{count}} analysed docs in this view: how many have each section. Click a bar to list the docs.',
        segment: '{{section}}: {{count}} {{status}}',
      },
      empty: {
        title: 'No entity to list',
        description:
          'The catalog has no entity of the kinds {{kinds}} (architectureDocs.coverage.kinds).',
      },
    },
  },
});
