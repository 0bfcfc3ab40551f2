/**
 * The vocabulary shared by the analyzer, the views and the command-line
 * check. Everything here is plain data so a report can be cached, sent to a
 * worker or printed as JSON without conversion.
 */

/**
 * How well a doc covers one template section.
 *
 * - `present`: a heading (or a clearly labelled part) covers it with real content.
 * - `placeholder`: a matching heading exists but its body is empty, TODO/TBD,
 *   or still the template's guidance text.
 * - `missing`: nothing in the doc covers it.
 *
 * @public
 */
export type SectionStatus = 'present' | 'placeholder' | 'missing';

/** The section statuses, in the order views list them. @public */
export const SECTION_STATUSES: readonly SectionStatus[] = [
  'present',
  'placeholder',
  'missing',
];

/**
 * One section of a template, derived from the template's markdown.
 * @public
 */
export interface TemplateSection {
  /** Stable identifier derived from the title, e.g. `design-drivers`. */
  id: string;
  /** The heading text as the template writes it, e.g. `Design drivers`. */
  title: string;
  /** Zero-based position in the template. */
  order: number;
  /** Heading depth in the template (2 for `##`). */
  level: number;
  /** The template's guidance for this section, as plain text. */
  guidance: string;
  /** Share of the score this section carries, relative to the others. */
  weight: number;
  /** Other headings that mean the same thing (lower case, without numbering). */
  aliases: string[];
  /** Whether a missing section is an error (true) or only a warning. */
  required: boolean;
}

/**
 * A template as the analyzer uses it.
 * @public
 */
export interface TemplateModel {
  /** `default` for the built-in template, else a name the caller chose. */
  name: string;
  sections: TemplateSection[];
  /**
   * Guidance fragments (paragraphs, list items, table rows, code) taken from
   * the whole template; a section whose body only repeats these is a
   * placeholder.
   */
  guidanceFragments: string[];
}

/**
 * What a link points at.
 * - `contract`: a contract doc (under a `contracts` folder, or linked from the
 *   Responsibilities table's contracts column);
 * - `doc`: another relative document;
 * - `external`: an absolute URL;
 * - `anchor`: a `#fragment` in the same doc.
 * @public
 */
export type LinkKind = 'contract' | 'doc' | 'external' | 'anchor';

/** Where in the doc a link was found. @public */
export type LinkOrigin = 'related' | 'see-also' | 'responsibilities' | 'body';

/**
 * One link of the doc.
 * @public
 */
export interface LinkReport {
  /** The target as written in the doc. */
  target: string;
  /** The link's visible text. */
  text: string;
  kind: LinkKind;
  /**
   * For relative links, the target resolved against the doc's own path
   * (POSIX, without `#fragment` or `?query`, URL-decoded); for external links
   * the URL; for anchors the fragment. `null` when the target is unusable
   * (for example a `javascript:` URL).
   */
  resolved: string | null;
  /** The `#fragment` of the target, if any. */
  fragment?: string;
  /** One-based line of the link. */
  line: number;
  /** One-based column of the link; with `line` it identifies the link in the tree. */
  column: number;
  origin: LinkOrigin;
  /** Id of the template section the link sits in, if any. */
  section?: string;
  /** Whether the target exists; only set when the caller could tell. */
  exists?: boolean;
  /** True when the target uses a scheme that is never followed. */
  unsafe?: boolean;
}

/**
 * Per-section result.
 * @public
 */
export interface SectionReport {
  id: string;
  /** The template's heading text. */
  title: string;
  status: SectionStatus;
  /** The doc's heading text that matched, or null (missing, or a non-heading match). */
  heading: string | null;
  /** One-based line of the match, or null when missing. */
  line: number | null;
  /** The anchor slug of the matched heading, when it is a heading. */
  anchor: string | null;
  /** Why a placeholder is one: empty body, TODO marker, or template guidance. */
  placeholderReason?: 'empty' | 'todo' | 'guidance';
  weight: number;
  required: boolean;
  /** The template's guidance for this section (shown in callouts). */
  guidance: string;
  /** Why the section got its status. */
  evidence?: SectionEvidence;
}

/**
 * How a heading was matched to a section:
 * - `same-words`: the heading has the words of the section's title or an alias;
 * - `word-order`: the same words in another order;
 * - `spelling`: the same words spelt a little differently (a typo, hyphen or space);
 * - `contains`: the heading contains all words of the title or an alias;
 * - `key-words`: the heading is the key word(s) of a multi-word title.
 * @public
 */
export type HeadingMatchRule =
  'same-words' | 'word-order' | 'spelling' | 'contains' | 'key-words';

/**
 * Kinds of content that serve a section without a heading naming it.
 * @public
 */
export type ContentSignal =
  | 'diagram'
  | 'table-columns'
  | 'link-list'
  | 'numbered-steps'
  | 'schema-code'
  | 'component-list'
  | 'guidance-words';

/**
 * Why a section got its verdict, for the author and for tools.
 * @public
 */
export interface SectionEvidence {
  /**
   * What decided the section was found: a matching `heading`, a labelled
   * paragraph (`label`), the doc's `title`, the untitled `introduction`,
   * `content` without a matching heading, or `none` (missing).
   */
  source: 'heading' | 'label' | 'title' | 'introduction' | 'content' | 'none';
  /** The doc's heading or label text that matched, if any. */
  heading?: string;
  /** The template title or alias it matched. */
  matched?: string;
  /** How it matched, for heading, label and title matches. */
  rule?: HeadingMatchRule;
  /** For content evidence, the kind of content found. */
  signal?: ContentSignal;
  /** For placeholders, the start of the body judged a placeholder. */
  excerpt?: string;
  /** One sentence in words an author understands. */
  summary: string;
}

/**
 * A row of the Responsibilities table with the contract links of its last column.
 * @public
 */
export interface ContractRow {
  responsibility: string;
  line: number;
  /** Indexes into the report's `links`. */
  links: number[];
}

/**
 * A Mermaid fence.
 * @public
 */
export interface MermaidBlock {
  /** The diagram keyword (`sequenceDiagram`, `flowchart`, …) or `unknown`. */
  type: string;
  line: number;
  source: string;
  /** Set when a cheap check already knows the diagram cannot render. */
  problem?: string;
}

/**
 * A heading of the doc, with the anchor the rendered page gives it.
 * @public
 */
export interface HeadingInfo {
  text: string;
  depth: number;
  line: number;
  anchor: string;
}

/** Kinds of finding. @public */
export type FindingKind =
  | 'missing-section'
  | 'placeholder-section'
  | 'broken-link'
  | 'unsafe-link'
  | 'invalid-mermaid'
  | 'no-title'
  | 'input-truncated'
  | 'analysis-failed';

/**
 * Something worth telling the author.
 * @public
 */
export interface Finding {
  kind: FindingKind;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line?: number;
  section?: string;
  target?: string;
}

/**
 * The analysis of one doc: serialisable, computed once, read by every view.
 * @public
 */
export interface ArchitectureDocReport {
  title: string | null;
  titleLine: number | null;
  /** Links of the `_Related:_` line near the top, in order. */
  related: number[];
  /** Line of the Related line, or null. */
  relatedLine: number | null;
  /** Every template section, in template order. */
  sections: SectionReport[];
  links: LinkReport[];
  contracts: ContractRow[];
  mermaid: MermaidBlock[];
  headings: HeadingInfo[];
  findings: Finding[];
  /** Weighted share of present sections, 0–100. */
  score: number;
  /**
   * Whether the doc looks like an architecture doc at all: at least one
   * template section matched by a heading.
   */
  isArchitectureDoc: boolean;
  /** Set when the input was cut to the size limit before analysis. */
  truncated: boolean;
  /** Bytes of input analysed (UTF-16 code units of the string). */
  size: number;
}
