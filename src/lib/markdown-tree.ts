import { fromMarkdown, type Transform } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Nodes, Parents, Root } from 'mdast';
import { closesFence, FENCE } from './bounded-input';

/**
 * GFM's literal-autolink transform walks the whole tree four times, once per
 * pattern, and is a sixth of the parse. Every pattern needs `http://`,
 * `https://`, `www.` or `@` in a text node outside a link, so it runs only
 * when one is there; the tree is the same either way.
 */
const AUTOLINK_TRANSFORMS = new Set<Transform>(gfmAutolinkLiteralFromMarkdown().transforms ?? []);
const MDAST_EXTENSIONS = gfmFromMarkdown().map(extension => ({
  ...extension,
  transforms: extension.transforms?.filter(transform => !AUTOLINK_TRANSFORMS.has(transform)),
}));
const AUTOLINK_CANDIDATE = /https?:\/\/|www\.|@/i;

/**
 * GFM's syntax, as `micromark-extension-gfm` combines it. Its literal-autolink
 * constructs are tried at the start of every word and cost a quarter of the
 * parse; each needs `http://`, `https://`, `www.` or `@` in the source (a
 * character reference is not read as one), so input holding none of them is
 * parsed without them, to the same tree.
 */
const GFM_OTHER_SYNTAX = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const GFM_SYNTAX = [gfmAutolinkLiteral(), ...GFM_OTHER_SYNTAX];

function mayHoldLiteralAutolink(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (AUTOLINK_CANDIDATE.test(node.value)) return true;
    } else if ('children' in node && node.type !== 'link' && node.type !== 'linkReference') {
      for (const child of node.children) stack.push(child);
    }
  }
  return false;
}

function parseWhole(markdown: string): Root {
  let tree = fromMarkdown(markdown, {
    extensions: AUTOLINK_CANDIDATE.test(markdown) ? GFM_SYNTAX : GFM_OTHER_SYNTAX,
    mdastExtensions: MDAST_EXTENSIONS,
  });
  if (mayHoldLiteralAutolink(tree)) {
    for (const transform of AUTOLINK_TRANSFORMS) tree = (transform(tree) as Root | undefined) ?? tree;
  }
  return tree;
}

/**
 * Docs up to this size are parsed in one piece; larger ones in pieces of at
 * least this size (see {@link parseMarkdown} for when a larger doc is still
 * parsed whole). The parser's cost grows faster than linearly with the
 * length of one parse (its event list is resolved and spliced as a whole):
 * generated 8 KB architecture docs parse about a third faster in 2 KB
 * pieces than whole.
 */
export const WHOLE_PARSE_LIMIT = 2 * 1024;
const AMBIGUOUS_WHOLE_LIMIT = 16 * 1024;

const BLOCK_START_SAFE = /^[^\s>*+\-\d|<`~]/;
const DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S/;
const MAX_SHARED_DEFINITIONS = 16 * 1024;
/**
 * HTML blocks that may hold blank lines (comments, `<pre>`, `<script>`,
 * `<style>`, `<textarea>`, processing instructions, declarations, CDATA):
 * how one opens, and what ends it. A line with an opener anywhere is taken
 * as one, so that no split falls inside such a block; a false opener only
 * means fewer pieces.
 */
const HTML_BLOCKS: Array<[open: RegExp, end: RegExp]> = [
  [/<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/<!--/, /-->/],
  [/<\?/, /\?>/],
  [/<![A-Za-z]/, />/],
  [/<!\[CDATA\[/, /\]\]>/],
];

/** Where a doc may be split, and its reference definitions. */
interface BlockScan {
  /** Starts of lines where no block can continue from the line before. */
  boundaries: Array<{ position: number; line: number }>;
  /** Definition lines, each standing where a definition can start. */
  definitions: string[];
  /**
   * True when a line outside code and HTML holds `]:` but is not such a
   * definition (a definition inside a paragraph, a quote or a list, or one
   * spread over lines): what defines what is then left to one parse.
   */
  ambiguous: boolean;
}

/**
 * Finds the points where a doc can be split: a blank line followed by an
 * unindented line that starts a plain paragraph or heading, outside fenced
 * code and HTML blocks. Any list or quote open before such a line is already
 * closed there, so parsing the pieces apart yields the same blocks.
 */
function scanBlocks(markdown: string): BlockScan {
  const scan: BlockScan = { boundaries: [], definitions: [], ambiguous: false };
  let line = 1;
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = true;
  let previousDefinition = false;
  let position = 0;
  while (position < markdown.length) {
    let end = markdown.indexOf('\n', position);
    if (end < 0) end = markdown.length;
    const text = markdown.slice(position, end);
    const marker = FENCE.exec(text)?.[1];
    let definition = false;
    if (fence) {
      if (closesFence(text, fence)) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = undefined;
    } else if (marker) {
      fence = marker;
    } else {
      if (previousBlank && position > 0 && BLOCK_START_SAFE.test(text)) scan.boundaries.push({ position, line });
      if (text.includes(']:')) {
        definition = (previousBlank || previousDefinition) && DEFINITION.test(text);
        if (definition) scan.definitions.push(text);
        else scan.ambiguous = true;
      }
      htmlEnd = htmlBlockLeftOpen(text);
    }
    previousBlank = !fence && !htmlEnd && text.trim() === '';
    previousDefinition = definition;
    position = end + 1;
    line++;
  }
  return scan;
}

/** Cuts a doc at the scan's boundaries into pieces of at least `size` characters. */
function piecesOf(markdown: string, scan: BlockScan, size: number): Array<{ text: string; line: number; offset: number }> {
  const pieces: Array<{ text: string; line: number; offset: number }> = [];
  let start = { position: 0, line: 1 };
  for (const boundary of scan.boundaries) {
    if (boundary.position - start.position < size) continue;
    pieces.push({ text: markdown.slice(start.position, boundary.position), line: start.line, offset: start.position });
    start = boundary;
  }
  pieces.push({ text: markdown.slice(start.position), line: start.line, offset: start.position });
  return pieces;
}

/** The end of an HTML block a line opens and does not close, if any. */
function htmlBlockLeftOpen(line: string): RegExp | undefined {
  for (const [open, end] of HTML_BLOCKS) {
    const opened = open.exec(line);
    if (opened && !end.test(line.slice(opened.index + opened[0].length))) return end;
  }
  return undefined;
}

function shiftPositions(node: Nodes, lines: number, offset: number): void {
  walkTree(node, current => {
    const position = current.position;
    if (!position) return;
    position.start.line += lines;
    position.end.line += lines;
    if (position.start.offset !== undefined) position.start.offset += offset;
    if (position.end.offset !== undefined) position.end.offset += offset;
  });
}

/**
 * Parses markdown into an mdast tree with GitHub Flavored Markdown, the same
 * parser family react-markdown and remark-gfm use, so the analysis and the
 * rendered page see the same document. Positions are those of the input.
 * @public
 */
export function parseMarkdown(markdown: string): Root {
  if (markdown.length <= WHOLE_PARSE_LIMIT) return parseWhole(markdown);
  const scan = scanBlocks(markdown);
  // Up to this size an unclear doc is parsed whole; beyond it, in pieces
  // all the same, so that no input makes the parse run away.
  if (scan.ambiguous && markdown.length <= AMBIGUOUS_WHOLE_LIMIT) return parseWhole(markdown);
  // Reference definitions apply document-wide; give every piece a copy so
  // `[text][ref]` resolves wherever its definition stands.
  const definitions = scan.definitions.join('\n');
  const shared = definitions.length <= MAX_SHARED_DEFINITIONS ? definitions : '';
  // Pieces stay several times longer than the copies parsed with each.
  const pieces = piecesOf(markdown, scan, Math.max(WHOLE_PARSE_LIMIT, shared.length * 4));
  if (pieces.length === 1) return parseWhole(markdown);
  const root: Root = { type: 'root', children: [] };
  for (const piece of pieces) {
    const tree = parseWhole(shared ? `${piece.text}\n\n${shared}\n` : piece.text);
    for (const child of tree.children) {
      // Drop the copies of shared definitions appended after the piece.
      if ((child.position?.start.offset ?? 0) >= piece.text.length) continue;
      shiftPositions(child, piece.line - 1, piece.offset);
      root.children.push(child);
    }
  }
  const last = pieces[pieces.length - 1];
  const lastBreak = last.text.lastIndexOf('\n');
  let breaks = 0;
  for (let i = last.text.indexOf('\n'); i >= 0; i = last.text.indexOf('\n', i + 1)) breaks++;
  root.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: {
      line: last.line + breaks,
      column: last.text.length - lastBreak,
      offset: markdown.length,
    },
  };
  return root;
}

/**
 * The plain text of a node. Walks with an explicit stack, so a document
 * nested ten thousand levels deep cannot overflow the call stack.
 * @public
 */
export function nodeText(node: Nodes): string {
  let text = '';
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if ('value' in current && typeof current.value === 'string') {
      if (current.type !== 'html') text += current.value;
    } else if (current.type === 'image' || current.type === 'imageReference') {
      text += current.alt ?? '';
    }
    if ('children' in current) {
      const children = (current as Parents).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return text;
}

/**
 * Calls `visit` for every node below `node` in document order, without
 * recursion.
 * @public
 */
export function walkTree(
  node: Nodes,
  visit: (current: Nodes, parent: Parents | undefined) => void,
): void {
  const stack: Array<[Nodes, Parents | undefined]> = [[node, undefined]];
  while (stack.length > 0) {
    const [current, parent] = stack.pop()!;
    visit(current, parent);
    if ('children' in current) {
      const children = (current as Parents).children;
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push([children[i], current as Parents]);
      }
    }
  }
}

/** One-based start line of a node, or 0 when the node has no position. */
export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 0;
}
