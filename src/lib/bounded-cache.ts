/**
 * Options of {@link BoundedCache}.
 * @public
 */
export interface BoundedCacheOptions<V> {
  /** At most this many entries; the least recently used go first. */
  maxEntries: number;
  /** At most this many bytes, as `sizeOf` counts them; unbounded when absent. */
  maxBytes?: number;
  /** The bytes an entry holds; needed with `maxBytes`. */
  sizeOf?: (value: V) => number;
}

/**
 * A map that forgets its least recently used entries past a number of
 * entries and, optionally, past a number of bytes. Every cache of the
 * plugin that outlives one view is one of these, so none grows without end.
 * @public
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, { value: V; bytes: number }>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #sizeOf: (value: V) => number;
  #bytes = 0;

  constructor(options: BoundedCacheOptions<V>) {
    this.#maxEntries = Math.max(1, options.maxEntries);
    this.#maxBytes = options.maxBytes ?? Infinity;
    this.#sizeOf = options.sizeOf ?? (() => 0);
  }

  /** Entries held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Bytes held, as `sizeOf` counts them. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The entry's value, which becomes the most recently used. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-inserting keeps the Map's order least recently used first.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Whether the key is held, without making it recently used. */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /**
   * Stores a value as the most recently used, then forgets the least
   * recently used entries until both bounds hold. A value larger than
   * `maxBytes` on its own is not stored.
   */
  set(key: K, value: V): this {
    this.delete(key);
    const bytes = this.#sizeOf(value);
    if (bytes > this.#maxBytes) return this;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    while (
      this.#entries.size > this.#maxEntries ||
      this.#bytes > this.#maxBytes
    ) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    return this;
  }

  /** Forgets one entry. */
  delete(key: K): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
    return true;
  }

  /** Forgets every entry whose key `keep` rejects, e.g. those of entities that left. */
  retain(keep: (key: K) => boolean): void {
    for (const key of [...this.#entries.keys()]) {
      if (!keep(key)) this.delete(key);
    }
  }

  /** Keys, least recently used first. */
  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }

  /** Values, least recently used first, without making any recently used. */
  *values(): IterableIterator<V> {
    for (const entry of this.#entries.values()) yield entry.value;
  }
}
