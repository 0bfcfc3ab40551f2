import { ResponseError } from '@backstage/errors';
import {
  exceedsRenderBudget,
  parseArchitectureDoc,
  tooComplexToAnalyze,
} from 'backstage-plugin-architecture-docs-common/analysis';
import {
  type IndexedDocError,
  type IndexedEntityDocResponse,
} from 'backstage-plugin-architecture-docs-common/client';
import {
  ArchitectureDocError,
  type ArchitectureDocErrorKind,
  type ArchitectureDocLocation,
  type ArchitectureDocsApi,
} from '../api';
import { asDocError } from './doc-error';
import type { LoadedArchitectureDoc, ResolvedDocLink } from './loaded-doc';

/**
 * The entity page's error kind for each way the backend's last read failed.
 * Signing in cannot help when the backend reads (`access-denied`), and a
 * rate limit the backend waited out is a failure worth a retry.
 */
const ERROR_KINDS: Record<IndexedDocError['kind'], ArchitectureDocErrorKind> = {
  'no-annotation': 'no-annotation',
  'invalid-location': 'invalid-location',
  'not-found': 'not-found',
  'access-denied': 'failed',
  'too-large': 'too-large',
  timeout: 'timeout',
  'rate-limited': 'failed',
  'unexpected-content': 'unexpected-content',
  failed: 'failed',
};

/** The backend's record of a failed read, as the entity page's error. */
export function indexedDocError(
  error: IndexedDocError,
  docUrl?: string,
): ArchitectureDocError {
  return new ArchitectureDocError(
    ERROR_KINDS[error.kind] ?? 'failed',
    error.message,
    {
      url: docUrl,
    },
  );
}

/**
 * What a failed request to the backend means for an entity: `not-indexed`
 * for a 404 (the backend does not hold the entity, or the user may not read
 * it), else the error to show: a 503 says the index is unavailable for now.
 */
export function indexedRequestProblem(
  error: unknown,
): 'not-indexed' | ArchitectureDocError {
  if (ResponseError.is(error)) {
    if (error.statusCode === 404) return 'not-indexed';
    if (error.statusCode === 503) {
      return new ArchitectureDocError(
        'failed',
        'The architecture docs index is unavailable right now (the backend answered 503); try again in a moment.',
        { status: 503 },
      );
    }
    return new ArchitectureDocError(
      'failed',
      `The architecture docs backend answered ${error.statusCode}: ${error.body.error.message}`,
      { status: error.statusCode },
    );
  }
  return asDocError(error);
}

/**
 * The entity page's view of an indexed doc: the backend's source parsed for
 * rendering, with the backend's report (checked against the configured
 * template, its relative links checked by the backend), and every link
 * resolved against the doc's URL. Rejects a doc past the analysis bound as
 * the browser does, and marks one past a render limit.
 */
export function buildIndexedDoc(options: {
  api: ArchitectureDocsApi;
  location: ArchitectureDocLocation;
  response: IndexedEntityDocResponse & {
    source: string;
    report: NonNullable<IndexedEntityDocResponse['report']>;
  };
}): LoadedArchitectureDoc | ArchitectureDocError {
  const { api, location, response } = options;
  const url = response.docUrl ?? location.url;
  const file = { url, content: response.source, editUrl: location.editUrl };
  const budget = exceedsRenderBudget(file.content);
  if (budget?.kind === 'work') {
    return new ArchitectureDocError('too-large', tooComplexToAnalyze(budget), {
      url,
      budget,
    });
  }
  const parsed = parseArchitectureDoc(file.content);
  const report = response.report;
  const links = report.links.map((link, index): ResolvedDocLink => {
    let resolved: string | null = null;
    let viewUrl: string | null = null;
    if (!link.unsafe && link.kind !== 'anchor') {
      try {
        resolved = api.resolveLink(link.target, url);
        viewUrl = api.getViewUrl(resolved);
      } catch {
        viewUrl = resolved;
      }
    }
    let status: ResolvedDocLink['status'] = 'unknown';
    if (link.exists === true) status = 'ok';
    else if (link.exists === false) status = 'missing';
    return { index, link, url: resolved, viewUrl, status };
  });
  const doc: LoadedArchitectureDoc = { location, file, parsed, report, links };
  return budget ? { ...doc, renderExcess: budget } : doc;
}
