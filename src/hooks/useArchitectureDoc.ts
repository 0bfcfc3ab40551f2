import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  ArchitectureDocError,
  architectureDocsApiRef,
  type ArchitectureDocLocation,
} from '../api';
import {
  exceedsRenderBudget,
  tooComplexToAnalyze,
} from 'backstage-plugin-architecture-docs-common/analysis';
import { asDocError } from '../model/doc-error';
import type { DocOwner } from '../model/doc-owners';
import { checkLinkTargets } from '../model/link-targets';
import {
  buildLoadedDoc,
  checkableLinkUrls,
  ownerLookupUrls,
  withDocOwners,
  withLinkStatuses,
} from '../model/build-loaded-doc';
import type {
  LinkTargetStatus,
  LoadedArchitectureDoc,
} from '../model/loaded-doc';
import { architectureTabPath, DEFAULT_ARCHITECTURE_TAB_PATH } from '../routes';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';
import { useDocOwners } from './useDocOwners';
import { useTemplateModel } from './useTemplateModel';

/** Link targets checked at once after the doc is shown. */
const LINK_CHECK_CONCURRENCY = 4;

/** What the entity page shows, in the order states are checked. */
export type ArchitectureDocState =
  | { status: 'no-annotation'; annotation: string }
  | { status: 'loading' }
  | {
      status: 'error';
      error: ArchitectureDocError;
      location?: ArchitectureDocLocation;
    }
  | { status: 'empty'; doc: LoadedArchitectureDoc }
  | { status: 'loaded'; doc: LoadedArchitectureDoc };

/**
 * Loads an entity's architecture doc for the page: finds it, fetches it,
 * parses and analyses it once, resolves its links, then checks in the
 * background which link targets exist.
 */
export function useArchitectureDoc(
  entity: Entity,
  options: { tabPath?: string } = {},
): {
  state: ArchitectureDocState;
  retry: () => void;
  templateProblem?: string;
} {
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
        return architectureTabPath(
          entityRoute(entityRouteParams(owner.entity)),
          tabPath,
        );
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
  const budget = useMemo(
    () =>
      fetched.value ? exceedsRenderBudget(fetched.value.content) : undefined,
    [fetched.value],
  );
  const budgetError = useMemo(() => {
    if (!fetched.value || budget?.kind !== 'work') return undefined;
    return new ArchitectureDocError('too-large', tooComplexToAnalyze(budget), {
      url: fetched.value.url,
      budget,
    });
  }, [fetched.value, budget]);

  const loaded = useMemo(() => {
    if (!fetched.value || budgetError || !location || templateLoading)
      return undefined;
    const doc = buildLoadedDoc({
      api,
      location,
      file: fetched.value,
      template,
      entityPath,
    });
    return budget ? { ...doc, renderExcess: budget } : doc;
    // `location` is derived from `locationUrl` on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    api,
    fetched.value,
    budget,
    budgetError,
    locationUrl,
    template,
    templateLoading,
    entityPath,
  ]);

  // The doc is shown at once; links to other entities' docs move to those
  // entities' tabs when the catalog answers.
  const lookupUrls = useMemo(
    () => (loaded ? ownerLookupUrls(loaded) : []),
    [loaded],
  );
  const { owners } = useDocOwners(lookupUrls);
  const withOwners = useMemo(
    () => (loaded ? withDocOwners(loaded, owners, entityPath) : undefined),
    [loaded, owners, entityPath],
  );

  const [statuses, setStatuses] = useState<Map<string, LinkTargetStatus>>(
    new Map(),
  );
  useEffect(() => {
    setStatuses(new Map());
    if (!loaded) return undefined;
    const urls = checkableLinkUrls(loaded);
    if (urls.length === 0) return undefined;
    const controller = new AbortController();
    checkLinkTargets({
      api,
      urls,
      concurrency: LINK_CHECK_CONCURRENCY,
      signal: controller.signal,
      onResult: (url, status) =>
        setStatuses(previous => new Map(previous).set(url, status)),
    });
    return () => controller.abort();
  }, [api, loaded]);

  const withStatuses = useMemo(
    () => (withOwners ? withLinkStatuses(withOwners, statuses) : undefined),
    [withOwners, statuses],
  );

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
