// The dev portal's catalog "backend": answers entity lists from a worker, so
// that listing thousands of entities costs the page what a real catalog
// answer costs it (receiving the data), not the filtering itself.
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { GetEntitiesRequest } from '@backstage/catalog-client';
// Not from devCatalogClient.ts, which starts this worker.
import { devCatalogEntities } from './generated-catalog';

const catalog = new InMemoryCatalogClient({ entities: devCatalogEntities() });
const scope = globalThis as unknown as {
  addEventListener(
    type: 'message',
    listener: (
      event: MessageEvent<{ id: number; request: GetEntitiesRequest }>,
    ) => void,
  ): void;
  postMessage(message: unknown): void;
};

scope.addEventListener('message', async ({ data: { id, request } }) => {
  try {
    scope.postMessage({ id, response: await catalog.getEntities(request) });
  } catch (error) {
    scope.postMessage({
      id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
