import type { Entity } from '@backstage/catalog-model';
import {
  ArchitectureDocError,
  type ArchitectureDocFile,
  type ArchitectureDocsApi,
} from '../api';
import { documentKey } from '../model/doc-url';
import type {
  CoverageAnalysis,
  CoverageDocResult,
} from 'backstage-plugin-architecture-docs-common';
import type { CoverageResultCache } from './coverage-result-cache';
import type { CoverageLoadOutcome } from './scan-coverage';

/** The row status for a failure to locate or fetch a doc. */
export function coverageResultFromError(
  error: unknown,
  docUrl?: string,
): CoverageDocResult {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ArchitectureDocError) {
    const url = error.url ?? docUrl;
    switch (error.kind) {
      case 'no-annotation':
        return { status: 'no-annotation' };
      case 'not-found':
        return { status: 'not-found', message, docUrl: url };
      case 'sign-in-needed':
        return { status: 'sign-in-needed', message, docUrl: url };
      default:
        return { status: 'error', message, docUrl: url };
    }
  }
  return { status: 'error', message, docUrl };
}

/**
 * The row result for a fetched doc and its analysis: the links' targets
 * resolved against the doc's URL (through the API, which knows the hosts).
 */
export function coverageResultFromAnalysis(
  file: ArchitectureDocFile,
  analysis: CoverageAnalysis,
  api: Pick<ArchitectureDocsApi, 'resolveLink'>,
): CoverageDocResult {
  if (analysis.tooComplex)
    return {
      status: 'error',
      docUrl: file.url,
      etag: file.etag,
      message: analysis.tooComplex,
    };
  const linkTargets = new Set<string>();
  for (const target of analysis.linkTargets) {
    try {
      linkTargets.add(documentKey(api.resolveLink(target, file.url)));
    } catch {
      // A target that cannot become a URL cannot be checked either.
    }
  }
  return {
    status: 'analysed',
    docUrl: file.url,
    etag: file.etag,
    score: analysis.score,
    sections: analysis.sections,
    linkTargets: [...linkTargets],
    isArchitectureDoc: analysis.isArchitectureDoc,
  };
}

/**
 * Fetches an entity's doc for the scan. An analysis kept from an earlier
 * visit is reused when the host reports the same entity tag, so a second
 * visit costs revalidation requests but no parsing.
 */
export async function loadCoverageDoc(
  api: ArchitectureDocsApi,
  entity: Entity,
  entityRef: string,
  cache: CoverageResultCache,
  signal: AbortSignal,
): Promise<CoverageLoadOutcome<ArchitectureDocFile>> {
  let url: string;
  try {
    url = api.getDocLocation(entity).url;
  } catch (error) {
    return { result: coverageResultFromError(error) };
  }
  let file: ArchitectureDocFile;
  try {
    // The location is known already; getEntityDoc would work it out again.
    file = await api.getDoc(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    return { result: coverageResultFromError(error, url) };
  }
  const kept = cache.get(entityRef);
  if (
    kept?.status === 'analysed' &&
    kept.docUrl === file.url &&
    file.etag &&
    kept.etag === file.etag
  ) {
    return { result: kept };
  }
  return { doc: file };
}
