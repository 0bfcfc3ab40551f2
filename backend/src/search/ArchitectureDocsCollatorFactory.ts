import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  ARCHITECTURE_DOC_SEARCH_TYPE,
  type ArchitectureDocSearchDocument,
} from 'backstage-plugin-architecture-docs-common';
import { Readable } from 'node:stream';
import { IndexedDocsClient } from '../client/IndexedDocsClient';
import { toSearchDocument } from './toSearchDocument';

/**
 * Collates one search document per analysed architecture doc, read from the
 * architecture docs backend's index (never from the doc hosts). Its
 * documents are visible to whoever may read the entity in the catalog.
 * @public
 */
export class ArchitectureDocsCollatorFactory implements DocumentCollatorFactory {
  /** The search document type, `architecture-doc`. */
  readonly type = ARCHITECTURE_DOC_SEARCH_TYPE;
  /** Results show only to users who may read the entity in the catalog. */
  readonly visibilityPermission = catalogEntityReadPermission;

  private readonly client: IndexedDocsClient;
  private readonly logger: LoggerService;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    logger: LoggerService;
    /** For tests; defaults to the global fetch. */
    fetch?: typeof fetch;
  }) {
    this.client = new IndexedDocsClient(options);
    this.logger = options.logger;
  }

  /** A stream of one search document per analysed doc, read page by page. */
  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<ArchitectureDocSearchDocument> {
    let count = 0;
    for await (const doc of this.client.readAll({ withText: true })) {
      count += 1;
      yield toSearchDocument(doc);
    }
    this.logger.debug(`Collated ${count} architecture docs for search`);
  }
}
