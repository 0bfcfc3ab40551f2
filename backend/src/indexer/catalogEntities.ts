import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { COVERAGE_ENTITY_FIELDS } from 'backstage-plugin-architecture-docs-common';

/** Entities asked for per catalog page. */
export const CATALOG_PAGE_SIZE = 500;

/** Attempts per page before the listing is given up. */
const PAGE_ATTEMPTS = 3;

/**
 * Raised when a catalog page could not be read after its retries: the
 * listing is incomplete, so the cycle must not treat unseen entities as gone.
 */
export class CatalogListingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogListingError';
  }
}

/** What {@link catalogEntityPages} needs. */
export interface CatalogEntityPagesOptions {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  kinds: string[];
  pageSize?: number;
  /** Wait before the first retry of a failed page; doubled for each next one. */
  retryDelayMs?: number;
}

function describeError(error: unknown): string {
  return error instanceof Error
    ? `${error.name}: ${error.message}`
    : String(error);
}

/**
 * The entities of the indexed kinds, a page at a time, with only the fields
 * the index keeps, asked with the plugin's own service credentials and
 * followed by cursor. A page that fails is asked again twice; then the
 * listing ends with a {@link CatalogListingError}.
 */
export async function* catalogEntityPages(
  options: CatalogEntityPagesOptions,
): AsyncGenerator<Entity[]> {
  const { catalog, auth, logger } = options;
  const limit = options.pageSize ?? CATALOG_PAGE_SIZE;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  let cursor: string | undefined;
  let page = 0;
  do {
    page += 1;
    let response;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const credentials = await auth.getOwnServiceCredentials();
        response = await catalog.queryEntities(
          cursor
            ? { cursor, limit, fields: COVERAGE_ENTITY_FIELDS }
            : {
                filter: { kind: options.kinds },
                limit,
                fields: COVERAGE_ENTITY_FIELDS,
              },
          { credentials },
        );
        break;
      } catch (error) {
        if (attempt >= PAGE_ATTEMPTS) {
          throw new CatalogListingError(
            `Catalog page ${page} could not be read after ${PAGE_ATTEMPTS} attempts (${describeError(error)})`,
            { cause: error },
          );
        }
        logger.warn(
          `Catalog page ${page} could not be read (${describeError(error)}); asking again`,
        );
        await new Promise(r =>
          setTimeout(r, retryDelayMs * 2 ** (attempt - 1)),
        );
      }
    }
    if (response.items.length > 0) yield response.items;
    cursor = response.pageInfo.nextCursor;
  } while (cursor);
}
