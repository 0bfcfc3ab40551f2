/**
 * The plugin's table names, as the migrations in `backend/migrations`
 * create them (see the first migration for the design).
 */
export const DOCS_TABLE = 'architecture_docs';
/** The last analysed source of each doc and its report. */
export const CONTENTS_TABLE = 'architecture_doc_contents';
/** Per analysed doc and template section, its status. */
export const SECTIONS_TABLE = 'architecture_doc_sections';
/** One snapshot per entity per UTC day. */
export const HISTORY_TABLE = 'architecture_doc_history';
/** Per day, the position of each section in that day's status strings. */
export const HISTORY_SECTIONS_TABLE = 'architecture_doc_history_sections';
/** Key/value facts of the index. */
export const META_TABLE = 'architecture_docs_meta';

/** The history status string's character for each section status. */
export const HISTORY_STATUS_CHAR = {
  present: 'p',
  placeholder: 'h',
  missing: 'm',
} as const;
