import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteParams, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  ArchitectureDocError,
  architectureDocsApiRef,
  type ArchitectureDocsApi,
  type ArchitectureDocLocation,
} from '../api';
import { analyzeParsedDoc, exceedsRenderBudget, parseArchitectureDoc, tooComplexToAnalyse, type TemplateModel } from '../lib';
import { decodedUrlPath } from '../lib/safe-decode';
import type { LinkTargetStatus, LoadedArchitectureDoc, ResolvedDocLink } from '../components/types';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';
import { documentKey, useDocOwners, type DocOwner } from './useDocOwners';
import { useTemplateModel } from './useTemplateModel';

/** The default path of the architecture tab under an entity page. */
export const DEFAULT_ARCHITECTURE_TAB_PATH = 'architecture';

/** Link targets checked at once after the doc is shown. */
const LINK_CHECK_CONCURRENCY = 4;

/** What the entity page shows, in the order states are checked. */
export type ArchitectureDocState =
  | { status: 'no-annotation'; annotation: string }
  | { status: 'loading' }
  | { status: 'error'; error: ArchitectureDocError; location?: ArchitectureDocLocation }
  | { status: 'empty'; doc: LoadedArchitectureDoc }
  | { status: 'loaded'; doc: LoadedArchitectureDoc };

function asDocError(error: unknown): ArchitectureDocError {
  if (error instanceof ArchitectureDocError) return error;
  return new ArchitectureDocError('failed', error instanceof Error ? error.message : String(error));
}

function fragmentOf(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(hash) : '';
}

/**
 * Builds the page's view of a fetched doc: one parse, one analysis, and
 * every link resolved against the doc's URL and the catalog.
 */
export function buildLoadedDoc(options: {
  api: ArchitectureDocsApi;
  location: ArchitectureDocLocation;
  file: LoadedArchitectureDoc['file'];
  template: TemplateModel;
  maxLength?: number;
  /** Owners known when the doc is built; {@link withDocOwners} adds those that arrive later. */
  owners?: Map<string, DocOwner>;
  entityPath: (owner: DocOwner) => string | undefined;
}): LoadedArchitectureDoc {
  const { api, location, file, template } = options;
  const parsed = parseArchitectureDoc(file.content, { maxLength: options.maxLength });
  const report = analyzeParsedDoc(parsed, { template, path: decodedUrlPath(file.url), maxLength: options.maxLength });
  const links = report.links.map((link, index): ResolvedDocLink => {
    let url: string | null = null;
    if (!link.unsafe && link.kind !== 'anchor') {
      try {
        url = api.resolveLink(link.target, file.url);
      } catch {
        url = null;
      }
    }
    let viewUrl: string | null = null;
    if (url) {
      try {
        viewUrl = api.getViewUrl(url);
      } catch {
        viewUrl = url;
      }
    }
    return { index, link, url, viewUrl, status: 'unknown' };
  });
  const doc = { location, file, parsed, report, links };
  return options.owners ? withDocOwners(doc, options.owners, options.entityPath) : doc;
}

/** The doc's link URLs whose owning entities are worth looking up. */
export function ownerLookupUrls(doc: LoadedArchitectureDoc): string[] {
  return doc.links.flatMap(link => (link.url && link.link.kind !== 'anchor' ? [link.url] : []));
}

/**
 * The doc with each link to another entity's doc routed to that entity's
 * tab (keeping the fragment), once the owners are known.
 */
export function withDocOwners(
  doc: LoadedArchitectureDoc,
  owners: Map<string, DocOwner>,
  entityPath: (owner: DocOwner) => string | undefined,
): LoadedArchitectureDoc {
  if (owners.size === 0) return doc;
  const links = doc.links.map(link => {
    const owner = link.url ? owners.get(documentKey(link.url)) : undefined;
    if (!owner || !link.url) return link;
    const ownerPath = entityPath(owner);
    return {
      ...link,
      entityRef: owner.entityRef,
      entityPath: ownerPath ? `${ownerPath}${fragmentOf(link.url)}` : undefined,
      entitySystemRef: owner.systemRef,
    };
  });
  return { ...doc, links };
}

/** Whether a link points at a document worth checking for existence. */
function isCheckable(link: ResolvedDocLink): boolean {
  return !!link.url && (link.link.kind === 'doc' || link.link.kind === 'contract');
}

/**
 * Checks which relative link targets exist, a few at a time, and returns
 * the status per document URL. A 404 means missing; anything else that
 * fails (no access, network) stays unknown rather than crying wolf.
 */
export async function checkLinkTargets(
  api: ArchitectureDocsApi,
  urls: string[],
  signal: AbortSignal,
  onResult: (url: string, status: LinkTargetStatus) => void,
): Promise<void> {
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined && !signal.aborted; url = queue.shift()) {
      let status: LinkTargetStatus = 'unknown';
      try {
        await api.getDoc(url, { signal });
        status = 'ok';
      } catch (error) {
        if (error instanceof ArchitectureDocError && error.kind === 'not-found') status = 'missing';
      }
      if (!signal.aborted) onResult(url, status);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LINK_CHECK_CONCURRENCY, urls.length) }, worker));
}

/**
 * Loads an entity's architecture doc for the page: finds it, fetches it,
 * parses and analyses it once, resolves its links, then checks in the
 * background which link targets exist.
 */
export function useArchitectureDoc(
  entity: Entity,
  options: { tabPath?: string } = {},
): { state: ArchitectureDocState; retry: () => void; templateProblem?: string } {
  const api = useApi(architectureDocsApiRef);
  const config = useArchitectureDocsConfig();
  const {
    template,
    markdown: templateMarkdown,
    loading: templateLoading,
    problem: templateProblem,
  } = useTemplateModel();
  const entityRoute = useRouteRef(entityRouteRef);
  const tabPath = options.tabPath ?? DEFAULT_ARCHITECTURE_TAB_PATH;
  const entityPath = useCallback(
    (owner: DocOwner) => {
      try {
        return `${entityRoute(entityRouteParams(owner.entity))}/${tabPath.replace(/^\/+/, '')}`;
      } catch {
        return undefined;
      }
    },
    [entityRoute, tabPath],
  );

  let location: ArchitectureDocLocation | undefined;
  let locationError: ArchitectureDocError | undefined;
  try {
    location = api.getDocLocation(entity, { templateMarkdown });
  } catch (error) {
    locationError = asDocError(error);
  }
  const locationUrl = location?.url;

  const fetched = useAsyncRetry(async () => {
    if (!locationUrl) return undefined;
    return api.getEntityDoc(entity);
    // The entity object changes identity on refresh; its doc URL is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, locationUrl]);

  // Checked before anything is parsed. Past the analysis bound the doc is
  // not parsed at all and gets no score, as in the command-line check; past
  // a render limit it is analysed (the same score as the check) but its text
  // is not rendered.
  const budget = useMemo(() => (fetched.value ? exceedsRenderBudget(fetched.value.content) : undefined), [fetched.value]);
  const budgetError = useMemo(() => {
    if (!fetched.value || budget?.kind !== 'work') return undefined;
    return new ArchitectureDocError('too-large', tooComplexToAnalyse(budget), { url: fetched.value.url, budget },
    );
  }, [fetched.value, budget]);

  const loaded = useMemo(() => {
    if (!fetched.value || budgetError || !location || templateLoading) return undefined;
    const doc = buildLoadedDoc({ api, location, file: fetched.value, template, entityPath });
    return budget ? { ...doc, renderExcess: budget } : doc;
    // `location` is derived from `locationUrl` on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, fetched.value, budget, budgetError, locationUrl, template, templateLoading, entityPath]);

  // The doc is shown at once; links to other entities' docs move to those
  // entities' tabs when the catalog answers.
  const lookupUrls = useMemo(() => (loaded ? ownerLookupUrls(loaded) : []), [loaded]);
  const { owners } = useDocOwners(lookupUrls);
  const withOwners = useMemo(
    () => (loaded ? withDocOwners(loaded, owners, entityPath) : undefined),
    [loaded, owners, entityPath],
  );

  const [statuses, setStatuses] = useState<Map<string, LinkTargetStatus>>(new Map());
  useEffect(() => {
    setStatuses(new Map());
    if (!loaded) return undefined;
    const urls = Array.from(
      new Set(loaded.links.filter(isCheckable).map(l => documentKey(l.url!))),
    );
    if (urls.length === 0) return undefined;
    const controller = new AbortController();
    checkLinkTargets(api, urls, controller.signal, (url, status) => {
      setStatuses(previous => new Map(previous).set(url, status));
    });
    return () => controller.abort();
  }, [api, loaded]);

  const withStatuses = useMemo(() => {
    if (!withOwners || statuses.size === 0) return withOwners;
    const links = withOwners.links.map(link => {
      const status = link.url ? statuses.get(documentKey(link.url)) : undefined;
      return status ? { ...link, status } : link;
    });
    const reportLinks = withOwners.report.links.map((link, index) => {
      const status = links[index].status;
      if (status === 'unknown' || !isCheckable(links[index])) return link;
      return { ...link, exists: status === 'ok' };
    });
    return { ...withOwners, links, report: { ...withOwners.report, links: reportLinks } };
  }, [withOwners, statuses]);

  const retry = fetched.retry;
  let state: ArchitectureDocState;
  if (locationError?.kind === 'no-annotation') {
    state = { status: 'no-annotation', annotation: config.annotation };
  } else if (locationError) {
    state = { status: 'error', error: locationError };
  } else if (fetched.error && !templateLoading) {
    // The not-found state's create link prefills the template, so it waits for it.
    state = { status: 'error', error: asDocError(fetched.error), location };
  } else if (budgetError) {
    state = { status: 'error', error: budgetError, location };
  } else if (!withStatuses) {
    state = { status: 'loading' };
  } else if (!withStatuses.file.content.trim()) {
    state = { status: 'empty', doc: withStatuses };
  } else {
    state = { status: 'loaded', doc: withStatuses };
  }
  return { state, retry, templateProblem };
}
