import { fromMarkdown, type Transform } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Nodes, Parents, Root } from 'mdast';

/**
 * GFM's literal-autolink transform walks the whole tree four times, once per
 * pattern, and is a sixth of the parse. Every pattern needs `http://`,
 * `https://`, `www.` or `@` in a text node outside a link, so it runs only
 * when one is there; the tree is the same either way.
 */
const AUTOLINK_TRANSFORMS = new Set<Transform>(
  gfmAutolinkLiteralFromMarkdown().transforms ?? [],
);
const MDAST_EXTENSIONS = gfmFromMarkdown().map(extension => ({
  ...extension,
  transforms: extension.transforms?.filter(
    transform => !AUTOLINK_TRANSFORMS.has(transform),
  ),
}));
const AUTOLINK_CANDIDATE = /https?:\/\/|www\.|@/i;

/**
 * GFM's syntax, as `micromark-extension-gfm` combines it. Its literal-autolink
 * constructs are tried at the start of every word, a large share of the
 * parse; each needs `http://`, `https://`, `www.` or `@` in the source (a
 * character reference is not read as one), so input holding none of them is
 * parsed without them, to the same tree.
 */
const GFM_OTHER_SYNTAX = [
  gfmFootnote(),
  gfmStrikethrough(),
  gfmTable(),
  gfmTaskListItem(),
];
const GFM_SYNTAX = [gfmAutolinkLiteral(), ...GFM_OTHER_SYNTAX];

function mayHoldLiteralAutolink(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (AUTOLINK_CANDIDATE.test(node.value)) return true;
    } else if (
      'children' in node &&
      node.type !== 'link' &&
      node.type !== 'linkReference'
    ) {
      for (const child of node.children) stack.push(child);
    }
  }
  return false;
}

function parseWhole(markdown: string): Root {
  let tree = fromMarkdown(markdown, {
    extensions: AUTOLINK_CANDIDATE.test(markdown)
      ? GFM_SYNTAX
      : GFM_OTHER_SYNTAX,
    mdastExtensions: MDAST_EXTENSIONS,
  });
  if (mayHoldLiteralAutolink(tree)) {
    for (const transform of AUTOLINK_TRANSFORMS)
      tree = (transform(tree) as Root | undefined) ?? tree;
  }
  return tree;
}

/**
 * Parses markdown into an mdast tree with GitHub Flavored Markdown, the same
 * parser family react-markdown and remark-gfm use, so the analysis and the
 * rendered page see the same document. Always one parse of the whole doc, so
 * the tree is the parser's own for every input.
 * @public
 */
export function parseMarkdown(markdown: string): Root {
  return parseWhole(markdown);
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
