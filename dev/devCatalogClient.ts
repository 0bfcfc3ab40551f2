import type {
  GetEntitiesRequest,
  GetEntitiesResponse,
} from '@backstage/catalog-client';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { devCatalogEntities } from './generated-catalog';

interface Waiting {
  request?: GetEntitiesRequest;
  resolve(response: GetEntitiesResponse | Promise<GetEntitiesResponse>): void;
  reject(error: Error): void;
}

/**
 * The dev portal's catalog, in memory. Entity lists (`getEntities`, what the
 * catalog-wide page asks for) are answered by a worker (dev/catalog.worker.ts),
 * as a backend would answer them: the page receives the entities but does not
 * filter thousands of them on its own thread, which a real catalog never
 * makes it do. Lists the worker cannot take, or all of them once it has
 * failed, are answered here.
 */
export class DevCatalogClient extends InMemoryCatalogClient {
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, Waiting>();

  constructor() {
    super({ entities: devCatalogEntities() });
    if (typeof Worker === 'undefined') return;
    const worker = new Worker(new URL('./catalog.worker', import.meta.url), {
      name: 'dev-catalog',
    });
    worker.addEventListener('message', ({ data }) => {
      const waiting = this.#pending.get(data.id);
      if (!waiting) return;
      this.#pending.delete(data.id);
      if ('error' in data) waiting.reject(new Error(data.error));
      else waiting.resolve(data.response);
    });
    worker.addEventListener('error', () => {
      this.#worker = undefined;
      worker.terminate();
      for (const waiting of this.#pending.values())
        waiting.resolve(super.getEntities(waiting.request));
      this.#pending.clear();
    });
    this.#worker = worker;
  }

  async getEntities(
    request?: GetEntitiesRequest,
  ): Promise<GetEntitiesResponse> {
    if (!this.#worker) return super.getEntities(request);
    const id = this.#nextId++;
    const answer = new Promise<GetEntitiesResponse>((resolve, reject) => {
      this.#pending.set(id, { request, resolve, reject });
    });
    try {
      this.#worker.postMessage({ id, request });
    } catch {
      // Filters such as CATALOG_FILTER_EXISTS are symbols, which cannot be
      // sent to a worker; those lists are answered here.
      this.#pending.delete(id);
      return super.getEntities(request);
    }
    return answer;
  }
}
