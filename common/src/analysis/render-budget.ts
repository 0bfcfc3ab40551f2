/**
 * What a doc may hold and still be analysed, and shown on the entity page.
 * Parsing, analysis and rendering time grow with the number of constructs a
 * doc holds, not only with its size: a short doc of thousands of headings
 * can hold a view long after a long doc of prose is drawn. One linear pass counts every construct the
 * parser turns into a node, before anything is parsed.
 *
 * Two bounds follow from the counts:
 * - the analysis bound ({@link ANALYSIS_WORK_LIMIT}) caps the parser's work
 *   as a whole: a doc past it is "too complex" and gets no score, alike in
 *   the command-line check, the tab, the card and the catalog-wide page;
 * - the render limits ({@link RENDER_LIMITS}) cap each kind the entity page
 *   renders: a doc past one still gets its analysis and score, but its text
 *   is not rendered.
 *
 * Real architecture docs stay far below every limit.
 */

import { FenceReader, INLINE_DELIMITER } from './bounded-input';
import { DEFAULT_MAX_ANALYSIS_LENGTH } from './analyze-architecture-doc';

/**
 * The most constructs of each kind a doc shown on the entity page may hold.
 * @public
 */
export const RENDER_LIMITS = {
  /** Headings (`#` lines). */
  headings: 1000,
  /** Links and images (`](` and `][`). */
  links: 2000,
  /** Link reference definitions (`[label]: url` lines). */
  definitions: 1000,
  /** Table cell separators (`|` on table lines). */
  tableCells: 5000,
  /** Emphasis and bracket delimiters (`*`, `_`, `~`, `[`, `]`). */
  delimiters: 5000,
  /** Literal autolinks: bare URLs (`://`), `www.` hosts and email addresses (`@`). */
  autolinks: 2000,
  /** HTML and angle autolinks (`<`), character references (`&`), escapes (`\\`) and code span marks (`` ` ``). */
  inlineMarkup: 5000,
  /** Mermaid diagrams. */
  diagrams: 50,
  /** Nesting summed over lines: each line's indentation in steps of two spaces, plus its quote and list markers. */
  nesting: 4000,
} as const;

/** A kind of construct with a render limit in {@link RENDER_LIMITS}. @public */
export type RenderLoadKind = keyof typeof RENDER_LIMITS;

/** How many constructs of each kind a doc holds. @public */
export type RenderLoad = Record<RenderLoadKind, number>;

/**
 * The most parser work a doc may take to be analysed anywhere, in units of
 * about one construct: each line, each counted construct (container markers
 * twice) and every 64 characters. Docs longer than the analysis length limit
 * are measured over the part that is analysed.
 * @public
 */
export const ANALYSIS_WORK_LIMIT = 10_000;

/**
 * The first limit a doc passes: a render limit, or `work` for
 * {@link ANALYSIS_WORK_LIMIT}.
 * @public
 */
export interface RenderBudgetExcess {
  kind: RenderLoadKind | 'work';
  count: number;
  limit: number;
}

const HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^[ \t]{0,3}\[[^\]\n]{1,999}\]:/;
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))+/;

const AUTOLINK = /:\/\/|www\.|@/gi;
const INLINE_MARKUP = /[<&\\`]/g;

function countOf(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Counts per kind, plus the lines and characters the counts were taken over. */
interface MeasuredDoc {
  load: RenderLoad;
  lines: number;
  characters: number;
}

function measure(markdown: string): MeasuredDoc {
  const load: RenderLoad = {
    headings: 0,
    links: 0,
    definitions: 0,
    tableCells: 0,
    delimiters: 0,
    autolinks: 0,
    inlineMarkup: 0,
    diagrams: 0,
    nesting: 0,
  };
  let lines = 0;
  const fences = new FenceReader();
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    const line = markdown.slice(start, end);
    start = end + 1;
    lines++;
    const kind = fences.read(line);
    if (kind === 'open' && fences.info.toLowerCase() === 'mermaid')
      load.diagrams += 1;
    if (kind !== 'text') continue;
    if (HEADING.test(line)) load.headings += 1;
    if (DEFINITION.test(line)) load.definitions += 1;
    load.links += countOf(line, /\]\(|\]\[/g);
    load.delimiters += countOf(line, INLINE_DELIMITER);
    load.autolinks += countOf(line, AUTOLINK);
    load.inlineMarkup += countOf(line, INLINE_MARKUP);
    if (line.includes('|')) load.tableCells += countOf(line, /\|/g);
    let indent = 0;
    while (
      indent < line.length &&
      (line[indent] === ' ' || line[indent] === '\t')
    )
      indent++;
    const markers = CONTAINER_MARKERS.exec(line.slice(0, 4096));
    load.nesting +=
      Math.floor(indent / 2) +
      (markers ? countOf(markers[0], /[>*+\-.)]/g) : 0);
  }
  return { load, lines, characters: markdown.length };
}

/**
 * Counts, line by line and in linear time, the constructs that make a doc
 * slow to parse and render. Code blocks count only as diagrams (Mermaid) or
 * not at all.
 * @public
 */
export function measureRenderLoad(markdown: string): RenderLoad {
  return measure(markdown).load;
}

function workOf({ load, lines, characters }: MeasuredDoc): number {
  let work = lines + Math.ceil(characters / 64) + load.nesting;
  for (const kind of Object.keys(load) as RenderLoadKind[]) {
    if (kind !== 'diagrams') work += load[kind];
  }
  return work;
}

/**
 * The parser work a doc takes, in the units of {@link ANALYSIS_WORK_LIMIT},
 * over the first `maxLength` characters (the part that is analysed).
 * @public
 */
export function measureAnalysisWork(
  markdown: string,
  maxLength: number = DEFAULT_MAX_ANALYSIS_LENGTH,
): number {
  return workOf(
    measure(
      markdown.length > maxLength ? markdown.slice(0, maxLength) : markdown,
    ),
  );
}

/**
 * The analysis bound, when a doc passes it: such a doc is too complex to
 * analyse and gets no score, wherever it is checked.
 * @public
 */
export function exceedsAnalysisBudget(
  markdown: string,
  maxLength: number = DEFAULT_MAX_ANALYSIS_LENGTH,
): RenderBudgetExcess | undefined {
  const work = measureAnalysisWork(markdown, maxLength);
  return work > ANALYSIS_WORK_LIMIT
    ? { kind: 'work', count: work, limit: ANALYSIS_WORK_LIMIT }
    : undefined;
}

/**
 * The verdict on a doc past the analysis bound, worded the same wherever it
 * is reported.
 * @public
 */
export function tooComplexToAnalyze(excess: RenderBudgetExcess): string {
  return `Too complex to analyse: the doc takes ${excess.count} units of parser work; docs are analysed with up to ${excess.limit}.`;
}

/**
 * The first bound a doc passes to be shown on the entity page: the analysis
 * bound, then each of {@link RENDER_LIMITS}; undefined when it can be shown.
 * @public
 */
export function exceedsRenderBudget(
  markdown: string,
): RenderBudgetExcess | undefined {
  const measured = measure(
    markdown.length > DEFAULT_MAX_ANALYSIS_LENGTH
      ? markdown.slice(0, DEFAULT_MAX_ANALYSIS_LENGTH)
      : markdown,
  );
  const work = workOf(measured);
  if (work > ANALYSIS_WORK_LIMIT)
    return { kind: 'work', count: work, limit: ANALYSIS_WORK_LIMIT };
  const load = measured.load;
  for (const kind of Object.keys(RENDER_LIMITS) as RenderLoadKind[]) {
    if (load[kind] > RENDER_LIMITS[kind])
      return { kind, count: load[kind], limit: RENDER_LIMITS[kind] };
  }
  return undefined;
}
