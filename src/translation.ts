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
    },
  },
});
