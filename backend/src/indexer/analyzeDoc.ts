import {
  buildCoverageRow,
  decodedUrlPath,
  isCheckableLink,
  resolveLinkUrl,
  type CoverageEntity,
  type ScmResolveUrl,
  type TemplateModel,
} from 'backstage-plugin-architecture-docs-common';
import type { AnalysedDoc } from '../store/types';
import {
  analyzeContent,
  type ContentAnalysis,
  type ContentToAnalyze,
} from './analysisPool';
import type { LinkTargetExists } from './linkChecks';

/** The doc as read, to analyze. */
export interface DocToAnalyze {
  entity: CoverageEntity;
  docUrl: string;
  content: string;
  contentHash: string;
  etag?: string;
}

/** What {@link analyzeDoc} analyses with. */
export interface AnalyzeDocContext {
  template: TemplateModel;
  /** Resolves a relative link against the doc's URL, as the SCM integrations do. */
  resolveUrl: ScmResolveUrl;
  /** Whether a link target exists; undefined when that cannot be told. */
  linkExists(url: string): Promise<LinkTargetExists>;
  /**
   * Runs the analyzer on the text (an {@link AnalysisPool}'s worker threads);
   * default: {@link analyzeContent} in this thread.
   */
  analyzeContent?(input: ContentToAnalyze): Promise<ContentAnalysis>;
}

/**
 * The analysis of a doc, or why it was not analysed: a doc past the
 * analysis bound (the same bound as the entity page and the command-line
 * check) is refused rather than analysed in part.
 */
export type DocAnalysis =
  | {
      kind: 'analysed';
      doc: AnalysedDoc;
      /**
       * Per link of the report, in order: the URL of its target when it is
       * a relative doc or contract link (without the fragment).
       */
      linkUrls: Array<string | undefined>;
    }
  | { kind: 'too-complex'; message: string };

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

/**
 * Analyses a doc against the template with the common analyzer, checks its
 * relative doc and contract links, and derives the figures the coverage rows
 * are filtered and sorted on (with `buildCoverageRow`, as the catalog-wide
 * page derives them). Each link in the report says whether its target exists
 * when that could be told.
 */
export async function analyzeDoc(
  doc: DocToAnalyze,
  context: AnalyzeDocContext,
): Promise<DocAnalysis> {
  const { template } = context;
  const input = {
    content: doc.content,
    path: decodedUrlPath(doc.docUrl),
    template,
  };
  const analysis = context.analyzeContent
    ? await context.analyzeContent(input)
    : analyzeContent(input);
  if (analysis.kind === 'too-complex') return analysis;
  const { report } = analysis;

  const linkUrls = report.links.map(link => {
    if (!isCheckableLink(link)) return undefined;
    const url = resolveLinkUrl(link.target, doc.docUrl, context.resolveUrl);
    return url === undefined ? undefined : withoutFragment(url);
  });
  const targets = [
    ...new Set(linkUrls.filter((url): url is string => url !== undefined)),
  ];
  const linkStatus = new Map<string, boolean>();
  await Promise.all(
    targets.map(async url => {
      const exists = await context.linkExists(url);
      if (exists !== undefined) linkStatus.set(url, exists);
    }),
  );
  linkExistence(linkUrls, linkStatus).forEach((exists, index) => {
    if (exists !== undefined) report.links[index].exists = exists;
  });

  const row = buildCoverageRow(
    doc.entity,
    {
      status: 'analysed',
      score: report.score,
      sections: report.sections.map(section => section.status),
      linkTargets: targets,
    },
    template,
    linkStatus,
  );
  return {
    kind: 'analysed',
    doc: {
      docUrl: doc.docUrl,
      etag: doc.etag,
      contentHash: doc.contentHash,
      source: doc.content,
      report,
      score: report.score,
      sectionStatus: row.sectionStatus,
      missing: row.missing,
      placeholder: row.placeholder,
      isArchitectureDoc: report.isArchitectureDoc,
      brokenLinks: row.brokenLinks,
    },
    linkUrls,
  };
}

/**
 * Whether each link's target exists, index for index with `linkUrls`:
 * undefined for a link that is not checked or whose target is unknown.
 */
export function linkExistence(
  linkUrls: ReadonlyArray<string | undefined>,
  linkStatus: ReadonlyMap<string, boolean | undefined>,
): Array<boolean | undefined> {
  return linkUrls.map(url =>
    url === undefined ? undefined : linkStatus.get(url),
  );
}
