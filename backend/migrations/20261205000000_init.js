// @ts-check

/**
 * The architecture docs index.
 *
 * - `architecture_docs`: one row per indexed entity: its catalog fields (for
 *   the coverage page's filters and sorts; `name_key` and `title_key` are
 *   their lower-cased forms, so text search and title order are the same on
 *   every database), its doc's status, the figures rows are filtered and
 *   sorted on, and the error of the last read. It holds no large value, so
 *   that filtering and sorting thousands of rows reads little.
 * - `architecture_doc_contents`: the last analysed source and its report,
 *   read one entity at a time.
 * - `architecture_doc_sections`: one row per analysed doc and template
 *   section, so that the section filter and the per-section and per-owner
 *   summaries are counted by the database.
 * - `architecture_doc_history`: one row per entity per UTC day: the score and
 *   a status string with one character per template section of that day
 *   (`p` present, `h` placeholder, `m` missing). The order of the characters
 *   is stored once per day in `architecture_doc_history_sections`
 *   (day, section id, 1-based position), so a day's history costs one short
 *   string per entity, and the per-section present share of any filtered
 *   view is one grouped query:
 *     SUM(CASE WHEN substr(h.statuses, s.position, 1) = 'p' THEN 1 ELSE 0 END)
 *   over history rows joined to that day's positions and to the entities of
 *   the view. A template that changes between days stays correct, because
 *   each day carries its own positions.
 * - `architecture_docs_meta`: key/value facts of the index (the last cycle's
 *   end, the template's sections, why the template could not be used).
 *
 * Times are ISO 8601 strings, which sort as they compare and read back the
 * same on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('architecture_docs', table => {
    table.comment('One row per indexed entity and its architecture doc');
    table.string('entity_ref', 512).primary().notNullable();
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('name', 255).notNullable();
    table.text('title').notNullable();
    table.text('name_key').notNullable();
    table.text('title_key').notNullable();
    table.string('owner', 512).notNullable().defaultTo('');
    table.string('system', 512).notNullable().defaultTo('');
    table.string('lifecycle', 255).notNullable().defaultTo('');
    table.text('doc_url').nullable();
    table.string('status', 32).notNullable();
    table.string('error_kind', 32).nullable();
    table.text('error_message').nullable();
    table.string('error_at', 32).nullable();
    table.text('etag').nullable();
    table.string('content_hash', 128).nullable();
    table.integer('score').nullable();
    table.integer('missing_count').nullable();
    table.integer('placeholder_count').nullable();
    table.text('missing').nullable();
    table.text('placeholder').nullable();
    table.integer('broken_links').nullable();
    table.boolean('is_architecture_doc').nullable();
    table.string('fetched_at', 32).nullable();
    table.string('changed_at', 32).nullable();
    table.string('written_at', 32).notNullable();
    table.string('last_seen_cycle', 255).nullable();
    table.index(['owner'], 'architecture_docs_owner_idx');
    table.index(['system'], 'architecture_docs_system_idx');
    table.index(['lifecycle'], 'architecture_docs_lifecycle_idx');
    table.index(['status'], 'architecture_docs_status_idx');
    table.index(['score'], 'architecture_docs_score_idx');
    table.index(['title_key', 'entity_ref'], 'architecture_docs_title_idx');
    table.index(['last_seen_cycle'], 'architecture_docs_cycle_idx');
  });

  await knex.schema.createTable('architecture_doc_contents', table => {
    table.comment('The last analysed source of each doc and its report');
    table
      .string('entity_ref', 512)
      .primary()
      .notNullable()
      .references('entity_ref')
      .inTable('architecture_docs')
      .onDelete('CASCADE');
    table.text('source').notNullable();
    table.text('report').notNullable();
  });

  await knex.schema.createTable('architecture_doc_sections', table => {
    table.comment('Each analysed doc’s status of each template section');
    table
      .string('entity_ref', 512)
      .notNullable()
      .references('entity_ref')
      .inTable('architecture_docs')
      .onDelete('CASCADE');
    table.string('section_id', 255).notNullable();
    table.string('status', 16).notNullable();
    table.primary(['entity_ref', 'section_id']);
    table.index(
      ['section_id', 'status'],
      'architecture_doc_sections_section_idx',
    );
  });

  await knex.schema.createTable('architecture_doc_history', table => {
    table.comment('One snapshot per entity per UTC day');
    table.string('entity_ref', 512).notNullable();
    table.string('day', 10).notNullable();
    table.integer('score').notNullable();
    table.text('statuses').notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'architecture_doc_history_day_idx');
  });

  await knex.schema.createTable('architecture_doc_history_sections', table => {
    table.comment('The position of each section in a day’s status strings');
    table.string('day', 10).notNullable();
    table.string('section_id', 255).notNullable();
    table.integer('position').notNullable();
    table.primary(['day', 'section_id']);
  });

  await knex.schema.createTable('architecture_docs_meta', table => {
    table.comment('Facts of the index as a whole');
    table.string('key', 64).primary().notNullable();
    table.text('value').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('architecture_docs_meta');
  await knex.schema.dropTable('architecture_doc_history_sections');
  await knex.schema.dropTable('architecture_doc_history');
  await knex.schema.dropTable('architecture_doc_sections');
  await knex.schema.dropTable('architecture_doc_contents');
  await knex.schema.dropTable('architecture_docs');
};
