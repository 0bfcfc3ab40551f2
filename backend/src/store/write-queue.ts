import type { DocWrite } from './types';

/** Writes committed in one transaction at most. */
const WRITE_BATCH_SIZE = 200;

interface QueuedWrite {
  write: DocWrite;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the writes that arrive together (the indexer reads several docs
 * at once) and commits them in one transaction, which is what makes a cycle
 * of thousands of docs cheap. Each entity appears at most once per batch, so
 * a batch is one multi-row upsert; a batch that fails is retried one write
 * at a time, so one bad write fails alone.
 */
export class WriteQueue {
  private readonly queue: QueuedWrite[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly commit: (writes: DocWrite[]) => Promise<void>) {}

  /** Queues a write; resolves once it is committed. */
  push(write: DocWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Waits until every write queued so far is committed. */
  async drain(): Promise<void> {
    do {
      await new Promise(resolve => setImmediate(resolve));
      await this.flushing;
    } while (this.queue.length > 0 || this.flushScheduled);
  }

  private scheduleFlush(): void {
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
