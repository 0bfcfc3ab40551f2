import type { SectionStatus, TemplateModel } from '../analysis';

/**
 * What the catalog-wide page knows about one entity's doc.
 * - `pending`: not fetched yet;
 * - `no-annotation`: the entity does not point at a doc;
 * - `not-found`: the host answered 404;
 * - `sign-in-needed`: the host answered 401/403;
 * - `error`: any other failure (timeout, too large, 5xx, invalid location…);
 * - `analysed`: the doc was fetched and checked against the template.
 * @public
 */
export type CoverageStatus =
  | 'pending'
  | 'no-annotation'
  | 'not-found'
  | 'sign-in-needed'
  | 'error'
  | 'analysed';

/** The statuses in the order the page lists them. @public */
export const COVERAGE_STATUSES: readonly CoverageStatus[] = [
  'analysed',
  'no-annotation',
  'not-found',
  'sign-in-needed',
  'error',
  'pending',
];

/**
 * The catalog fields of an entity the page shows, flattened.
 * @public
 */
export interface CoverageEntity {
  /** `kind:namespace/name`, lower case as the catalog writes refs. */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  /** `metadata.title`, else the name. */
  title: string;
  /** `spec.owner` as written, or empty. */
  owner: string;
  /** `spec.system` as written, or empty. */
  system: string;
  /** `spec.lifecycle`, or empty. */
  lifecycle: string;
}

/**
 * The outcome of fetching and analysing one doc: plain data, small enough to
 * keep for thousands of entities and across visits.
 * @public
 */
export interface CoverageDocResult {
  status: Exclude<CoverageStatus, 'pending'>;
  /** The doc's URL, when the annotation could be resolved. */
  docUrl?: string;
  /** The host's entity tag for the analysed content. */
  etag?: string;
  /** Why the doc could not be analysed, for the non-`analysed` statuses. */
  message?: string;
  /** 0–100, for `analysed`. */
  score?: number;
  /** Section statuses in template order, for `analysed`. */
  sections?: SectionStatus[];
  /** URLs of the doc's relative doc and contract links, deduplicated. */
  linkTargets?: string[];
  /** Whether any template section was recognised. */
  isArchitectureDoc?: boolean;
}

/**
 * One row of the page: the entity, its doc's status and the figures derived
 * from the analysis.
 * @public
 */
export interface CoverageRow extends CoverageEntity {
  status: CoverageStatus;
  message?: string;
  docUrl?: string;
  score: number | null;
  /** Titles of the missing template sections, in template order. */
  missing: string[];
  /** Titles of the placeholder template sections, in template order. */
  placeholder: string[];
  /** Ids of the sections per status, for filtering by section. */
  sectionStatus: Record<string, SectionStatus>;
  /** Links whose target does not exist; null until the links were checked. */
  brokenLinks: number | null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The fields the page asks the catalog for; nothing else is read.
 * @public
 */
export const COVERAGE_ENTITY_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
];

/**
 * Flattens a catalog entity for the page.
 * @public
 */
export function toCoverageEntity(entity: {
  kind: string;
  metadata: { name: string; namespace?: string; title?: string };
  spec?: Record<string, unknown> | object;
}): CoverageEntity {
  const namespace = entity.metadata.namespace || 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return {
    // Lower-cased as Backstage compares refs; `toLowerCase` is the same
    // mapping as 'en-US' without an ICU locale lookup, for thousands of rows
    // in the render that first shows them.
    entityRef:
      `${entity.kind}:${namespace}/${entity.metadata.name}`.toLowerCase(),
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    title: text(entity.metadata.title) || entity.metadata.name,
    owner: text(spec.owner),
    system: text(spec.system),
    lifecycle: text(spec.lifecycle),
  };
}

/**
 * Builds a row from an entity and what is known of its doc. Broken links are
 * counted against `linkStatus` (URL → whether the target exists); they stay
 * unknown (null) while any target is unchecked.
 * @public
 */
export function buildCoverageRow(
  entity: CoverageEntity,
  result: CoverageDocResult | undefined,
  template: TemplateModel,
  linkStatus: ReadonlyMap<string, boolean>,
): CoverageRow {
  const row: CoverageRow = {
    ...entity,
    status: result?.status ?? 'pending',
    message: result?.message,
    docUrl: result?.docUrl,
    score: null,
    missing: [],
    placeholder: [],
    sectionStatus: {},
    brokenLinks: null,
  };
  if (!result || result.status !== 'analysed') return row;
  row.score = result.score ?? 0;
  template.sections.forEach((section, index) => {
    const status = result.sections?.[index] ?? 'missing';
    row.sectionStatus[section.id] = status;
    if (status === 'missing') row.missing.push(section.title);
    else if (status === 'placeholder') row.placeholder.push(section.title);
  });
  row.brokenLinks = countBrokenLinks(result.linkTargets ?? [], linkStatus);
  return row;
}

/**
 * The link targets that do not exist, per `linkStatus` (URL → whether the
 * target exists); null while any target is unchecked.
 * @public
 */
export function countBrokenLinks(
  linkTargets: Iterable<string>,
  linkStatus: ReadonlyMap<string, boolean | undefined>,
): number | null {
  let broken = 0;
  for (const url of linkTargets) {
    const exists = linkStatus.get(url);
    if (exists === undefined) return null;
    if (!exists) broken += 1;
  }
  return broken;
}
