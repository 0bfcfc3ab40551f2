/**
 * What a doc may hold and still be shown on the entity page. Parsing and
 * rendering run on the browser's main thread, and their time grows with the
 * number of constructs a doc holds, not only with its size: a 120 KB doc of
 * five thousand headings holds the tab for seconds. Real architecture docs
 * stay far below every limit (the largest of 211 real docs has about a
 * hundred headings); a doc above one is not rendered, and the tab says which
 * limit it passed. The command-line check and the catalog-wide page (which
 * analyses in workers) still analyse such docs.
 */

import { closesFence, FENCE, INLINE_DELIMITER } from './bounded-input';

/**
 * The most constructs of each kind a doc shown on the entity page may hold.
 * @public
 */
export const RENDER_LIMITS = {
  /** Headings (`#` lines). */
  headings: 1000,
  /** Links and images (`](` and `][`). */
  links: 5000,
  /** Link reference definitions (`[label]: url` lines). */
  definitions: 2000,
  /** Table cell separators (`|` on table lines). */
  tableCells: 20_000,
  /** Emphasis and bracket delimiters (`*`, `_`, `~`, `[`, `]`). */
  delimiters: 20_000,
  /** Mermaid diagrams. */
  diagrams: 50,
  /** Nesting summed over lines: each line's indentation in steps of two spaces, plus its quote and list markers. */
  nesting: 20_000,
} as const;

/** A kind of construct counted by {@link measureRenderLoad}. @public */
export type RenderLoadKind = keyof typeof RENDER_LIMITS;

/** How many constructs of each kind a doc holds. @public */
export type RenderLoad = Record<RenderLoadKind, number>;

/** The first limit a doc passes. @public */
export interface RenderBudgetExcess {
  kind: RenderLoadKind;
  count: number;
  limit: number;
}

const HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^[ \t]{0,3}\[[^\]\n]{1,999}\]:/;
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))+/;

function countOf(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Counts, line by line and in linear time, the constructs that make a doc
 * slow to parse and render. Code blocks count only as diagrams (Mermaid) or
 * not at all.
 * @public
 */
export function measureRenderLoad(markdown: string): RenderLoad {
  const load: RenderLoad = {
    headings: 0,
    links: 0,
    definitions: 0,
    tableCells: 0,
    delimiters: 0,
    diagrams: 0,
    nesting: 0,
  };
  let fence: string | undefined;
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    const line = markdown.slice(start, end);
    start = end + 1;
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    const marker = FENCE.exec(line);
    if (marker) {
      fence = marker[1];
      if (marker[2].toLowerCase() === 'mermaid') load.diagrams += 1;
      continue;
    }
    if (HEADING.test(line)) load.headings += 1;
    if (DEFINITION.test(line)) load.definitions += 1;
    load.links += countOf(line, /\]\(|\]\[/g);
    load.delimiters += countOf(line, INLINE_DELIMITER);
    if (line.includes('|')) load.tableCells += countOf(line, /\|/g);
    let indent = 0;
    while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent++;
    const markers = CONTAINER_MARKERS.exec(line.slice(0, 4096));
    load.nesting += Math.floor(indent / 2) + (markers ? countOf(markers[0], /[>*+\-.)]/g) : 0);
  }
  return load;
}

/**
 * The first of {@link RENDER_LIMITS} a doc passes, or undefined when it can
 * be shown.
 * @public
 */
export function exceedsRenderBudget(markdown: string): RenderBudgetExcess | undefined {
  const load = measureRenderLoad(markdown);
  for (const kind of Object.keys(RENDER_LIMITS) as RenderLoadKind[]) {
    if (load[kind] > RENDER_LIMITS[kind]) return { kind, count: load[kind], limit: RENDER_LIMITS[kind] };
  }
  return undefined;
}
