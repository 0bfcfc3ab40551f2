import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError, stringifyError } from '@backstage/errors';
import type { Knex } from 'knex';

/** How the store waits for its database. */
export interface DatabaseReadinessOptions {
  /** Longest a call waits for the database before it fails. */
  waitMs: number;
  /** First pause between two attempts; doubled after each failure. */
  initialRetryMs: number;
  /** Longest pause between two attempts. */
  maxRetryMs: number;
}

/** Defaults: calls wait 10 s; attempts 1 s apart, backing off to 30 s. */
export const DEFAULT_DATABASE_READINESS: DatabaseReadinessOptions = {
  waitMs: 10_000,
  initialRetryMs: 1_000,
  maxRetryMs: 30_000,
};

/**
 * Connects to the plugin's database and brings its schema up to date in the
 * background, retrying with backoff until it succeeds, so that a database
 * that is down when the backend starts only delays the plugin: each failed
 * attempt is logged with its cause, and the plugin works once the database
 * answers. Calls made meanwhile wait a bounded time, then fail with
 * `ServiceUnavailableError` saying why (the API answers 503).
 */
export class DatabaseReadiness {
  private readyClient: Knex | undefined;
  private lastError: string | undefined;
  private readonly waiters = new Set<() => void>();
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly database: DatabaseService,
    /** Readies the client: settings and, unless the app skips them, migrations. */
    private readonly prepare: (client: Knex) => Promise<void>,
    private readonly logger: LoggerService,
    private readonly options: DatabaseReadinessOptions,
  ) {}

  /** Starts the attempts; returns at once. */
  start(): void {
    void this.attempt(1, this.options.initialRetryMs);
  }

  /** Stops retrying (for tests and shutdown). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async attempt(attempt: number, delayMs: number): Promise<void> {
    if (this.stopped) return;
    try {
      const client = await this.database.getClient();
      await this.prepare(client);
      this.readyClient = client;
      this.lastError = undefined;
      if (attempt > 1) {
        this.logger.info(
          `Architecture docs database is available after ${attempt} attempts`,
        );
      }
      for (const wake of this.waiters) wake();
      this.waiters.clear();
    } catch (error) {
      this.lastError = stringifyError(error);
      this.logger.error(
        `Architecture docs database is not available (attempt ${attempt}); retrying in ${Math.round(
          delayMs / 1000,
        )} s: ${this.lastError}`,
      );
      this.retryTimer = setTimeout(
        () =>
          void this.attempt(
            attempt + 1,
            Math.min(delayMs * 2, this.options.maxRetryMs),
          ),
        delayMs,
      );
      this.retryTimer.unref?.();
    }
  }

  /** The ready client, waiting for it at most `waitMs`. */
  async getClient(): Promise<Knex> {
    if (this.readyClient) return this.readyClient;
    await new Promise<void>(resolve => {
      let timer: ReturnType<typeof setTimeout> | undefined = undefined;
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      timer = setTimeout(wake, this.options.waitMs);
      this.waiters.add(wake);
    });
    if (this.readyClient) return this.readyClient;
    throw new ServiceUnavailableError(
      `The architecture docs database is not available yet${
        this.lastError ? `: ${this.lastError}` : ' (still connecting)'
      }`,
    );
  }
}
