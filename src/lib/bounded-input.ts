/**
 * Keeps the parser's work bounded on hostile input. Markdown parsers spend
 * time proportional to nesting depth on every line, so ten thousand nested
 * quotes or list markers take minutes; real docs never nest more than a
 * handful of levels. Lines nested deeper than the limit keep their text but
 * lose the extra levels.
 */

/** Deepest container nesting (quotes, list items, indentation) kept. @public */
export const MAX_NESTING = 32;
const MAX_INDENT = MAX_NESTING * 4;
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)/;

/** The input as it will be parsed, and what was changed to bound the work. */
export interface BoundedInput {
  text: string;
  truncated: boolean;
  /** Number of lines whose nesting was cut to {@link MAX_NESTING}. */
  flattenedLines: number;
}

function flattenLine(line: string): string | undefined {
  let indent = 0;
  while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent++;
  let rest = line;
  let changed = false;
  if (indent > MAX_INDENT) {
    rest = line.slice(indent - MAX_INDENT);
    changed = true;
  }
  let markers = 0;
  let offset = 0;
  let keptUntil = 0;
  for (;;) {
    const match = CONTAINER_MARKER.exec(rest.slice(offset, offset + 16));
    if (!match) break;
    offset += match[0].length;
    markers++;
    if (markers === MAX_NESTING) keptUntil = offset;
  }
  if (markers > MAX_NESTING) {
    rest = rest.slice(0, keptUntil) + rest.slice(offset);
    changed = true;
  }
  return changed ? rest : undefined;
}

/**
 * Cuts the input to `maxLength` characters and flattens nesting deeper than
 * {@link MAX_NESTING}. Linear in the input size.
 * @public
 */
export function boundMarkdownInput(markdown: string, maxLength: number): BoundedInput {
  const truncated = markdown.length > maxLength;
  const text = truncated ? markdown.slice(0, maxLength) : markdown;
  // A cheap test first: most docs have no line that could need flattening.
  if (!/(?:^|\n)(?:[ \t]{33,}|(?:[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)){8})/.test(text)) {
    return { text, truncated, flattenedLines: 0 };
  }
  let flattenedLines = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const flattened = flattenLine(lines[i]);
    if (flattened !== undefined) {
      lines[i] = flattened;
      flattenedLines++;
    }
  }
  return { text: flattenedLines ? lines.join('\n') : text, truncated, flattenedLines };
}
