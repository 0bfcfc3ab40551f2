import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { tuneSqliteForWrites } from './sqlite-tuning';

describe('tuneSqliteForWrites', () => {
  let dir: string;
  let client: Knex | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sqlite-tuning-'));
  });

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  function sqliteFile(pool?: Knex.PoolConfig): Knex {
    client = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'docs.sqlite') },
      useNullAsDefault: true,
      pool,
    });
    return client;
  }

  it('should give a SQLite file a write-ahead log and commits that do not wait for the disk', async () => {
    const db = sqliteFile();
    expect(await db.raw('PRAGMA journal_mode')).toEqual([
      { journal_mode: 'delete' },
    ]);
    await tuneSqliteForWrites(db);
    expect(await db.raw('PRAGMA journal_mode')).toEqual([
      { journal_mode: 'wal' },
    ]);
    // 1 is NORMAL; SQLite's default is 2 (FULL).
    expect(await db.raw('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
  });

  it('should keep both for connections the pool opens later', async () => {
    // A pool that closes idle connections at once.
    const db = sqliteFile({
      min: 0,
      idleTimeoutMillis: 10,
      reapIntervalMillis: 10,
    });
    const opened: unknown[] = [];
    const pool = (db.client as { pool?: NodeJS.EventEmitter }).pool;
    await tuneSqliteForWrites(db);
    (db.client as { pool: NodeJS.EventEmitter }).pool.on(
      'createSuccess',
      (_id: unknown, connection: unknown) => opened.push(connection),
    );
    expect(pool).toBe((db.client as { pool?: unknown }).pool);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(await db.raw('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
    expect(opened).toHaveLength(1);
  });

  it('should leave other databases alone', async () => {
    const pg = knexFactory({ client: 'pg', connection: {} });
    const queries: unknown[] = [];
    pg.on('query', query => queries.push(query));
    await tuneSqliteForWrites(pg);
    expect(queries).toEqual([]);
    await pg.destroy();
  });
});
