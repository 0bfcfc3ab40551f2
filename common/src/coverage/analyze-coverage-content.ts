import { analyzeParsedDoc, parseArchitectureDoc } from '../analysis';
import { isCheckableLink } from '../analysis';
import { decodedUrlPath } from '../safe-decode';
import { exceedsAnalysisBudget, tooComplexToAnalyze } from '../analysis';
import type { SectionStatus, TemplateModel } from '../analysis';

/**
 * What the catalog-wide page keeps of one doc's analysis. Plain data, so it
 * can be computed in a worker and sent back.
 * @public
 */
export interface CoverageAnalysis {
  /** 0–100. */
  score: number;
  /** Section statuses in template order. */
  sections: SectionStatus[];
  /** Whether any template section was recognised. */
  isArchitectureDoc: boolean;
  /** Targets of the doc's safe relative doc and contract links, as written, deduplicated. */
  linkTargets: string[];
  /** Set when the doc is past the analysis bound: why it was not analysed (the rest is empty). */
  tooComplex?: string;
}

/**
 * Parses and analyses one doc for the catalog-wide page: one parse, one
 * analysis. Needs no API, so it runs as well in a worker as on the page.
 * @public
 */
export function analyzeCoverageContent(
  content: string,
  url: string,
  template: TemplateModel,
): CoverageAnalysis {
  // The same bound as the entity page and the command-line check; it also
  // keeps each doc of the main-thread fallback one short task.
  const excess = exceedsAnalysisBudget(content);
  if (excess)
    return {
      score: 0,
      sections: [],
      isArchitectureDoc: false,
      linkTargets: [],
      tooComplex: tooComplexToAnalyze(excess),
    };
  const report = analyzeParsedDoc(parseArchitectureDoc(content), {
    template,
    path: decodedUrlPath(url),
  });
  const linkTargets = new Set<string>();
  for (const link of report.links) {
    if (isCheckableLink(link)) linkTargets.add(link.target);
  }
  return {
    score: report.score,
    sections: report.sections.map(section => section.status),
    isArchitectureDoc: report.isArchitectureDoc,
    linkTargets: [...linkTargets],
  };
}
