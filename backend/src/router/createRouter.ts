import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  CoverageHistoryResponse,
  CoverageRowsResponse,
  CoverageSummaryResponse,
  IndexedDocsPageResponse,
  IndexedEntityDocResponse,
  IndexStatusResponse,
} from 'backstage-plugin-architecture-docs-common';
import express from 'express';
import Router from 'express-promise-router';
import type { DatabaseDocStore } from '../store/DatabaseDocStore';
import type { EntityRefresher } from '../store/types';
import { ALL_ENTITIES_VISIBLE } from '../store/visibility';
import { CatalogVisibility } from './CatalogVisibility';
import { docPlainText } from './doc-plain-text';
import {
  indexedDocsCursor,
  readFilters,
  readHistoryDays,
  readIndexedDocsParameters,
  readPage,
  searchParamsOf,
} from './request-parameters';

/** What the API reads from the store. */
export type CoverageReadStore = Pick<
  DatabaseDocStore,
  | 'queryRows'
  | 'summarize'
  | 'history'
  | 'getEntityDoc'
  | 'getStatus'
  | 'listKinds'
  | 'listIndexedDocs'
>;

/** The router's services. @public */
export interface RouterOptions {
  store: CoverageReadStore;
  refresher: EntityRefresher;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
}

function isUser(
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >,
): credentials is BackstageCredentials<BackstageUserPrincipal> {
  return credentials.principal.type === 'user';
}

/**
 * The REST API (`/api/architecture-docs`). Every route needs a user's
 * credentials and answers only the entities that user may read in the
 * catalog (the catalog's read permission); an entity the user may not read
 * is answered 404, as one that does not exist. `GET /indexed-docs`, which
 * other backend plugins read, also takes a service's credentials and then
 * answers every doc, as the catalog answers a service. Bad input is
 * answered 400.
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, refresher, httpAuth, logger } = options;
  const visibility = new CatalogVisibility({
    permissions: options.permissions,
    catalog: options.catalog,
    listKinds: () => store.listKinds(),
  });
  const router = Router();
  router.use(express.json());

  const userCredentials = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user'] });

  router.get('/status', async (req, res) => {
    const credentials = await userCredentials(req);
    const body: IndexStatusResponse = await store.getStatus(
      await visibility.forCaller(credentials),
    );
    res.json(body);
  });

  router.get('/coverage', async (req, res) => {
    const credentials = await userCredentials(req);
    const params = searchParamsOf(req.url);
    const filters = readFilters(params);
    const page = readPage(params);
    const body: CoverageRowsResponse = await store.queryRows(
      filters,
      page,
      await visibility.forCaller(credentials),
    );
    res.json(body);
  });

  router.get('/coverage/summary', async (req, res) => {
    const credentials = await userCredentials(req);
    const filters = readFilters(searchParamsOf(req.url));
    const body: CoverageSummaryResponse = await store.summarize(
      filters,
      await visibility.forCaller(credentials),
    );
    res.json(body);
  });

  router.get('/coverage/history', async (req, res) => {
    const credentials = await userCredentials(req);
    const params = searchParamsOf(req.url);
    const filters = readFilters(params);
    const days = readHistoryDays(params);
    const body: CoverageHistoryResponse = await store.history(
      filters,
      await visibility.forCaller(credentials),
      days,
    );
    res.json(body);
  });

  router.get('/indexed-docs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const params = readIndexedDocsParameters(searchParamsOf(req.url));
    const page = await store.listIndexedDocs({
      after: params.after,
      limit: params.limit,
      withSource: params.withText,
      visibility: isUser(credentials)
        ? await visibility.forCaller(credentials)
        : ALL_ENTITIES_VISIBLE,
    });
    const items: IndexedDocsPageResponse['items'] = [];
    for (const entry of page.entries) {
      if (entry.source === undefined) {
        items.push(entry.summary);
        continue;
      }
      items.push({ ...entry.summary, text: docPlainText(entry.source) });
      // A page of large docs is parsed doc by doc, letting other requests
      // run between them.
      await new Promise(resolve => setImmediate(resolve));
    }
    const body: IndexedDocsPageResponse = {
      items,
      templateSections: page.meta.templateSections,
      indexedAt: page.meta.indexedAt,
    };
    if (page.lastEntityRef) {
      body.nextCursor = indexedDocsCursor(page.lastEntityRef);
    }
    res.json(body);
  });

  const entityRefOf = (params: Record<string, string>) =>
    `${params.kind}:${params.namespace}/${params.name}`.toLowerCase();

  /** The stored doc of an entity the caller may read; 404 otherwise. */
  const readableDoc = async (
    entityRef: string,
    canRead: boolean,
  ): Promise<IndexedEntityDocResponse> => {
    const doc = canRead ? await store.getEntityDoc(entityRef) : undefined;
    if (!doc) {
      throw new NotFoundError(
        `No architecture doc is indexed for ${entityRef}`,
      );
    }
    return doc;
  };

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await userCredentials(req);
    const entityRef = entityRefOf(req.params);
    const canRead = await visibility.canRead(credentials, entityRef);
    res.json(await readableDoc(entityRef, canRead));
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await userCredentials(req);
    const entityRef = entityRefOf(req.params);
    const canRead = await visibility.canRead(credentials, entityRef);
    if (!canRead) await readableDoc(entityRef, false);
    logger.info(
      `Refreshing the architecture doc of ${entityRef} for ${credentials.principal.userEntityRef}`,
    );
    await refresher.refreshEntity(entityRef);
    res.json(await readableDoc(entityRef, true));
  });

  return router;
}
