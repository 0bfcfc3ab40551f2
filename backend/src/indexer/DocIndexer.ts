// One file on purpose: the cycle (catalog pages, in-flight bound, deadline,
// finish) and the refresh of one entity share the same per-entity path
// (locate, read within the host's limits, analyse, check links, write) and
// its counters; the steps themselves live in the modules beside it
// (catalogEntities, readDoc, hostLimiter, analysisPool, linkChecks,
// loadTemplate, cycleDeadline).
import { createHash, randomUUID } from 'node:crypto';
import type {
  AuthService,
  LoggerService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  countBrokenLinks,
  resolveEntityDocUrl,
  toCoverageEntity,
  type IndexedDocErrorKind,
  type ScmResolveUrl,
  type TemplateModel,
} from 'backstage-plugin-architecture-docs-common';
import type { BackendOptions } from '../options';
import type {
  DocIndexStore,
  DocLinkResults,
  DocOutcome,
  EntityRefresher,
  StoredDocState,
} from '../store/types';
import { AnalysisPool } from './analysisPool';
import { analyzeDoc, linkExistence } from './analyzeDoc';
import { catalogEntityPages, CatalogListingError } from './catalogEntities';
import { cycleDeadline } from './cycleDeadline';
import { HostLimiter } from './hostLimiter';
import {
  LaterLinkChecks,
  LinkChecker,
  type LinkTargetExists,
} from './linkChecks';
import { loadIndexTemplate, type IndexTemplate } from './loadTemplate';
import { readDoc, type DocRead } from './readDoc';

/** What one cycle did. */
export interface CycleSummary {
  cycleId: string;
  /**
   * Whether the catalog was listed in full and every entity visited; only
   * then are the entities that left the catalog removed.
   */
  complete: boolean;
  /** Entities listed. */
  entities: number;
  /** Doc bodies transferred. */
  read: number;
  /** Docs the host reported unchanged, or whose content was the same. */
  unchanged: number;
  /**
   * Docs read within `revalidateAfter` by an earlier cycle, so the host was
   * not asked about them.
   */
  current: number;
  /** Docs analysed (new or changed content). */
  analysed: number;
  /** Entities without the annotation. */
  noAnnotation: number;
  /** Failed reads, per kind. */
  failed: Partial<Record<IndexedDocErrorKind, number>>;
  /** Distinct link targets checked. */
  linksChecked: number;
  /**
   * Docs whose link targets were checked after the cycle's docs were read,
   * as no doc read had answered them yet.
   */
  linksSettledLater: number;
  /** Entities whose outcome could not be stored. */
  writeFailures: number;
  /** Entities removed because they left the catalog. */
  removed: number;
  /** From the start until every entity's outcome was stored. */
  docsDurationMs: number;
  /** From the start until the end, the later link checks included. */
  durationMs: number;
  /** Why the configured template could not be used, when it could not. */
  templateProblem?: string;
}

/** Timing knobs; the defaults suit production. */
export interface DocIndexerTiming {
  /** The clock. */
  now?: () => number;
  /** Wait after a rate-limit answer that does not say how long. Default 60 s. */
  rateLimitFallbackMs?: number;
  /** Wait before asking for a failed catalog page again. Default 1 s, doubled per retry. */
  catalogRetryDelayMs?: number;
  /** Entities per catalog page. Default 500. */
  catalogPageSize?: number;
}

/** What {@link DocIndexer} works with. */
export interface DocIndexerOptions {
  store: DocIndexStore;
  catalog: CatalogService;
  auth: AuthService;
  urlReader: UrlReaderService;
  config: RootConfigService;
  logger: LoggerService;
  options: BackendOptions;
  timing?: DocIndexerTiming;
  /** Where docs are analysed. Default: a pool of worker threads, one per core but one. */
  analysisPool?: AnalysisPool;
}

/**
 * The common package's release: a report from another release of the
 * analyzer is not reused.
 */
const ANALYZER_RELEASE: string =
  require('backstage-plugin-architecture-docs-common/package.json').version;

/** The wait after a rate-limit answer that does not say how long (see readErrors.ts). */
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * Docs handled at once over all hosts; the per-host limit decides how many
 * reads each host sees. Bounded so that at most this many bodies (each
 * within the size limit) are held at once.
 */
function docsInFlight(concurrencyPerHost: number): number {
  return Math.max(32, concurrencyPerHost * 8);
}

/**
 * A fingerprint of what a report depends on besides the doc: the template
 * and the analyzer's release.
 */
function templateFingerprint(template: TemplateModel): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        analyzer: ANALYZER_RELEASE,
        sections: template.sections.map(s => [
          s.id,
          s.title,
          s.weight,
          s.required,
          s.aliases,
          s.guidance,
        ]),
      }),
    )
    .digest('hex');
}

/**
 * An entity's identity within a cycle; never throws, as a malformed entity
 * is reported where it is indexed.
 */
function visitKey(entity: Entity): string {
  const { kind, metadata } = entity ?? {};
  return `${kind}:${metadata?.namespace ?? 'default'}/${metadata?.name}`.toLocaleLowerCase(
    'en-US',
  );
}

/** Failures that are the host's answer about the doc, not a passing fault. */
const SETTLED_FAILURES: ReadonlySet<IndexedDocErrorKind> = new Set([
  'not-found',
  'access-denied',
  'too-large',
  'unexpected-content',
]);

/** What one doc's indexing needs that is shared by a cycle (or a refresh). */
interface IndexRun {
  template: TemplateModel;
  /** Whether the stored reports were checked against this template. */
  trustStored: boolean;
  deadline: number;
  links: LinkChecker;
  cycleId?: string;
  /**
   * A cycle's docs whose links are checked after its docs are read; absent
   * for a refresh, which checks a doc's links at once.
   */
  laterLinks?: LaterLinkChecks;
  /**
   * Stored docs read after this time (epoch ms) are current and not
   * read again; absent for a refresh and when every doc is revalidated.
   */
  currentSince?: number;
}

type Counted =
  | 'analysed'
  | 'unchanged'
  | 'current'
  | 'no-annotation'
  | { failed: IndexedDocErrorKind };

/**
 * The indexer: each cycle pages through the catalog, reads every annotated
 * entity's doc through the URL reader (with the stored ETag, within the
 * per-host limits; a doc an earlier cycle read within `revalidateAfter` is
 * not asked about again), analyses new and changed docs against the configured
 * template, and stores each outcome. Their relative links are checked once
 * per cycle: a target another doc read answered takes that answer, and the
 * rest are read once every doc is stored, so that link checks never hold up
 * a doc; the stored reports then get their links' answers. One failing doc
 * never stops the cycle; a catalog listing that fails part-way never removes
 * an entity.
 */
export class DocIndexer implements EntityRefresher {
  readonly #store: DocIndexStore;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #urlReader: UrlReaderService;
  readonly #config: RootConfigService;
  readonly #logger: LoggerService;
  readonly #options: BackendOptions;
  readonly #timing: Required<DocIndexerTiming>;
  readonly #limiter: HostLimiter;
  readonly #resolveUrl: ScmResolveUrl;
  readonly #analysis: AnalysisPool;
  /** The template of the last cycle. */
  #template?: IndexTemplate;
  /**
   * The fingerprint of the template every stored report is known to be
   * checked against: set by a complete cycle, and stored with it for the
   * other processes. Until one is known (a fresh database, a changed
   * template or analyzer) docs are read in full and analysed again, since an
   * unchanged doc's stored report may stem from another template.
   */
  #reportsTemplate?: string;

  constructor(options: DocIndexerOptions) {
    this.#store = options.store;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#urlReader = options.urlReader;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#options = options.options;
    this.#timing = {
      now: options.timing?.now ?? Date.now,
      rateLimitFallbackMs:
        options.timing?.rateLimitFallbackMs ?? DEFAULT_RATE_LIMIT_WAIT_MS,
      catalogRetryDelayMs: options.timing?.catalogRetryDelayMs ?? 1000,
      catalogPageSize: options.timing?.catalogPageSize ?? 500,
    };
    this.#limiter = new HostLimiter({
      concurrencyPerHost: options.options.concurrencyPerHost,
      now: this.#timing.now,
    });
    this.#analysis =
      options.analysisPool ??
      new AnalysisPool({
        onFallback: reason =>
          this.#logger.warn(
            `Docs are analysed on the main thread: the analysis workers could not run (${reason})`,
          ),
        onWorkerLost: reason =>
          this.#logger.warn(
            `An analysis worker stopped (${reason}); its doc was analysed on the main thread`,
          ),
      });
    const integrations = ScmIntegrations.fromConfig(options.config);
    this.#resolveUrl = (url, base) => integrations.resolveUrl({ url, base });
  }

  /** Runs one indexing cycle over the whole catalog. Never rejects for a doc's or the catalog's failure. */
  async runCycle(): Promise<CycleSummary> {
    const now = this.#timing.now;
    const start = now();
    const cycleId = randomUUID();
    const deadline = cycleDeadline(start, this.#options.schedule);
    const summary: CycleSummary = {
      cycleId,
      complete: false,
      entities: 0,
      read: 0,
      unchanged: 0,
      current: 0,
      analysed: 0,
      noAnnotation: 0,
      failed: {},
      linksChecked: 0,
      linksSettledLater: 0,
      writeFailures: 0,
      removed: 0,
      docsDurationMs: 0,
      durationMs: 0,
    };
    const template = await this.#loadTemplate(deadline);
    summary.templateProblem = template.problem;
    const fingerprint = templateFingerprint(template.template);
    const run: IndexRun = {
      template: template.template,
      trustStored: await this.#reportsCheckedAgainst(fingerprint),
      deadline,
      links: this.#linkChecker(deadline),
      cycleId,
      laterLinks: new LaterLinkChecks(),
      currentSince:
        this.#options.revalidateAfterMs > 0
          ? start - this.#options.revalidateAfterMs
          : undefined,
    };

    let listed = false;
    let outOfTime = false;
    const inFlight = new Set<Promise<void>>();
    const visited = new Set<string>();
    const limit = docsInFlight(this.#options.concurrencyPerHost);
    try {
      const pages = catalogEntityPages({
        catalog: this.#catalog,
        auth: this.#auth,
        logger: this.#logger,
        kinds: this.#options.kinds,
        pageSize: this.#timing.catalogPageSize,
        retryDelayMs: this.#timing.catalogRetryDelayMs,
      });
      // The next page and its stored states are asked for while the current
      // page's docs are read, so that the host is not left idle between pages.
      const nextPage = async () => {
        const result = await pages.next();
        if (result.done) return undefined;
        return {
          page: result.value,
          states: await this.#docStates(result.value),
        };
      };
      let upcoming = nextPage();
      for (;;) {
        const current = await upcoming;
        if (!current) break;
        upcoming = nextPage();
        // Not awaited when the cycle runs out of time; its failure is moot then.
        upcoming.catch(() => {});
        const { page, states } = current;
        for (const entity of page) {
          if (now() > deadline) {
            outOfTime = true;
            break;
          }
          // The catalog may list an entity on two pages while it processes
          // entities during the listing; it is indexed once per cycle.
          const ref = visitKey(entity);
          if (visited.has(ref)) continue;
          visited.add(ref);
          while (inFlight.size >= limit) await Promise.race(inFlight);
          summary.entities += 1;
          const task = this.#indexEntity(entity, states, run, summary)
            .catch(error => {
              // An entity the catalog answered malformed; the others go on.
              summary.writeFailures += 1;
              this.#logger.error(
                `An entity could not be indexed: ${String(error)}`,
              );
            })
            .finally(() => inFlight.delete(task));
          inFlight.add(task);
        }
        if (outOfTime) break;
      }
      listed = !outOfTime;
    } catch (error) {
      if (!(error instanceof CatalogListingError)) throw error;
      this.#logger.error(
        `Indexing cycle ${cycleId}: the catalog listing failed, so no entity is removed and the index time stays as it was. ${error.message}`,
      );
    } finally {
      await Promise.all(inFlight);
    }
    // Every doc of the cycle is analysed: the workers' memory is given back
    // before the link checks and the cycle's end.
    this.#analysis.stopIdleWorkers();
    if (outOfTime) {
      this.#logger.error(
        `Indexing cycle ${cycleId} ran out of time after ${summary.entities} entities; no entity is removed and the index time stays as it was. Give architectureDocs.backend.schedule a longer timeout.`,
      );
    }
    summary.docsDurationMs = now() - start;
    if (!outOfTime && run.laterLinks) {
      await this.#checkLaterLinks(run, run.laterLinks, summary);
    }
    summary.linksChecked = run.links.checked;

    if (listed) {
      try {
        const { removed } = await this.#store.finishCycle({
          cycleId,
          finishedAt: new Date(now()),
          historyDays: this.#options.historyDays,
          templateSections: template.template.sections.map(s => ({
            id: s.id,
            title: s.title,
          })),
          reportsFingerprint: fingerprint,
        });
        summary.removed = removed;
        summary.complete = true;
        this.#reportsTemplate = fingerprint;
      } catch (error) {
        this.#logger.error(
          `Indexing cycle ${cycleId} could not be finished: ${String(error)}`,
        );
      }
    }
    summary.durationMs = now() - start;
    this.#logger.info(`Indexing cycle ${cycleId} done`, {
      complete: summary.complete,
      entities: summary.entities,
      read: summary.read,
      unchanged: summary.unchanged,
      current: summary.current,
      analysed: summary.analysed,
      noAnnotation: summary.noAnnotation,
      failed: JSON.stringify(summary.failed),
      linksChecked: summary.linksChecked,
      linksSettledLater: summary.linksSettledLater,
      removed: summary.removed,
      docsMs: summary.docsDurationMs,
      durationMs: summary.durationMs,
    });
    return summary;
  }

  /**
   * Reads, analyses and stores one entity's doc now. Rejects with a
   * `NotFoundError` when the catalog has no such entity.
   */
  async refreshEntity(entityRef: string): Promise<void> {
    const now = this.#timing.now;
    const credentials = await this.#auth.getOwnServiceCredentials();
    const entity = await this.#catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    // Long enough to read the doc and its links, short enough for a request.
    const deadline = now() + this.#options.readTimeoutMs * 2;
    this.#template ??= await this.#loadTemplate(deadline);
    const template = this.#template;
    const run: IndexRun = {
      template: template.template,
      trustStored: await this.#reportsCheckedAgainst(
        templateFingerprint(template.template),
      ),
      deadline,
      links: this.#linkChecker(deadline),
    };
    const states = await this.#docStates([entity]);
    const outcome = await this.#outcomeFor(entity, states, run, undefined);
    await this.#store.writeDoc({
      entity: toCoverageEntity(entity),
      outcome,
      at: new Date(now()),
    });
  }

  async #loadTemplate(deadline: number): Promise<IndexTemplate> {
    const template = await loadIndexTemplate(this.#config, url =>
      this.#read(url, undefined, deadline),
    );
    this.#template = template;
    if (template.problem) this.#logger.warn(template.problem);
    try {
      await this.#store.setTemplateProblem(template.problem);
    } catch (error) {
      this.#logger.error(`The template problem could not be stored: ${error}`);
    }
    return template;
  }

  /**
   * Whether the stored reports were checked against this fingerprint: by a
   * complete cycle of this process, or of any process on the same database
   * (another replica, an earlier run).
   */
  async #reportsCheckedAgainst(fingerprint: string): Promise<boolean> {
    if (this.#reportsTemplate === fingerprint) return true;
    try {
      return (await this.#store.getReportsFingerprint()) === fingerprint;
    } catch (error) {
      // Unknown: every doc is read in full, which loses nothing.
      this.#logger.warn(
        `The stored reports' template could not be read: ${error}`,
      );
      return false;
    }
  }

  #linkChecker(deadline: number): LinkChecker {
    return new LinkChecker({
      read: url => this.#read(url, undefined, deadline, true),
    });
  }

  async #docStates(entities: Entity[]): Promise<Map<string, StoredDocState>> {
    try {
      return await this.#store.getDocStates(
        entities.map(entity => toCoverageEntity(entity).entityRef),
      );
    } catch (error) {
      // Without the stored states every doc is read in full; nothing is lost.
      this.#logger.warn(`The stored doc states could not be read: ${error}`);
      return new Map();
    }
  }

  /**
   * Reads within the host's limits, waiting out rate limits until the
   * deadline; `urgent` reads (link checks, which a refresh waits for) go
   * first.
   */
  #read(
    url: string,
    etag: string | undefined,
    deadline: number,
    urgent = false,
  ): Promise<DocRead> {
    const { maxDocBytes, readTimeoutMs } = this.#options;
    return this.#limiter.run(
      url,
      () =>
        readDoc(this.#urlReader, url, {
          etag,
          maxBytes: maxDocBytes,
          timeoutMs: readTimeoutMs,
          now: this.#timing.now,
        }),
      {
        deadline,
        urgent,
        rateLimitWait: result =>
          result.kind === 'failed' && result.failure.kind === 'rate-limited'
            ? (result.failure.retryAfterMs ?? this.#timing.rateLimitFallbackMs)
            : undefined,
        pausedPastDeadline: pausedUntil => ({
          kind: 'failed',
          failure: {
            kind: 'rate-limited',
            message: `The host asked to wait until ${new Date(pausedUntil).toISOString()}, after this cycle's end; the doc is read in a later cycle.`,
          },
        }),
      },
    );
  }

  async #indexEntity(
    entity: Entity,
    states: Map<string, StoredDocState>,
    run: IndexRun,
    summary: CycleSummary,
  ): Promise<void> {
    const coverageEntity = toCoverageEntity(entity);
    let outcome: DocOutcome;
    try {
      outcome = await this.#outcomeFor(entity, states, run, summary);
    } catch (error) {
      // Unreachable by design (every step maps its failures); kept so that
      // one doc can never end the cycle.
      outcome = {
        kind: 'failed',
        error: {
          kind: 'failed',
          message: 'The doc could not be indexed.',
          at: new Date(this.#timing.now()).toISOString(),
        },
      };
      this.#logger.error(
        `Indexing ${coverageEntity.entityRef} failed: ${String(error)}`,
      );
    }
    const counted: Counted =
      outcome.kind === 'failed' ? { failed: outcome.error.kind } : outcome.kind;
    if (typeof counted === 'string') {
      if (counted === 'no-annotation') summary.noAnnotation += 1;
      else summary[counted] += 1;
    } else {
      summary.failed[counted.failed] =
        (summary.failed[counted.failed] ?? 0) + 1;
    }
    try {
      await this.#store.writeDoc({
        entity: coverageEntity,
        outcome,
        at: new Date(this.#timing.now()),
        cycleId: run.cycleId,
      });
    } catch (error) {
      summary.writeFailures += 1;
      this.#logger.error(
        `The outcome for ${coverageEntity.entityRef} could not be stored: ${String(error)}`,
      );
    }
  }

  async #outcomeFor(
    entity: Entity,
    states: Map<string, StoredDocState>,
    run: IndexRun,
    summary: CycleSummary | undefined,
  ): Promise<DocOutcome> {
    const coverageEntity = toCoverageEntity(entity);
    const at = () => new Date(this.#timing.now()).toISOString();
    const located = resolveEntityDocUrl(entity, {
      annotation: this.#options.annotation,
      resolveUrl: this.#resolveUrl,
      reader: 'the backend',
    });
    if (!located.ok) {
      if (located.kind === 'no-annotation') return { kind: 'no-annotation' };
      return {
        kind: 'failed',
        error: { kind: located.kind, message: located.message, at: at() },
      };
    }
    const docUrl = located.url;
    const stored = states.get(coverageEntity.entityRef);
    const sameDoc =
      run.trustStored && stored?.hasReport === true && stored.docUrl === docUrl;
    if (stored && run.currentSince !== undefined) {
      const currentSince = run.currentSince;
      const recent = (when: string | undefined) =>
        when !== undefined && Date.parse(when) > currentSince;
      const { failure } = stored;
      if (sameDoc && !failure && recent(stored.fetchedAt)) {
        run.links.noteExists(docUrl);
        return { kind: 'current', docUrl };
      }
      // The host's answer about this URL stands too when it was a settled
      // one (not found, no access, too large, not markdown); a timeout, a
      // rate limit or a server error is asked again every cycle.
      if (
        failure &&
        SETTLED_FAILURES.has(failure.kind) &&
        recent(failure.at) &&
        stored.docUrl === docUrl &&
        (sameDoc || !stored.hasReport)
      ) {
        return { kind: 'current', docUrl };
      }
    }
    const reading = this.#read(
      docUrl,
      sameDoc ? stored?.etag : undefined,
      run.deadline,
    );
    run.links.noteRead(docUrl, reading);
    const read = await reading;
    if (read.kind === 'not-modified') {
      if (sameDoc) return { kind: 'unchanged', docUrl };
      return {
        kind: 'failed',
        docUrl,
        error: {
          kind: 'failed',
          message: 'The host answered "not modified" to a plain read.',
          at: at(),
        },
      };
    }
    if (read.kind === 'failed') {
      return {
        kind: 'failed',
        docUrl,
        error: {
          kind: read.failure.kind,
          message: read.failure.message,
          at: at(),
        },
      };
    }
    if (summary) summary.read += 1;
    // Same content: the stored report stands. An `unchanged` write keeps the
    // stored ETag, so a host whose tag changes while the content does not
    // sends the body each cycle; it is still not analysed again.
    if (sameDoc && stored?.contentHash === read.contentHash) {
      return { kind: 'unchanged', docUrl };
    }
    const { laterLinks } = run;
    let linksLeftForLater = false;
    const analysis = await analyzeDoc(
      {
        entity: coverageEntity,
        docUrl,
        content: read.content,
        contentHash: read.contentHash,
        etag: read.etag,
      },
      {
        template: run.template,
        resolveUrl: this.#resolveUrl,
        // In a cycle, a target no doc read has answered yet is checked
        // once the docs are read.
        linkExists: laterLinks
          ? url => {
              const known = run.links.known(url);
              if (known) return known;
              linksLeftForLater = true;
              return Promise.resolve(undefined);
            }
          : url => run.links.exists(url),
        analyzeContent: input => this.#analysis.analyze(input),
      },
    );
    if (analysis.kind === 'too-complex') {
      return {
        kind: 'failed',
        docUrl,
        error: { kind: 'too-large', message: analysis.message, at: at() },
      };
    }
    if (laterLinks && linksLeftForLater) {
      laterLinks.add({
        entityRef: coverageEntity.entityRef,
        contentHash: analysis.doc.contentHash,
        linkUrls: analysis.linkUrls,
      });
    }
    return { kind: 'analysed', doc: analysis.doc };
  }

  /**
   * Checks the link targets the cycle's docs left for later, each once,
   * and marks the stored reports' links with the answers.
   */
  async #checkLaterLinks(
    run: IndexRun,
    later: LaterLinkChecks,
    summary: CycleSummary,
  ): Promise<void> {
    if (later.docs.length === 0) return;
    const status = new Map<string, LinkTargetExists>();
    await Promise.all(
      later.targets.map(async url => {
        status.set(url, await run.links.exists(url));
      }),
    );
    const results: DocLinkResults[] = later.docs.map(doc => ({
      entityRef: doc.entityRef,
      contentHash: doc.contentHash,
      linkExists: linkExistence(doc.linkUrls, status),
      brokenLinks: countBrokenLinks(
        new Set(doc.linkUrls.filter((url): url is string => url !== undefined)),
        status,
      ),
    }));
    try {
      await this.#store.writeLinkResults(results);
      summary.linksSettledLater = results.length;
    } catch (error) {
      summary.writeFailures += results.length;
      this.#logger.error(
        `The link checks of ${results.length} docs could not be stored; their links stay unchecked until the doc is analysed again: ${String(error)}`,
      );
    }
  }
}
