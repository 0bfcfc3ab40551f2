// The package's public values, pinned by name: a change to either list is a
// change to the public API and must be made here on purpose (the types are
// pinned by the API reports, report.api.md and report-alpha.api.md).
import * as main from './index';
import * as alpha from './alpha';

describe('the public API', () => {
  it('exports exactly these values from the main entry point', () => {
    expect(Object.keys(main).sort()).toEqual(
      [
        'ANALYSIS_WORK_LIMIT',
        'ARC42_SECTION_ALIASES',
        'ARCHITECTURE_DOC_ANNOTATION',
        'ARCHITECTURE_DOC_SEARCH_TYPE',
        'ArchitectureDocSearchResultListItem',
        'ArchitectureDocError',
        'ArchitectureDocsBackendClient',
        'ArchitectureDocsClient',
        'ArchitectureDocsPage',
        'BUILT_IN_TEMPLATE_NAMES',
        'DEFAULT_ARCHITECTURE_DOCS_CONFIG',
        'DEFAULT_SECTION_ALIASES',
        'DEFAULT_TEMPLATE_MARKDOWN',
        'EntityArchitectureDocCard',
        'EntityArchitectureDocContent',
        'RENDER_LIMITS',
        'SECTION_STATUSES',
        'TemplateError',
        'analyzeArchitectureDoc',
        'arc42TemplateModel',
        'architectureDocsApiRef',
        'architectureDocsBackendApiRef',
        'architectureDocsPlugin',
        'architectureDocsRouteRef',
        'builtInTemplateModel',
        'defaultTemplateModel',
        'getArchitectureDocRef',
        'isArchitectureDocAvailable',
        'parseTemplate',
        'readArchitectureDocsConfig',
        'templateFromSections',
      ].sort(),
    );
  });

  it('exports exactly these values from /alpha', () => {
    expect(Object.keys(alpha).sort()).toEqual(
      [
        'architectureDocsApi',
        'architectureDocsBackendApi',
        'architectureDocsEntityCard',
        'architectureDocsEntityContent',
        'architectureDocsPage',
        'architectureDocsSearchResultListItem',
        'architectureDocsSearchResultType',
        'architectureDocsTranslationRef',
        'default',
      ].sort(),
    );
  });
});
