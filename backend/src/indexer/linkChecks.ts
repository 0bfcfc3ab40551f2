import type { DocRead } from './readDoc';

/**
 * Whether a link target exists: true when the host serves it, false on
 * "not found", undefined when the read failed otherwise (no access, network,
 * rate limit), which says nothing about the target.
 */
export type LinkTargetExists = boolean | undefined;

/** What a {@link LinkChecker} reads with. */
export interface LinkCheckerOptions {
  /**
   * Reads a link target within the host's limits, ahead of docs not read
   * yet (a doc in flight waits for its links).
   */
  read: (url: string) => Promise<DocRead>;
  /**
   * Bytes of link targets' content kept for a doc read of the same URL
   * later in the cycle (a related doc is often another entity's doc).
   * The oldest go first past this bound. Default 16 MiB.
   */
  handoffBytes?: number;
}

const DEFAULT_HANDOFF_BYTES = 16 * 1024 * 1024;

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
 * sharing reads with the cycle's doc reads so that the host answers each
 * URL once: a target some doc read already asked for takes that answer,
 * and a doc read takes a link check's read of its URL instead of reading
 * again ({@link LinkChecker.takeRead}).
 */
export class LinkChecker {
  readonly #read: (url: string) => Promise<DocRead>;
  readonly #handoffLimit: number;
  readonly #known = new Map<string, Promise<LinkTargetExists>>();
  /** This checker's reads not yet taken by a doc read, oldest first. */
  readonly #handoff = new Map<string, Promise<DocRead>>();
  /** Content bytes of the settled reads in `#handoff`. */
  readonly #handoffSizes = new Map<string, number>();
  #handoffBytes = 0;
  #checked = 0;

  constructor(options: LinkCheckerOptions) {
    this.#read = options.read;
    this.#handoffLimit = options.handoffBytes ?? DEFAULT_HANDOFF_BYTES;
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
      const read = this.#read(url);
      this.#handoff.set(url, read);
      read.then(
        result => this.#settled(url, read, result),
        () => this.#handoff.delete(url),
      );
      known = read.then(linkTargetExists, () => undefined);
      this.#known.set(url, known);
    }
    return known;
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

  /**
   * This checker's read of `url`, when it made one and still holds it, for
   * a doc read of the same URL to use; each read is handed over once.
   */
  takeRead(url: string): Promise<DocRead> | undefined {
    const read = this.#handoff.get(url);
    if (read) this.#release(url);
    return read;
  }

  #settled(url: string, read: Promise<DocRead>, result: DocRead): void {
    // Taken or evicted meanwhile.
    if (this.#handoff.get(url) !== read) return;
    const size = result.kind === 'content' ? result.content.length * 2 : 0;
    this.#handoffSizes.set(url, size);
    this.#handoffBytes += size;
    for (const [oldest] of this.#handoffSizes) {
      if (this.#handoffBytes <= this.#handoffLimit) break;
      this.#release(oldest);
    }
  }

  #release(url: string): void {
    this.#handoff.delete(url);
    this.#handoffBytes -= this.#handoffSizes.get(url) ?? 0;
    this.#handoffSizes.delete(url);
  }
}
