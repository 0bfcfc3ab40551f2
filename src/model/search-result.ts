/**
 * An architecture doc's search result, read for display. The document comes
 * from the app's search engine as untyped JSON, so every field is checked
 * here, once: the result item renders only what this returns, and never a
 * link whose target is not an app path or an http(s) URL.
 */
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import {
  isHttpUrl,
  tryParseUrl,
  type ArchitectureDocSearchSection,
} from 'backstage-plugin-architecture-docs-common/client';

/** A template section of a search result, as the result item shows it. */
export interface SearchResultSection {
  title: string;
  /** Where the section is on the entity's tab; absent when it cannot be linked. */
  location?: string;
}

/** The text of a field with the search engine's highlight marks. */
export interface HighlightedText {
  text: string;
  preTag: string;
  postTag: string;
}

/** What the result item shows of one architecture doc. */
export interface ArchitectureDocSearchResult {
  title: string;
  /** The entity's architecture tab; absent when the document's location cannot be linked. */
  location?: string;
  text: string;
  entityRef?: string;
  entityTitle?: string;
  kind?: string;
  owner?: string;
  lifecycle?: string;
  /** The completeness score, 0–100; absent when the doc was never analysed. */
  score?: number;
  missing: SearchResultSection[];
  placeholder: SearchResultSection[];
  /** The title and the text with the query's terms marked, when the engine marked them. */
  highlight: { title?: HighlightedText; text?: HighlightedText };
}

/** Longest section list shown; a document could name thousands. */
export const MAX_SHOWN_SECTIONS = 30;

/**
 * The highlight marks engines put around a term: a tag such as `<b>` or
 * `<7f3a-…>`. `HighlightedSearchResultText` builds a regular expression from
 * them, so anything else is not used and the text shows without marks.
 */
const HIGHLIGHT_TAG = /^<\/?[\w-]{1,100}>$/;

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * `value` when it is a path of the app (`/…`, not `//host`) or an http(s)
 * URL; undefined for anything else (`javascript:`, `data:`, relative paths).
 */
export function linkableLocation(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const location = value.trim();
  if (location.startsWith('/')) {
    return /^\/[/\\]/.test(location) ? undefined : location;
  }
  return isHttpUrl(tryParseUrl(location)) ? location : undefined;
}

function scoreOf(value: unknown): number | undefined {
  return typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= 100
    ? Math.round(value)
    : undefined;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is string => typeof item === 'string' && item.trim() !== '',
  );
}

/** The document's sections that carry a title, by title. */
function sectionsByTitle(
  value: unknown,
): Map<string, Partial<ArchitectureDocSearchSection>> {
  const sections = new Map<string, Partial<ArchitectureDocSearchSection>>();
  if (!Array.isArray(value)) return sections;
  for (const section of value) {
    if (typeof section !== 'object' || section === null) continue;
    const { title } = section as Partial<ArchitectureDocSearchSection>;
    if (typeof title === 'string' && !sections.has(title)) {
      sections.set(title, section as Partial<ArchitectureDocSearchSection>);
    }
  }
  return sections;
}

/** Each named section with its link on the tab, when the document gives a safe one. */
function sectionsNamed(
  titles: string[],
  sections: Map<string, Partial<ArchitectureDocSearchSection>>,
): SearchResultSection[] {
  return titles.slice(0, MAX_SHOWN_SECTIONS).map(title => {
    const location = linkableLocation(sections.get(title)?.location);
    return location ? { title, location } : { title };
  });
}

function highlightedField(
  highlight: ResultHighlight | undefined,
  field: string,
): HighlightedText | undefined {
  if (typeof highlight !== 'object' || highlight === null) return undefined;
  const { preTag, postTag, fields } = highlight;
  if (
    typeof preTag !== 'string' ||
    typeof postTag !== 'string' ||
    !HIGHLIGHT_TAG.test(preTag) ||
    !HIGHLIGHT_TAG.test(postTag) ||
    typeof fields !== 'object' ||
    fields === null
  ) {
    return undefined;
  }
  const text = fields[field];
  return typeof text === 'string' && text !== ''
    ? { text, preTag, postTag }
    : undefined;
}

/**
 * An architecture doc's search document and its highlight, read for
 * display: wrong-typed fields are left out, links kept only to app paths
 * and http(s) URLs, scores only from 0 to 100. Undefined when there is no
 * document. Never throws.
 */
export function readArchitectureDocSearchResult(
  document: SearchDocument | undefined,
  highlight?: ResultHighlight,
): ArchitectureDocSearchResult | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const fields = document as unknown as Record<string, unknown>;
  const sections = sectionsByTitle(fields.sections);
  const entityRef = stringOrUndefined(fields.entityRef);
  const entityTitle = stringOrUndefined(fields.entityTitle);
  return {
    title: stringOrUndefined(fields.title) ?? entityTitle ?? entityRef ?? '',
    location: linkableLocation(fields.location),
    text: typeof fields.text === 'string' ? fields.text : '',
    entityRef,
    entityTitle,
    kind: stringOrUndefined(fields.kind),
    owner: stringOrUndefined(fields.owner),
    lifecycle: stringOrUndefined(fields.lifecycle),
    score: scoreOf(fields.score),
    missing: sectionsNamed(stringList(fields.missing), sections),
    placeholder: sectionsNamed(stringList(fields.placeholder), sections),
    highlight: {
      title: highlightedField(highlight, 'title'),
      text: highlightedField(highlight, 'text'),
    },
  };
}
