import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents, Root } from 'mdast';

/**
 * Parses markdown into an mdast tree with GitHub Flavored Markdown, the same
 * parser family react-markdown and remark-gfm use, so the analysis and the
 * rendered page see the same document.
 * @public
 */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
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
