import type { DocRead } from './readDoc';

/**
 * Whether a link target exists: true when the host serves it, false on
 * "not found", undefined when the read failed otherwise (no access, network,
 * rate limit), which says nothing about the target.
 */
export type LinkTargetExists = boolean | undefined;

/** What a {@link LinkChecker} reads with. */
export interface LinkCheckerOptions {
  /** Reads a link target within the host's limits. */
  read: (url: string) => Promise<DocRead>;
}

/** What a read says about its URL as a link target. */
export function linkTargetExists(read: DocRead): LinkTargetExists {
  if (read.kind !== 'failed') return true;
  switch (read.failure.kind) {
    case 'not-found':
      return false;
    // The host served something: too big, or not text.
    case 'too-large':
    case 'unexpected-content':
      return true;
    default:
      return undefined;
  }
}

/**
 * Checks relative link targets once per cycle (one checker per cycle),
 * sharing answers with the cycle's doc reads so that the host answers each
 * URL once: a target some doc read already asked for takes that answer
 * ({@link LinkChecker.noteRead}, {@link LinkChecker.noteExists}).
 */
export class LinkChecker {
  readonly #read: (url: string) => Promise<DocRead>;
  readonly #known = new Map<string, Promise<LinkTargetExists>>();
  #checked = 0;

  constructor(options: LinkCheckerOptions) {
    this.#read = options.read;
  }

  /** Distinct targets this checker read. */
  get checked(): number {
    return this.#checked;
  }

  /** Whether the target exists; the first call reads it, later ones share that answer. */
  exists(url: string): Promise<LinkTargetExists> {
    let known = this.#known.get(url);
    if (!known) {
      this.#checked += 1;
      known = this.#read(url).then(linkTargetExists, () => undefined);
      this.#known.set(url, known);
    }
    return known;
  }

  /**
   * The answer about the target when this cycle already has it or is
   * reading it (a doc read or an earlier check), without reading it.
   */
  known(url: string): Promise<LinkTargetExists> | undefined {
    return this.#known.get(url);
  }

  /**
   * A doc read of `url` in this cycle: later link checks of the URL take
   * its answer instead of reading it again.
   */
  noteRead(url: string, read: Promise<DocRead>): void {
    if (!this.#known.has(url)) {
      this.#known.set(
        url,
        read.then(linkTargetExists, () => undefined),
      );
    }
  }

  /** A doc known to exist without a read this cycle (read recently). */
  noteExists(url: string): void {
    if (!this.#known.has(url)) this.#known.set(url, Promise.resolve(true));
  }
}

/** An analysed doc with link targets no doc read had answered when it was stored. */
export interface DocWithLaterLinks {
  entityRef: string;
  contentHash: string;
  /** Per link of its report: the target's URL when it is checked. */
  linkUrls: Array<string | undefined>;
}

/**
 * The docs of a cycle whose links are checked once the docs are read, so
 * that link checks do not take the host's reads from docs; the URLs are
 * shared between docs, as many docs link the same targets.
 */
export class LaterLinkChecks {
  readonly docs: DocWithLaterLinks[] = [];
  readonly #urls = new Map<string, string>();

  add(doc: DocWithLaterLinks): void {
    this.docs.push({
      ...doc,
      linkUrls: doc.linkUrls.map(url => {
        if (url === undefined) return undefined;
        const shared = this.#urls.get(url);
        if (shared !== undefined) return shared;
        this.#urls.set(url, url);
        return url;
      }),
    });
  }

  get targets(): string[] {
    return [...this.#urls.keys()];
  }
}
