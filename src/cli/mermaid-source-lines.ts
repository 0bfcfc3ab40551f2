/**
 * Mermaid does not parse a diagram's source as written: it first drops the
 * front matter, `%%{…}%%` directives, `%%` comment lines and leading blank
 * lines, and the line numbers in its messages count lines of what is left.
 * This replays those removals (as Mermaid's own patterns find them) while keeping,
 * for every character left, the source line it came from, so a line Mermaid
 * names can be traced back to the line the author wrote.
 */

/** Mermaid's pattern for `%%{…}%%` directives, which it removes before parsing. */
const DIRECTIVE =
  /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const WHITESPACE = /\s/;
/** Characters after which a multiline `^` matches. */
const LINE_TERMINATORS = '\n\r\u2028\u2029';

interface TrackedText {
  text: string;
  /** For each character of `text`, the one-based source line it came from. */
  lines: number[];
}

/**
 * The spans `[start, end)` Mermaid removes as comment lines, which it finds
 * with `/^\s*%%(?!{)[^\n]+\n?/gm`: from a line start, blank space (line
 * breaks included) up to `%%` not followed by `{`, then the rest of that line
 * and its line break. Found in one pass, where the pattern, tried again at
 * each line start of a long blank run, is quadratic.
 */
export function mermaidCommentSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let lineStart = 0;
  for (;;) {
    let blankEnd = lineStart;
    while (blankEnd < text.length && WHITESPACE.test(text[blankEnd]))
      blankEnd++;
    const after = text[blankEnd + 2];
    if (
      text.startsWith('%%', blankEnd) &&
      after !== undefined &&
      after !== '{' &&
      after !== '\n'
    ) {
      const newline = text.indexOf('\n', blankEnd + 2);
      const end = newline < 0 ? text.length : newline + 1;
      spans.push([lineStart, end]);
      if (end >= text.length) break;
      lineStart = end;
      continue;
    }
    // Every line start inside this blank run reaches the same end: skip them.
    let next = blankEnd;
    while (next < text.length && !LINE_TERMINATORS.includes(text[next])) next++;
    if (next >= text.length) break;
    lineStart = next + 1;
  }
  return spans;
}

function removeSpans(
  tracked: TrackedText,
  spans: Iterable<[number, number]>,
): TrackedText {
  let text = '';
  const lines: number[] = [];
  let kept = 0;
  for (const [start, end] of spans) {
    text += tracked.text.slice(kept, start);
    for (let index = kept; index < start; index++)
      lines.push(tracked.lines[index]);
    kept = end;
  }
  text += tracked.text.slice(kept);
  for (let index = kept; index < tracked.lines.length; index++)
    lines.push(tracked.lines[index]);
  return { text, lines };
}

function dropPrefix(tracked: TrackedText, length: number): TrackedText {
  return {
    text: tracked.text.slice(length),
    lines: tracked.lines.slice(length),
  };
}

/**
 * Length of the front matter block at the start of `text` as Mermaid reads
 * it: an opening `---` line, the first closing `---` line at the same
 * indent, and the blank lines after it. Zero when there is none.
 */
function frontMatterLength(text: string): number {
  const opening = /^([ \t]*)---[ \t]*\n/.exec(text);
  if (!opening) return 0;
  const indent = opening[1];
  let lineStart = opening[0].length;
  while (lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) return 0;
    const line = text.slice(lineStart, lineEnd);
    if (
      line.startsWith(`${indent}---`) &&
      line.slice(indent.length + 3).trim() === ''
    ) {
      const trailingBlank =
        /^(?:[ \t]*\n)*/.exec(text.slice(lineEnd + 1))?.[0] ?? '';
      return lineEnd + 1 + trailingBlank.length;
    }
    lineStart = lineEnd + 1;
  }
  return 0;
}

/**
 * Maps a line number in one of Mermaid's messages about `source` to the
 * one-based line of `source` it refers to. Lines past the end map to the
 * last line Mermaid read.
 */
export function sourceLineOfParsedLine(
  source: string,
  parsedLine: number,
): number {
  const text = source.replace(/\r\n?/g, '\n');
  const lines: number[] = [];
  let line = 1;
  for (const character of text) {
    // Indexes are UTF-16 code units, as the patterns count them.
    for (let unit = 0; unit < character.length; unit++) lines.push(line);
    if (character === '\n') line += 1;
  }
  let tracked: TrackedText = { text, lines };
  tracked = dropPrefix(tracked, frontMatterLength(tracked.text));
  const directives = Array.from(
    tracked.text.matchAll(DIRECTIVE),
    (match): [number, number] => [
      match.index ?? 0,
      (match.index ?? 0) + match[0].length,
    ],
  );
  tracked = removeSpans(tracked, directives);
  tracked = removeSpans(tracked, mermaidCommentSpans(tracked.text));
  tracked = dropPrefix(
    tracked,
    tracked.text.length - tracked.text.trimStart().length,
  );
  if (tracked.lines.length === 0) return 1;
  let start = 0;
  for (let current = 1; current < parsedLine; current++) {
    const next = tracked.text.indexOf('\n', start);
    if (next < 0 || next + 1 >= tracked.text.length) break;
    start = next + 1;
  }
  return tracked.lines[Math.min(start, tracked.lines.length - 1)];
}
