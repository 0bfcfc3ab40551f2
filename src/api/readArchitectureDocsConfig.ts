import type { ConfigApi } from '@backstage/core-plugin-api';
import {
  BUILT_IN_TEMPLATE_NAMES,
  ARCHITECTURE_DOC_ANNOTATION,
} from 'backstage-plugin-architecture-docs-common/client';
import {
  describeValue,
  isRecord,
  readObject,
  readPositiveInteger,
  readString,
  readStringList,
  toNumber,
  type Problems,
} from './configValueReaders';
import { readDiagramEntitiesConfig } from './readDiagramEntitiesConfig';

/**
 * How the default client reaches docs: `scm` through the SCM integrations,
 * `proxy` through a Backstage proxy path.
 * @public
 */
export type ArchitectureDocsFetchMode = 'scm' | 'proxy';

/**
 * Where the views read docs and reports from: `backend` from the
 * architecture docs backend's index, `browser` by fetching each doc in the
 * visitor's browser, `auto` from the backend when the app serves it.
 * @public
 */
export type ArchitectureDocsSource = 'auto' | 'backend' | 'browser';

/** The values `architectureDocs.source` accepts. */
const SOURCES: readonly ArchitectureDocsSource[] = [
  'auto',
  'backend',
  'browser',
];

/**
 * The `architectureDocs.fetch` settings, with defaults applied.
 * @public
 */
export interface ArchitectureDocsFetchConfig {
  /** How docs are reached. Default `scm`. */
  mode: ArchitectureDocsFetchMode;
  /**
   * The proxy path used in `proxy` mode, starting with `/` and without a
   * trailing slash. Always set when `mode` is `proxy`.
   */
  proxyPath?: string;
  /** Milliseconds before a doc fetch is abandoned. Default 10000. */
  timeoutMs: number;
  /** Largest doc accepted, in bytes. Default 1048576. */
  maxBytes: number;
}

/**
 * One entry of `architectureDocs.sections`, as configured.
 * @public
 */
export interface ArchitectureDocsSectionConfig {
  /** The section title as the template writes it. */
  title: string;
  /** Other headings that mean the same. */
  aliases?: string[];
  /** Share of the score, relative to the others. */
  weight?: number;
  /** Whether a missing section is an error. */
  required?: boolean;
}

/**
 * The `architectureDocs.coverage` settings, with defaults applied.
 * @public
 */
export interface ArchitectureDocsCoverageConfig {
  /** Entity kinds listed on the catalog-wide page. Default `['Component']`. */
  kinds: string[];
  /** Docs fetched at once by the catalog-wide page. Default 6. */
  concurrency: number;
}

/**
 * The plugin's configuration, with defaults applied and bad values replaced.
 * @public
 */
export interface ArchitectureDocsConfig {
  /** The entity annotation that points at the doc. */
  annotation: string;
  /** URL of the organisation's template markdown, when configured. */
  templateUrl?: string;
  /**
   * A built-in template by name (`default` or `arc42`), when configured;
   * `templateUrl` and `sections` take precedence over it.
   */
  template?: string;
  /** An inline section list, when configured; takes precedence over `templateUrl`. */
  sections?: ArchitectureDocsSectionConfig[];
  /**
   * Where the views read docs from, when configured with a valid value;
   * absent means `auto`.
   */
  source?: ArchitectureDocsSource;
  /** How docs are fetched. */
  fetch: ArchitectureDocsFetchConfig;
  /** The catalog-wide page's settings. */
  coverage: ArchitectureDocsCoverageConfig;
  /**
   * Participant names of the docs' diagrams mapped to the entity refs they
   * stand for, for names that differ from the entity's name and title;
   * absent when not configured.
   */
  diagramEntities?: Record<string, string>;
  /**
   * One readable sentence per configuration value that was ignored, naming
   * its key. Empty when the configuration is valid.
   */
  problems: string[];
}

/**
 * The values used for keys that are absent or invalid.
 * @public
 */
export const DEFAULT_ARCHITECTURE_DOCS_CONFIG = {
  annotation: ARCHITECTURE_DOC_ANNOTATION,
  source: 'auto',
  fetch: { mode: 'scm', timeoutMs: 10000, maxBytes: 1048576 },
  coverage: { kinds: ['Component'], concurrency: 6 },
} as const;

const ROOT = 'architectureDocs';

function readTemplateName(
  value: unknown,
  problems: Problems,
): string | undefined {
  const path = `${ROOT}.template`;
  const name = readString(value, path, problems, 'using the default template');
  if (name === undefined) return undefined;
  const known = BUILT_IN_TEMPLATE_NAMES.find(n => n === name.toLowerCase());
  if (known) return known;
  problems.push(
    `${path} must be one of ${BUILT_IN_TEMPLATE_NAMES.map(n => `"${n}"`).join(', ')}, got "${name}"; using the default template.`,
  );
  return undefined;
}

function readSource(
  value: unknown,
  problems: Problems,
): ArchitectureDocsSource | undefined {
  if (value === undefined) return undefined;
  const known = SOURCES.find(source => source === value);
  if (known) return known;
  const fallback = DEFAULT_ARCHITECTURE_DOCS_CONFIG.source;
  problems.push(
    `${ROOT}.source must be one of ${SOURCES.map(n => `"${n}"`).join(', ')}, got ${describeValue(value)}; using "${fallback}".`,
  );
  return undefined;
}

function readAnnotation(
  root: Record<string, unknown> | undefined,
  problems: Problems,
): string {
  const fallback = DEFAULT_ARCHITECTURE_DOCS_CONFIG.annotation;
  const path = `${ROOT}.annotation`;
  const value = readString(
    root?.annotation,
    path,
    problems,
    `using "${fallback}"`,
  );
  if (value === undefined) return fallback;
  if (/\s/.test(value)) {
    problems.push(
      `${path} must not contain spaces, got ${describeValue(value)}; using "${fallback}".`,
    );
    return fallback;
  }
  return value;
}

function readSection(
  value: unknown,
  path: string,
  problems: Problems,
): ArchitectureDocsSectionConfig | undefined {
  if (!isRecord(value)) {
    problems.push(
      `${path} must be an object with a title, got ${describeValue(value)}; ignoring this section.`,
    );
    return undefined;
  }
  const title = readString(
    value.title,
    `${path}.title`,
    problems,
    'ignoring this section',
  );
  if (title === undefined) {
    if (value.title === undefined) {
      problems.push(`${path}.title is missing; ignoring this section.`);
    }
    return undefined;
  }
  const section: ArchitectureDocsSectionConfig = { title };
  if (value.aliases !== undefined) {
    const aliases = readStringList(
      value.aliases,
      `${path}.aliases`,
      problems,
      'ignoring them',
    );
    if (aliases) section.aliases = aliases;
  }
  if (value.weight !== undefined) {
    const weight = toNumber(value.weight);
    // Zero is allowed: it keeps a section in the checklist without scoring it.
    if (weight !== undefined && Number.isFinite(weight) && weight >= 0)
      section.weight = weight;
    else
      problems.push(
        `${path}.weight must be a number of 0 or more, got ${describeValue(value.weight)}; using 1.`,
      );
  }
  if (value.required !== undefined) {
    if (typeof value.required === 'boolean') section.required = value.required;
    else if (value.required === 'true' || value.required === 'false')
      section.required = value.required === 'true';
    else
      problems.push(
        `${path}.required must be true or false, got ${describeValue(value.required)}; using true.`,
      );
  }
  return section;
}

function readSections(
  root: Record<string, unknown> | undefined,
  problems: Problems,
): ArchitectureDocsSectionConfig[] | undefined {
  const value = root?.sections;
  const path = `${ROOT}.sections`;
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push(
      `${path} must be a list of sections, got ${describeValue(value)}; using the template instead.`,
    );
    return undefined;
  }
  const sections = value
    .map((item, index) => readSection(item, `${path}[${index}]`, problems))
    .filter(
      (section): section is ArchitectureDocsSectionConfig =>
        section !== undefined,
    );
  if (sections.length === 0) {
    problems.push(`${path} has no usable section; using the template instead.`);
    return undefined;
  }
  return sections;
}

function readFetch(
  root: Record<string, unknown> | undefined,
  problems: Problems,
): ArchitectureDocsFetchConfig {
  const defaults = DEFAULT_ARCHITECTURE_DOCS_CONFIG.fetch;
  const path = `${ROOT}.fetch`;
  const fetchConfig = readObject(root, 'fetch', path, problems);

  let mode: ArchitectureDocsFetchMode = defaults.mode;
  const rawMode = fetchConfig?.mode;
  if (rawMode === 'scm' || rawMode === 'proxy') {
    mode = rawMode;
  } else if (rawMode !== undefined) {
    problems.push(
      `${path}.mode must be "scm" or "proxy", got ${describeValue(rawMode)}; using "${defaults.mode}".`,
    );
  }

  let proxyPath = readString(
    fetchConfig?.proxyPath,
    `${path}.proxyPath`,
    problems,
    'ignoring it',
  );
  if (proxyPath !== undefined) {
    if (/\s|:\/\//.test(proxyPath)) {
      problems.push(
        `${path}.proxyPath must be a path such as "/architecture-docs", got ${describeValue(proxyPath)}; ignoring it.`,
      );
      proxyPath = undefined;
    } else {
      // The discovery URL has no trailing slash, and request paths start with one.
      proxyPath = `/${proxyPath.replace(/^\/+/, '').replace(/\/+$/, '')}`;
      if (proxyPath === '/') {
        problems.push(
          `${path}.proxyPath must name a proxy path such as "/architecture-docs"; ignoring it.`,
        );
        proxyPath = undefined;
      }
    }
  }
  if (mode === 'proxy' && proxyPath === undefined) {
    problems.push(
      `${path}.mode is "proxy" but ${path}.proxyPath is not set; using "scm".`,
    );
    mode = 'scm';
  }

  return {
    mode,
    proxyPath,
    timeoutMs: readPositiveInteger(
      fetchConfig?.timeoutMs,
      `${path}.timeoutMs`,
      defaults.timeoutMs,
      problems,
    ),
    maxBytes: readPositiveInteger(
      fetchConfig?.maxBytes,
      `${path}.maxBytes`,
      defaults.maxBytes,
      problems,
    ),
  };
}

function readCoverage(
  root: Record<string, unknown> | undefined,
  problems: Problems,
): ArchitectureDocsCoverageConfig {
  const defaults = DEFAULT_ARCHITECTURE_DOCS_CONFIG.coverage;
  const path = `${ROOT}.coverage`;
  const coverage = readObject(root, 'coverage', path, problems);

  let kinds: string[] = [...defaults.kinds];
  if (coverage?.kinds !== undefined) {
    const configured = readStringList(
      coverage.kinds,
      `${path}.kinds`,
      problems,
      `using ${JSON.stringify(defaults.kinds)}`,
    );
    if (configured && configured.length > 0) {
      kinds = configured;
    } else if (configured) {
      problems.push(
        `${path}.kinds has no usable kind; using ${JSON.stringify(defaults.kinds)}.`,
      );
    }
  }

  return {
    kinds,
    concurrency: readPositiveInteger(
      coverage?.concurrency,
      `${path}.concurrency`,
      defaults.concurrency,
      problems,
    ),
  };
}

/**
 * Reads `architectureDocs.*` from the app configuration. It never throws: a
 * value of the wrong type or out of range is replaced by its default and
 * described in `problems`, so the page can show what to fix instead of
 * failing to load.
 * @public
 */
export function readArchitectureDocsConfig(
  config: ConfigApi,
): ArchitectureDocsConfig {
  const problems: Problems = [];
  let root: Record<string, unknown> | undefined;
  let value: unknown;
  try {
    value = config.getOptional(ROOT);
  } catch (error) {
    problems.push(
      `${ROOT} could not be read (${String(error)}); using the defaults.`,
    );
  }
  if (isRecord(value)) {
    root = value;
  } else if (value !== undefined) {
    problems.push(
      `${ROOT} must be an object, got ${describeValue(value)}; using the defaults.`,
    );
  }

  const annotation = readAnnotation(root, problems);
  const templateUrl = readString(
    root?.templateUrl,
    `${ROOT}.templateUrl`,
    problems,
    'using the default template',
  );
  const template = readTemplateName(root?.template, problems);
  const sections = readSections(root, problems);
  const source = readSource(root?.source, problems);
  const fetchConfig = readFetch(root, problems);
  const coverage = readCoverage(root, problems);
  const diagramEntities = readDiagramEntitiesConfig(
    root?.diagramEntities,
    problems,
  );

  return {
    annotation,
    templateUrl,
    ...(template ? { template } : {}),
    sections,
    ...(source ? { source } : {}),
    fetch: fetchConfig,
    coverage,
    ...(diagramEntities ? { diagramEntities } : {}),
    problems,
  };
}
