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
    tab: {
      edit: 'Edit',
      linkRemoved: 'Link removed: its target is not a safe URL',
      linkBroken: 'Broken link: the target was not found',
    },
    config: {
      problemsTitle: 'Configuration problems (defaults used instead):',
    },
    states: {
      retry: 'Retry',
      signIn: 'Sign in to {{host}}',
      signInFailed: 'Sign-in failed: {{message}}',
      location: 'Location: {{url}}',
      noAnnotation: {
        title: 'No architecture doc linked',
        description:
          "Add the {{annotation}} annotation to this entity's catalog-info.yaml, with the doc's path relative to that file or an absolute URL:",
      },
      loading: 'Loading the architecture doc…',
      notFound: {
        title: 'The architecture doc does not exist yet',
        descriptionWithHost:
          '{{host}} answered "not found". If the repository is private, sign in and try again; otherwise create the doc from the template.',
        description:
          'Create the doc from the template at this path, or fix the annotation to point at the existing doc.',
        create: 'Create from template',
      },
      signInNeeded: {
        title: 'Sign in to {{host}} to read this doc',
        titleWithoutHost: 'This doc is not public',
      },
      timeout: {
        title: 'The doc took longer than {{seconds}} s to load',
        description:
          'The host did not answer in time. It may be slow or unreachable; try again, or raise architectureDocs.fetch.timeoutMs.',
      },
      tooLarge: {
        title: 'The doc is larger than the {{mebibytes}} MiB limit',
        description:
          'Architecture docs are usually a few kilobytes. Open it on its host, split it, or raise architectureDocs.fetch.maxBytes.',
      },
      tooComplex: {
        title: 'The doc is too complex to show here',
        description:
          'It holds {{found}} {{kind}}; the entity page shows docs with up to {{limit}}, so that reading it never holds up the page. Open it on its host, or split it.',
        scored: 'Its analysis and score are shown all the same.',
        notAnalysed:
          'It takes {{found}} units of parser work (lines, characters and markup); docs are analysed with up to {{limit}}, so that checking one never holds up the page. It has no score here, on the card, on the catalog page or in the command-line check. Open it on its host, or split it.',
        kinds: {
          headings: 'headings',
          links: 'links and images',
          definitions: 'link reference definitions',
          tableCells: 'table cells',
          delimiters: 'emphasis and bracket marks',
          autolinks: 'bare URLs, www hosts and email addresses',
          inlineMarkup: 'HTML, character reference, escape and code span marks',
          diagrams: 'Mermaid diagrams',
          nesting: 'levels of list, quote and indentation nesting',
        },
      },
      unexpectedContent: {
        title: 'The location does not serve a markdown doc',
        description:
          '{{message}} A login page or a file viewer may be answering instead of the raw file; point the annotation at the markdown file itself.',
      },
      invalidLocation: {
        title: 'The doc location cannot be used',
      },
      failed: {
        title: 'The architecture doc could not be loaded',
        retryAfter: 'The host asked to wait {{seconds}} s before trying again.',
      },
      empty: {
        title: 'The architecture doc is empty',
        description:
          'The file at {{url}} exists but has no content. Fill it in from the template: every section you add shows up here.',
        edit: 'Edit on host',
      },
      notArchitectureDoc: {
        title: 'This does not look like an architecture doc',
        description:
          "Fewer than two of the template's sections were found by their headings. Check that the annotation points at the right file, or restructure the doc along the template.",
      },
    },
    card: {
      title: 'Architecture doc',
      openTab: 'Open architecture',
      empty: 'No architecture doc to show.',
      notArchitectureDoc: 'This doc does not follow the architecture template.',
      missing: 'Missing:',
      placeholders: 'Placeholders:',
      noBrokenLinks: 'No broken links',
      brokenLinks_one: '{{count}} broken link',
      brokenLinks_other: '{{count}} broken links',
      error: {
        noAnnotation: 'No architecture doc is linked to this entity.',
        notFound: 'The architecture doc does not exist yet.',
        signInNeeded: 'Sign in to {{host}} to read the architecture doc.',
        signInNeededWithoutHost: 'Sign in to read the architecture doc.',
        timeout: 'The host did not answer in time.',
        tooLarge: 'The architecture doc is too large to analyse.',
        tooComplex: 'The architecture doc is too complex to analyse.',
        unexpectedContent:
          'The architecture doc link does not point at a text document.',
        invalidLocation: 'The architecture doc location cannot be used.',
        failed: 'The architecture doc could not be loaded: {{message}}',
      },
    },
    search: {
      entity: '{{entity}} ({{entityRef}})',
      score: 'Score {{score}}',
      notScored: 'Not scored yet',
      kind: 'Kind: {{kind}}',
      owner: 'Owner: {{owner}}',
      lifecycle: 'Lifecycle: {{lifecycle}}',
      missing: 'Missing:',
      placeholders: 'Placeholders:',
      complete: 'Every template section present',
    },
    score: {
      present: '{{present}} of {{total}} sections present',
      gaps: '{{placeholders}}, {{missing}} missing',
      gaugeLabel:
        'Completeness {{score}} percent, {{present}} of {{total}} sections present',
      placeholders_one: '{{count}} placeholder',
      placeholders_other: '{{count}} placeholders',
    },
    panel: {
      title: 'Completeness',
      editOnHost: 'Edit on host',
      sections: 'Sections',
      targetNotFound: 'Target not found',
      targetNotFoundInFile: '{{fileName}} · target not found',
      cannotFollow: 'Link cannot be followed',
      contracts: {
        title: 'Contracts',
        empty: 'No contracts linked from the Responsibilities table.',
        otherLinks: 'Other contract links',
      },
      diagramSystems: {
        title: 'Systems in the diagrams',
        loading: 'Looking the diagrams up in the catalog…',
        empty: 'The diagrams name no participants.',
        notInCatalog: 'not in the catalog',
        catalogFailed:
          "The catalog could not be asked for the diagrams' participants ({{message}}).",
      },
      relatedDocs: {
        title: 'Related docs',
        empty: 'No related docs linked from the Related line or See also.',
      },
      relatedSystems: {
        title: 'Related systems',
        empty:
          "The catalog relates this entity to no system, dependency or API, and the doc links no other entity's architecture doc.",
        both: 'In the catalog and the doc',
        docOnly: 'Linked in the doc but not related in the catalog',
        catalogOnly: 'Related in the catalog but not linked in the doc',
        diagramOnly: 'In the diagrams but not related in the catalog',
        notMentioned: 'Related in the catalog but in no diagram and no link',
        inDiagrams: 'in the diagrams',
        linked_one: 'linked once',
        linked_other: 'linked {{count}} times',
      },
    },
    checklist: {
      status: {
        present: 'Present',
        placeholder: 'Placeholder',
        missing: 'Missing',
      },
      headingAs: 'as “{{heading}}”',
    },
    drawer: {
      openOnHost: 'Open on host',
      close: 'Close',
      retry: 'Retry',
      signIn: 'Sign in to {{host}}',
      signInFailed: 'Sign-in failed: {{message}}',
      unknownHost: 'its host',
      notFound: {
        title: 'Contract not found',
        detail:
          'Nothing was found at {{url}}. The link in the doc may be out of date.',
      },
      signInNeeded: {
        title: 'Sign-in needed',
        detail: 'Sign in to {{host}} to read this contract.',
      },
      timeout: {
        title: 'The host did not answer in time',
        detail: 'The contract could not be fetched before the time limit.',
      },
      tooLarge: {
        title: 'Contract too large to show',
        detail: 'Open it on its host instead.',
      },
      unexpectedContent: {
        title: 'Not a markdown document',
        detail:
          'The link points at something other than a text document. Open it on its host instead.',
      },
      invalidLocation: {
        title: 'Unusable link',
        detail: 'The link cannot be turned into a URL: {{message}}',
      },
      failed: {
        title: 'The contract could not be loaded',
      },
    },
    diagram: {
      drawing: 'Drawing diagram…',
      drawingLabel: 'Drawing diagram',
      errorTitle: 'Diagram could not be drawn',
      source: 'Mermaid source:',
      sourceFromLine: 'Mermaid source, starting on line {{line}} of the doc:',
      label: 'Mermaid diagram',
      labelOfKind: 'Mermaid {{kind}} diagram',
      labelWithParticipants: '{{diagram}}: {{participants}}{{more}}',
      moreParticipants_one: ' and {{count}} more',
      moreParticipants_other: ' and {{count}} more',
      showSource: "Show the diagram's source",
      hideSource: "Hide the diagram's source",
      libraryFailed:
        'The diagram library could not be loaded ({{message}}). Reload the page to try again.',
      noMessage: 'Mermaid reported an error without a message.',
      invalidSvg: 'Mermaid returned a drawing that is not valid SVG.',
      nodeLink: '{{name}} ({{kind}}) in the catalog',
      nodeLinkLabelled: '{{text}}: {{name}} ({{kind}}) in the catalog',
      card: {
        kind: 'Kind',
        owner: 'Owner',
        lifecycle: 'Lifecycle',
        unknown: 'not set',
        opensTab: 'Opens its architecture doc',
        opensPage: 'Opens its catalog page',
      },
    },
    callout: {
      missingSection: 'Missing section: {{section}}',
      placeholder: {
        empty: 'Placeholder: no content',
        todo: 'Placeholder: only TODO/TBD',
        guidance: "Placeholder: still the template's guidance",
      },
    },
    markdown: {
      headingLink: 'Link to this section',
      imageNotShown: 'Image not shown: only http(s) images are displayed',
    },
    page: {
      title: 'Architecture docs',
      subtitle:
        'Which components have an architecture doc, and how complete it is',
      progress: {
        loadingCatalog: 'Loading the catalog…',
        scanning: 'Analysed {{done}} of {{total}} docs',
        finished: 'Analysed all {{total}} docs',
        revalidating:
          'Saved results shown; checking {{count}} docs for changes',
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
        more: 'More filters',
        moreSet: 'More filters ({{count}})',
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
        sections: 'Sections',
        brokenLinks: 'Broken links',
        owner: 'Owner',
        system: 'System',
        lifecycle: 'Lifecycle',
      },
      strip: {
        label:
          'Sections: {{present}} present, {{placeholder}} placeholder, {{missing}} missing',
        cell: '{{section}}: {{status}}',
      },
      table: {
        title: '{{shown}} of {{total}} entities',
        exportCsv: 'Export CSV',
        linksUnchecked: 'not checked yet',
        statusTooltip: '{{status}}: {{message}}',
        loading: 'Loading the table',
      },
      summary: {
        title: 'Section coverage',
        subtitle:
          'Of {{count}} analysed docs in this view: how many have each section. Click a bar to list the docs.',
        row: '{{section}}: {{present}} present, {{placeholder}} placeholder, {{missing}} missing',
        segment:
          '{{summary}}. Lists the {{docs}} docs where the section is {{status}}',
        viewSwitch: 'Show coverage',
        bySection: 'By section',
        byOwner: 'By owner',
      },
      owners: {
        subtitle:
          "Of {{count}} analysed docs in this view, by owner: the share of each owner's docs that have each section. Click a cell to list that owner's docs missing the section.",
        caption: 'Section coverage by owner',
        owner: 'Owner',
        docs: 'Docs',
        cell: '{{owner}}, {{section}}: {{percent}} present ({{present}} of {{docs}} docs). Lists the {{missing}} docs where it is missing',
      },
      empty: {
        title: 'No entity to list',
        description:
          'The catalog has no entity of the kinds {{kinds}} (architectureDocs.coverage.kinds).',
      },
    },
    index: {
      indexedAgo: 'Indexed {{ago}}',
      notIndexedYet: 'Not indexed yet',
      readAgo: 'Read {{ago}}',
      changedAgo: 'changed {{ago}}',
      staleTitle: 'Shown from an earlier read',
      stale:
        'The last read ({{ago}}) failed: {{message}} The report shown is from the read before, and may be out of date.',
      staleRow: 'From an earlier read; the last read failed: {{message}}',
      refresh: 'Read now',
      refreshing: 'Reading the doc…',
      refreshFailed: 'The doc could not be read again: {{message}}',
      notIndexed: {
        title: 'This doc has not been indexed yet',
        description:
          "The architecture docs backend has not read this entity's doc yet (or you may not read the entity). It reads every doc on its schedule; read it now to see it at once.",
      },
      unreachable: 'The architecture docs backend could not be used',
      history: {
        title: 'History',
        subtitle:
          'Average score and section coverage of the filtered view, per day',
        empty: 'No history yet: the backend records one point per day.',
        chartLabel:
          "Line chart of the average score and each section's coverage, in percent, from {{from}} to {{to}}",
        tableCaption: 'History of the filtered view',
        day: 'Day',
        docs: 'Docs',
        score: 'Average score',
        showTable: 'Show as a table',
        hideTable: 'Hide the table',
      },
    },
    errorBoundary: {
      title: {
        tab: 'The architecture doc could not be shown',
        card: 'The architecture doc summary could not be shown',
        page: 'The architecture docs overview could not be shown',
        drawer: 'The contract could not be shown',
      },
      description:
        'This view hit an unexpected error; the rest of the page still works. Try again, or report the problem with the error details above.',
      retry: 'Try again',
      report: 'Report the problem',
    },
  },
});
