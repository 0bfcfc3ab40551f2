/**
 * Which indexed entities a caller may read, as decided by the catalog's read
 * permission:
 * - `all`: the policy allowed every entity;
 * - `none`: the policy denied every entity;
 * - `some`: only the listed entity refs (lower-case `kind:namespace/name`),
 *   which the database receives as one parameter so that filtering, sorting
 *   and paging stay in SQL.
 * @public
 */
export type EntityVisibility =
  { kind: 'all' } | { kind: 'none' } | { kind: 'some'; entityRefs: string[] };

/** Every entity is visible: the indexer's and administrators' view. @public */
export const ALL_ENTITIES_VISIBLE: EntityVisibility = { kind: 'all' };
