import {
  type TemplateModel,
  analyzeCoverageContent,
  type CoverageAnalysis,
} from 'backstage-plugin-architecture-docs-common';

/** A message to an analysis worker: the template to analyse against, or a doc. */
export type AnalysisRequest =
  | { type: 'template'; template: TemplateModel }
  | { type: 'analyze'; id: number; content: string; url: string };

/** A worker's answer to one `analyze` request. */
export type AnalysisResponse =
  { id: number; analysis: CoverageAnalysis } | { id: number; error: string };

/** A worker's word about itself: it can analyse, or it could not load the parser. */
export type WorkerStatus =
  { status: 'ready' } | { status: 'failed'; reason: string };

/**
 * What an analysis worker does with each message: keeps the template, and
 * answers every doc with its analysis or the reason it failed. Never throws.
 */
export function createAnalysisHandler(): (
  request: AnalysisRequest,
) => AnalysisResponse | undefined {
  let template: TemplateModel | undefined;
  return request => {
    if (request?.type === 'template') {
      template = request.template;
      return undefined;
    }
    if (request?.type !== 'analyze') return undefined;
    try {
      if (!template) throw new Error('no template was sent before the doc');
      return {
        id: request.id,
        analysis: analyzeCoverageContent(
          request.content,
          request.url,
          template,
        ),
      };
    } catch (error) {
      return {
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  };
}
