import type { DocWrite } from './types';

/** Writes committed in one transaction at most. */
const WRITE_BATCH_SIZE = 200;

/**
 * Queued writes that are committed at once, without waiting to gather more:
 * when docs are not read (nothing changed), outcomes arrive faster than
 * any wait would gather them. Below the indexer's docs in flight, so that
 * they never all wait.
 */
const GATHERED_ENOUGH = 16;

/**
 * How long a write waits for others to join its transaction. A transaction
 * is costly whatever its size (the query builder it creates, a commit);
 * while a cycle's reads answer a few docs at a time, this gathers a few
 * dozen docs into one instead of committing them one or two at a time.
 */
const DEFAULT_GATHER_MS = 100;

interface QueuedWrite {
  write: DocWrite;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** What a {@link WriteQueue} gathers with. */
export interface WriteQueueOptions {
  /** How long the first queued write waits for others. Default 100 ms. */
  gatherMs?: number;
}

/**
 * Gathers the writes that arrive together (the indexer reads several docs
 * at once) and commits them in one transaction, which is what makes a cycle
 * of thousands of docs cheap. Writes are committed once a few are queued, or
 * once the first has waited `gatherMs`; a batch takes every queued write, up
 * to 200. Each entity appears at most once
 * per batch, so a batch is one multi-row upsert; a batch that fails is
 * retried one write at a time, so one bad write fails alone.
 */
export class WriteQueue {
  private readonly queue: QueuedWrite[] = [];
  private readonly gatherMs: number;
  private gathering?: ReturnType<typeof setTimeout>;
  private flushScheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: (writes: DocWrite[]) => Promise<void>,
    options: WriteQueueOptions = {},
  ) {
    this.gatherMs = options.gatherMs ?? DEFAULT_GATHER_MS;
  }

  /** Queues a write; resolves once it is committed. */
  push(write: DocWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      if (this.queue.length >= GATHERED_ENOUGH) this.scheduleFlush();
      else
        this.gathering ??= setTimeout(
          () => this.scheduleFlush(),
          this.gatherMs,
        );
    });
  }

  /** Commits every write queued so far, without waiting to gather more. */
  async drain(): Promise<void> {
    do {
      if (this.queue.length > 0) this.scheduleFlush();
      await new Promise(resolve => setImmediate(resolve));
      await this.flushing;
    } while (this.queue.length > 0 || this.flushScheduled);
  }

  private scheduleFlush(): void {
    clearTimeout(this.gathering);
    this.gathering = undefined;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushing = this.flushing.then(() => this.flushOnce());
    });
  }

  private async flushOnce(): Promise<void> {
    const batch: QueuedWrite[] = [];
    const refs = new Set<string>();
    while (this.queue.length > 0 && batch.length < WRITE_BATCH_SIZE) {
      const ref = this.queue[0].write.entity.entityRef;
      if (refs.has(ref)) break;
      refs.add(ref);
      batch.push(this.queue.shift()!);
    }
    // What is left has waited already.
    if (this.queue.length > 0) this.scheduleFlush();
    if (batch.length === 0) return;
    try {
      await this.commit(batch.map(item => item.write));
      for (const item of batch) item.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const item of batch) {
        await this.commit([item.write]).then(item.resolve, item.reject);
      }
    }
  }
}
