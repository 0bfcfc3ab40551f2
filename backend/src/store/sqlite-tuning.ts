import type { Knex } from 'knex';
import { isSqlite } from './coverage-query';

/**
 * Makes SQLite commits cheap: a write-ahead log with `synchronous = NORMAL`,
 * so that a commit appends to the log without waiting for the disk.
 * better-sqlite3 runs on the event loop, so with SQLite's defaults each of
 * a cycle's many small commits would hold the loop for a disk flush while
 * reads wait for their answers. The log mode is kept by the database file,
 * and better-sqlite3 opens such a file with `synchronous = NORMAL`, so
 * connections the pool opens later get both. A crash of the process loses
 * nothing committed; a power loss may lose the last commits, which the next
 * cycle writes again. An in-memory database keeps its memory journal, and
 * other databases are left as they are.
 */
export async function tuneSqliteForWrites(client: Knex): Promise<void> {
  if (!isSqlite(client)) return;
  await client.raw('PRAGMA journal_mode = WAL');
  await client.raw('PRAGMA synchronous = NORMAL');
}
