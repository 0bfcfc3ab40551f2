/**
 * Keeps the parser's work bounded on hostile input. Markdown parsers spend
 * time proportional to nesting depth on every line, so thousands of nested
 * quotes or list markers make the work grow with the square of the doc;
 * hand-written docs nest a few levels. Lines nested deeper than the limit keep their text but
 * lose the extra levels.
 *
 * Inline markup has the same problem within a paragraph: resolving emphasis
 * and link brackets compares delimiters with each other, so a paragraph of
 * thousands of `*_` pairs makes the work grow with its square. Past {@link MAX_INLINE_DELIMITERS}
 * in one paragraph, further delimiters are escaped and read as text.
 *
 * A setext heading's underline makes the parser splice its whole event list,
 * so a doc of thousands of them takes time that grows with its square. Past
 * {@link MAX_SETEXT_UNDERLINES}, further underlines are escaped and read as
 * text of the paragraph above them.
 */

/** Deepest container nesting (quotes, list items, indentation) kept. @public */
export const MAX_NESTING = 32;
/**
 * Most emphasis and bracket delimiters (`*`, `_`, `~`, `[`, `]`) read as markup
 * in one paragraph. @public
 */
export const MAX_INLINE_DELIMITERS = 1000;
/** Most setext heading underlines (`===`, `---` under a line of text) read as markup. @public */
export const MAX_SETEXT_UNDERLINES = 32;
const MAX_INDENT = MAX_NESTING * 4;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const SETEXT_CANDIDATES = /\n {0,3}(?:=+|-+)[ \t]*(?=\n|$)/g;
const CONTAINER_MARKER = /^[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)/;

/** The input as it will be parsed, and what was changed to bound the work. */
export interface BoundedInput {
  text: string;
  truncated: boolean;
  /** Number of lines whose nesting was cut to {@link MAX_NESTING}. */
  flattenedLines: number;
  /** Number of paragraphs with more than {@link MAX_INLINE_DELIMITERS} delimiters. */
  limitedParagraphs: number;
  /** Number of setext underlines past {@link MAX_SETEXT_UNDERLINES} read as text. */
  limitedUnderlines?: number;
}

/** Emphasis and bracket delimiters. */
export const INLINE_DELIMITER = /[*_~[\]]/g;
/**
 * A fenced code block's opening line: its marker, then its info string. As
 * CommonMark has it: indented by at most three spaces (a tab is already
 * indented code), and no backtick after a backtick marker (that is inline
 * code), so that no paragraph the parser reads is taken for code here.
 */
export const FENCE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})[ \t]*([^\s`]*)/;

/** Whether `line` closes a code block opened with the marker `fence`. */
export function closesFence(line: string, fence: string): boolean {
  const marker = FENCE.exec(line)?.[1];
  return (
    !!marker &&
    marker[0] === fence[0] &&
    marker.length >= fence.length &&
    line.trim() === marker
  );
}

/**
 * Follows fenced code blocks through a doc read line by line, so that every
 * linear pass over the raw text tells code from markdown the same way.
 */
export class FenceReader {
  private marker: string | undefined;
  /** The info string of the fence the last `'open'` line opened. */
  info = '';

  /** What the next line is: markdown text, a fence's opening line, or code (a closing line included). */
  read(line: string): 'text' | 'open' | 'code' {
    if (this.marker !== undefined) {
      if (closesFence(line, this.marker)) this.marker = undefined;
      return 'code';
    }
    const opening = FENCE.exec(line);
    if (!opening) return 'text';
    this.marker = opening[1];
    this.info = opening[2];
    return 'open';
  }
}

/**
 * Escapes delimiters past the limit, paragraph by paragraph (runs of
 * non-blank lines outside fenced code). Linear in the input size.
 */
function limitInlineDelimiters(lines: string[]): number {
  let limited = 0;
  const fences = new FenceReader();
  let seen = 0;
  let counted = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const kind = fences.read(line);
    if (kind === 'code') continue;
    if (kind === 'open' || line.trim() === '') {
      seen = 0;
      counted = false;
      continue;
    }
    const before = seen;
    seen += line.match(INLINE_DELIMITER)?.length ?? 0;
    if (seen <= MAX_INLINE_DELIMITERS) continue;
    let kept = before;
    lines[i] = line.replace(INLINE_DELIMITER, (char, offset: number) => {
      kept++;
      // Already escaped, or still within the limit: leave it.
      if (
        kept <= MAX_INLINE_DELIMITERS ||
        (offset > 0 && line[offset - 1] === '\\')
      )
        return char;
      return `\\${char}`;
    });
    if (!counted) {
      limited++;
      counted = true;
    }
  }
  return limited;
}

/**
 * Escapes the underlines past the limit: lines of only `=` or `-` under a
 * non-blank line, outside fenced code. Linear in the input size.
 */
function limitSetextUnderlines(lines: string[]): number {
  let seen = 0;
  let limited = 0;
  const fences = new FenceReader();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fences.read(line) !== 'text') continue;
    if (i === 0 || lines[i - 1].trim() === '' || !SETEXT_UNDERLINE.test(line))
      continue;
    seen++;
    if (seen <= MAX_SETEXT_UNDERLINES) continue;
    const start = line.length - line.trimStart().length;
    lines[i] = `${line.slice(0, start)}\\${line.slice(start)}`;
    limited++;
  }
  return limited;
}

function flattenLine(line: string): string | undefined {
  let indent = 0;
  while (
    indent < line.length &&
    (line[indent] === ' ' || line[indent] === '\t')
  )
    indent++;
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
 * Cuts the input to `maxLength` characters, flattens nesting deeper than
 * {@link MAX_NESTING} and limits inline delimiters per paragraph to
 * {@link MAX_INLINE_DELIMITERS}. Linear in the input size.
 * @public
 */
export function boundMarkdownInput(
  markdown: string,
  maxLength: number,
): BoundedInput {
  const truncated = markdown.length > maxLength;
  const text = truncated ? markdown.slice(0, maxLength) : markdown;
  // Cheap tests first: most docs need neither flattening nor limiting.
  const deep =
    /(?:^|\n)(?:[ \t]{33,}|(?:[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)){8})/.test(
      text,
    );
  const dense =
    (text.match(INLINE_DELIMITER)?.length ?? 0) > MAX_INLINE_DELIMITERS;
  const underlined =
    (text.match(SETEXT_CANDIDATES)?.length ?? 0) > MAX_SETEXT_UNDERLINES;
  if (!deep && !dense && !underlined) {
    return { text, truncated, flattenedLines: 0, limitedParagraphs: 0 };
  }
  let flattenedLines = 0;
  const lines = text.split('\n');
  if (deep) {
    for (let i = 0; i < lines.length; i++) {
      const flattened = flattenLine(lines[i]);
      if (flattened !== undefined) {
        lines[i] = flattened;
        flattenedLines++;
      }
    }
  }
  const limitedParagraphs = dense ? limitInlineDelimiters(lines) : 0;
  const limitedUnderlines = underlined ? limitSetextUnderlines(lines) : 0;
  return {
    text:
      flattenedLines || limitedParagraphs || limitedUnderlines
        ? lines.join('\n')
        : text,
    truncated,
    flattenedLines,
    limitedParagraphs,
    ...(limitedUnderlines ? { limitedUnderlines } : {}),
  };
}
