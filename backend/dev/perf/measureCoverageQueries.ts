/*
 * Measures the coverage API's queries on their own: a store of N indexed
 * entities (the generated catalog, each with one of the generated docs,
 * analysed once per distinct doc), then each of the backend benchmark's
 * filtered, sorted 50-row pages (bench/coverage-queries.mjs) asked many
 * times, with its median and p95.
 *
 * Run from the repository root:
 *   node -r sucrase/register backend/dev/perf/measureCoverageQueries.ts [entities] [database]
 * Defaults: 20,000 entities, SQLite in a temporary file. A PostgreSQL
 * connection string as the second argument measures a fresh database there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  defaultTemplateModel,
  filtersFromSearchParams,
  toCoverageEntity,
} from 'backstage-plugin-architecture-docs-common';
import knexFactory, { type Knex } from 'knex';
// The generated catalog and docs are the repository's dev fixtures.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { generatedComponent } from '../../../dev/generated-catalog';
import { analyzeDoc } from '../../src/indexer/analyzeDoc';
import { DatabaseDocStore } from '../../src/store/DatabaseDocStore';
import { importModule, quietLogger } from './perfSupport';
import { ALL_ENTITIES_VISIBLE } from '../../src/store/visibility';

const RUNS = 40;
/** Distinct docs analysed; the entities share them. */
const DISTINCT_DOCS = 200;

function percentile(sorted: number[], share: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)
  ];
}

async function openDatabase(
  target: string | undefined,
): Promise<{ client: Knex; cleanUp: () => Promise<void> }> {
  if (target?.startsWith('postgres')) {
    const name = `coverage_queries_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = knexFactory({ client: 'pg', connection: target });
    await admin.raw(`CREATE DATABASE ${name}`);
    const url = new URL(target);
    url.pathname = `/${name}`;
    const client = knexFactory({ client: 'pg', connection: url.toString() });
    return {
      client,
      cleanUp: async () => {
        await client.destroy();
        await admin.raw(`DROP DATABASE ${name}`);
        await admin.destroy();
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'measure-coverage-'));
  const client = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'architecture-docs.sqlite') },
    useNullAsDefault: true,
  });
  return {
    client,
    cleanUp: async () => {
      await client.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const count = Number(process.argv[2] ?? 20_000);
  const { client, cleanUp } = await openDatabase(process.argv[3]);
  const store = DatabaseDocStore.create({
    database: { getClient: async () => client },
    logger: quietLogger,
  });
  const { loadDocShapes, generatedDoc } = await importModule(
    require.resolve('../../../dev/doc-server.mjs'),
  );
  const { coverageQueries } = await importModule(
    require.resolve('../../../bench/coverage-queries.mjs'),
  );
  const shapes = loadDocShapes();
  const template = defaultTemplateModel();
  const variants = ['complete', 'trimmed', 'placeholder', 'broken'];
  const analysed = [];
  for (let i = 0; i < DISTINCT_DOCS; i += 1) {
    const content = generatedDoc(shapes, variants[i % 4], i, `doc-${i}`);
    const analysis = await analyzeDoc(
      {
        entity: toCoverageEntity(generatedComponent(i)),
        docUrl: `http://localhost:7008/generated/doc-${i}/Architecture.md`,
        content,
        contentHash: `hash-${i}`,
      },
      {
        template,
        resolveUrl: (url, base) => new URL(url, base).toString(),
        linkExists: async () => true,
      },
    );
    if (analysis.kind === 'analysed') analysed.push(analysis.doc);
  }

  const cycleId = randomUUID();
  const writeStarted = performance.now();
  const writes: Array<Promise<void>> = [];
  for (let i = 0; i < count; i += 1) {
    const doc = analysed[i % analysed.length];
    writes.push(
      store.writeDoc({
        entity: toCoverageEntity(generatedComponent(i)),
        outcome: { kind: 'analysed', doc },
        at: new Date(),
        cycleId,
      }),
    );
  }
  await Promise.all(writes);
  await store.finishCycle({
    cycleId,
    finishedAt: new Date(),
    historyDays: 180,
    templateSections: template.sections.map(s => ({
      id: s.id,
      title: s.title,
    })),
  });
  const writeMs = performance.now() - writeStarted;

  const figures = [];
  const all: number[] = [];
  // As the benchmark asks: about the template's first section.
  const queries: string[] = coverageQueries(template.sections[0].id);
  for (const query of queries) {
    const filters = filtersFromSearchParams(new URLSearchParams(query));
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const page = await store.queryRows(
        filters,
        { offset: 50 * (i % 4), limit: 50 },
        ALL_ENTITIES_VISIBLE,
      );
      times.push(performance.now() - started);
      total = page.totalCount;
    }
    all.push(...times.slice(2));
    times.sort((a, b) => a - b);
    figures.push({
      query,
      totalCount: total,
      medianMs: Number(percentile(times, 0.5).toFixed(1)),
      p95Ms: Number(percentile(times, 0.95).toFixed(1)),
    });
  }
  all.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify(
      {
        entities: count,
        database: String(client.client.config.client),
        writeMs: Math.round(writeMs),
        queries: figures,
        allP95Ms: Number(percentile(all, 0.95).toFixed(1)),
      },
      null,
      2,
    )}\n`,
  );
  store.close();
  await cleanUp();
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
